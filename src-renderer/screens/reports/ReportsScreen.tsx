// Reports of this counter, offline (managers and owners): a date range, the totals as cards, and each breakdown as a table.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';
import { AgeingTable } from '../khata/AgeingTable';
import { DueToSuppliers } from './DueToSuppliers';
import { RangeBar } from './RangeBar';
import { ReportTable } from './ReportTable';
import { presetRange, rangeProblem, type DayRange, type Preset } from './range';
import {
  dayColumns,
  hourColumns,
  hsnColumns,
  itemColumns,
  lowStockColumns,
  modeColumns,
  rateColumns,
  returnColumns,
  shiftColumns,
} from './columns';

/** For managers and owners only: the shell shows a cashier no Reports tab (the ledger refuses her too). */
export function ReportsScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [preset, setPreset] = useState<Preset>('today');
  const [range, setRange] = useState<DayRange>(() => presetRange('today', new Date()));
  const problem = rangeProblem(range);
  const enabled = problem === null;
  const sales = useQuery({ ...trpc.reports.sales.queryOptions(range), enabled });
  const byHour = useQuery({ ...trpc.reports.byHour.queryOptions(range), enabled });
  const items = useQuery({ ...trpc.reports.items.queryOptions(range), enabled });
  const gst = useQuery({ ...trpc.reports.gst.queryOptions(range), enabled });
  const returns = useQuery({ ...trpc.reports.returns.queryOptions(range), enabled });
  const shifts = useQuery({ ...trpc.reports.cashSessions.queryOptions(range), enabled });
  const lowStock = useQuery(trpc.reports.lowStock.queryOptions());
  const columns = useMemo(
    () => ({
      day: dayColumns(t),
      hour: hourColumns(t),
      mode: modeColumns(t),
      item: itemColumns(t),
      rate: rateColumns(t),
      hsn: hsnColumns(t),
      returns: returnColumns(t),
      lowStock: lowStockColumns(t),
      shift: shiftColumns(t),
    }),
    [t],
  );
  const totals = sales.data;
  const cards: [string, string, string | undefined][] = [
    ['bills', t('reports.bills'), totals && String(totals.invoiceCount)],
    ['sales', t('reports.sales'), totals && formatRupees(totals.salesPaise)],
    ['returns', t('reports.returns'), totals && formatRupees(totals.returnsPaise)],
    ['net', t('reports.netSales'), totals && formatRupees(totals.netPaise)],
    ['tax', t('reports.gstNet'), gst.data && formatRupees(gst.data.totals.taxPaise)],
    ['profit', t('reports.profit'), items.data && formatRupees(items.data.totals.grossProfitPaise)],
  ];
  const error = [sales, byHour, items, gst, returns, shifts, lowStock].find((query) => query.error)?.error;
  return (
    <div className="reports" data-testid="reports">
      <div className="toolbar">
        <h1>{t('reports.title')}</h1>
        <span className="muted" data-testid="range-shown">
          {t('reports.shown', { from: range.from, to: range.to })}
        </span>
      </div>
      <RangeBar
        preset={preset}
        range={range}
        onChange={(nextPreset, nextRange) => {
          setPreset(nextPreset);
          setRange(nextRange);
        }}
      />
      {problem && (
        <div className="warning" data-testid="range-problem">
          {t(`reports.problems.${problem}`)}
        </div>
      )}
      <ErrorNote error={error} />
      <div className="report-cards">
        {cards.map(([id, label, value]) => (
          <div key={id} className="card report-card">
            <div className="muted">{label}</div>
            <div className="report-figure" data-testid={`total-${id}`}>
              {value ?? '…'}
            </div>
          </div>
        ))}
      </div>
      <div className="report-grid">
        <ReportTable testId="by-day" title={t('reports.byDay')} rows={sales.data?.byDay ?? []} columns={columns.day} />
        <ReportTable testId="by-hour" title={t('reports.byHour')} rows={byHour.data ?? []} columns={columns.hour} />
        <ReportTable
          testId="by-mode"
          title={t('reports.byMode')}
          rows={sales.data?.byMode ?? []}
          columns={columns.mode}
          footer={[
            t('billing.total'),
            sales.data && formatRupees(sales.data.byMode.reduce((sum, row) => sum + row.paise, 0)),
          ]}
        />
        <ReportTable
          testId="gst-by-rate"
          title={t('reports.gstByRate')}
          rows={gst.data?.byRate ?? []}
          columns={columns.rate}
          footer={
            gst.data && [
              t('billing.total'),
              ...(['taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise', 'taxPaise'] as const).map(
                (key) => formatRupees(gst.data.totals[key]),
              ),
            ]
          }
        />
        <div className="wide">
          <ReportTable
            testId="items"
            title={t('reports.items')}
            rows={items.data?.rows ?? []}
            columns={columns.item}
            footer={
              items.data && [
                t('billing.total'),
                '',
                formatRupees(items.data.totals.netSalesPaise),
                '',
                formatRupees(items.data.totals.netTaxablePaise),
                formatRupees(items.data.totals.netCostPaise),
                formatRupees(items.data.totals.grossProfitPaise),
                '',
              ]
            }
          />
        </div>
        <div className="wide">
          <ReportTable
            testId="gst-by-hsn"
            title={t('reports.gstByHsn')}
            rows={gst.data?.byHsn ?? []}
            columns={columns.hsn}
          />
        </div>
        <ReportTable
          testId="returns"
          title={t('reports.returnsList')}
          rows={returns.data ?? []}
          columns={columns.returns}
        />
        <ReportTable
          testId="low-stock"
          title={t('reports.lowStock')}
          rows={lowStock.data ?? []}
          columns={columns.lowStock}
        />
        <div className="wide">
          <ReportTable testId="shifts" title={t('reports.shifts')} rows={shifts.data ?? []} columns={columns.shift} />
        </div>
        <section className="card wide">
          <h3>{t('reports.khata')}</h3>
          <AgeingTable />
        </section>
        <DueToSuppliers />
      </div>
    </div>
  );
}
