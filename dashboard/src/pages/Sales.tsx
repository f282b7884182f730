// Sales over the range by day, counter, staff, hour and payment mode; a row drills down to its invoices.
import { useQuery } from '@tanstack/react-query';
import { useTRPC, type Outputs } from '../trpc';
import { href, navigate, type Range } from '../range';
import { DataTable, type Column } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';
import { rupees } from '../format';

type Sales = Outputs['reports']['sales'];
type Figures = Sales['totals'];

function figureColumns<T extends Figures>(): Column<T>[] {
  return [
    { key: 'invoices', label: 'Bills', kind: 'number' },
    { key: 'salesPaise', label: 'Sales', kind: 'paise' },
    { key: 'returnsPaise', label: 'Returns', kind: 'paise' },
    { key: 'netPaise', label: 'Net', kind: 'paise' },
    { key: 'grossProfitPaise', label: 'Gross profit', kind: 'paise' },
  ];
}

export function SalesPage({ range }: { range: Range }) {
  const trpc = useTRPC();
  const sales = useQuery(trpc.reports.sales.queryOptions(range));
  if (!sales.data) return <p className="loading">Loading…</p>;
  const { totals, byDay, byCounter, byStaff, byHour, byMode } = sales.data;
  const drill = (extra: Record<string, string>, from = range.from, to = range.to) =>
    navigate(href('invoices', { from, to }, extra));
  return (
    <div className="page">
      <section className="tiles">
        <article className="tile">
          <h3>Net sales</h3>
          <strong>{rupees(totals.netPaise)}</strong>
          <span className="change">{totals.invoices} bills</span>
        </article>
        <article className="tile">
          <h3>Tax collected</h3>
          <strong>{rupees(totals.taxPaise)}</strong>
        </article>
        <article className="tile">
          <h3>Returns</h3>
          <strong>{rupees(totals.returnsPaise)}</strong>
          <span className="change">{totals.returns} credit notes</span>
        </article>
        <article className="tile">
          <h3>Gross profit</h3>
          <strong>{rupees(totals.grossProfitPaise)}</strong>
        </article>
      </section>
      <div className="grid">
        <DataTable
          testId="by-day"
          title="By day"
          rows={byDay}
          columns={[{ key: 'date', label: 'Date', kind: 'date' }, ...figureColumns<Sales['byDay'][number]>()]}
          onRowClick={(row) => drill({}, row.date, row.date)}
          actions={<ExportButtons table="sales-by-day" range={range} />}
        />
        <DataTable
          title="By counter"
          rows={byCounter}
          columns={[
            { key: 'counterCode', label: 'Counter' },
            { key: 'counterName', label: 'Name' },
            ...figureColumns<Sales['byCounter'][number]>(),
          ]}
          onRowClick={(row) => drill({ counterId: row.counterId })}
          actions={<ExportButtons table="sales-by-counter" range={range} />}
        />
        <DataTable
          testId="by-staff"
          title="By staff"
          rows={byStaff}
          columns={[
            {
              key: 'staffName',
              label: 'Staff',
              // Bills from counters older than staff names carry only the id: say so rather than show a hash.
              render: (row) => row.staffName || `Staff ${row.staffId.slice(0, 8)} (name not synced)`,
            },
            ...figureColumns<Sales['byStaff'][number]>(),
          ]}
          onRowClick={(row) => drill({ staffId: row.staffId })}
          actions={<ExportButtons table="sales-by-staff" range={range} />}
        />
        <DataTable
          title="By hour"
          rows={byHour}
          columns={[
            { key: 'hour', label: 'Hour', kind: 'number', render: (row) => `${String(row.hour).padStart(2, '0')}:00` },
            ...figureColumns<Sales['byHour'][number]>(),
          ]}
          onRowClick={(row) => drill({ hour: String(row.hour) })}
          actions={<ExportButtons table="sales-by-hour" range={range} />}
        />
        <DataTable
          testId="by-mode"
          title="Payment modes"
          rows={byMode}
          columns={[
            { key: 'mode', label: 'Mode', render: (row) => row.mode.toUpperCase() },
            { key: 'count', label: 'Payments', kind: 'number' },
            { key: 'inPaise', label: 'Received', kind: 'paise' },
            { key: 'outPaise', label: 'Refunded', kind: 'paise' },
            { key: 'netPaise', label: 'Net', kind: 'paise' },
          ]}
          actions={<ExportButtons table="payments" range={range} />}
        />
      </div>
    </div>
  );
}
