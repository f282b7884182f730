// The owner's first screen: today against yesterday, trend, payment mix, top items, busy hours, and each counter's last sync.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { ago, rupees } from '../format';
import { href, navigate, type Range } from '../range';
import { HourHeatmap, PaymentMix, SalesTrend, TopItems } from '../components/Charts';

function Change({ today, yesterday }: { today: number; yesterday: number }) {
  if (yesterday === 0) return <span className="change">{today > 0 ? 'new today' : '—'}</span>;
  const percent = Math.round(((today - yesterday) / yesterday) * 100);
  return (
    <span
      className={`change ${percent >= 0 ? 'up' : 'down'}`}
    >{`${percent >= 0 ? '▲' : '▼'} ${Math.abs(percent)}% vs yesterday`}</span>
  );
}

export function Overview({ range }: { range: Range }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.reports.overview.queryOptions());
  const sales = useQuery(trpc.reports.sales.queryOptions(range));
  const items = useQuery(trpc.reports.items.queryOptions(range));
  const o = overview.data;
  return (
    <div className="page">
      {o && (
        <section className="tiles" data-testid="today">
          <article className="tile">
            <h3>Today’s sales</h3>
            <strong>{rupees(o.todaySales.netPaise)}</strong>
            <Change today={o.todaySales.netPaise} yesterday={o.yesterdaySales.netPaise} />
          </article>
          <article className="tile">
            <h3>Yesterday</h3>
            <strong>{rupees(o.yesterdaySales.netPaise)}</strong>
            <span className="change">{o.yesterdaySales.invoices} bills</span>
          </article>
          <article className="tile">
            <h3>Bills today</h3>
            <strong>{o.todaySales.invoices}</strong>
            <span className="change">{o.todaySales.returns} returns</span>
          </article>
          <article className="tile">
            <h3>Gross profit today</h3>
            <strong>{rupees(o.todaySales.grossProfitPaise)}</strong>
            <span className="change">at cost when sold</span>
          </article>
        </section>
      )}
      <div className="grid">
        <section className="card wide">
          <h2>Sales trend</h2>
          {sales.data && <SalesTrend days={sales.data.byDay} />}
        </section>
        <section className="card">
          <h2>Payment mix</h2>
          {sales.data && <PaymentMix modes={sales.data.byMode} />}
        </section>
        <section className="card">
          <h2>Top items</h2>
          {items.data && <TopItems items={items.data.rows} />}
        </section>
        <section className="card">
          <h2>Busy hours</h2>
          {sales.data && <HourHeatmap cells={sales.data.heatmap} />}
        </section>
        <section className="card" data-testid="counters">
          <h2>Counters</h2>
          <ul className="counters">
            {o?.counters.map((counter) => (
              <li key={counter.id} className={counter.revoked ? 'revoked' : undefined}>
                <strong>{counter.counterCode}</strong> {counter.name}
                <span className="muted">last sync {ago(counter.lastSeenAt)}</span>
                <span className="muted">
                  {counter.pushedOps} changes sent{counter.appVersion ? ` · v${counter.appVersion}` : ''}
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="link" onClick={() => navigate(href('sales', range))}>
            Sales by day →
          </button>
        </section>
      </div>
    </div>
  );
}
