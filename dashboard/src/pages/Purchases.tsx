// The buying side for the owner: the purchase register over the range (filter by supplier, reverse charge, search),
// and what the shop owes its suppliers, aged oldest bill first like the customers' khata.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { date, rupees } from '../format';
import type { Range } from '../range';
import { DataTable } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';

export function PurchasesPage({ range }: { range: Range }) {
  const trpc = useTRPC();
  const [supplierId, setSupplierId] = useState('');
  const [reverseCharge, setReverseCharge] = useState<'' | 'yes' | 'no'>('');
  const [search, setSearch] = useState('');
  const purchases = useQuery(
    trpc.reports.purchases.queryOptions({
      ...range,
      ...(supplierId ? { supplierId } : {}),
      ...(reverseCharge ? { reverseCharge: reverseCharge === 'yes' } : {}),
      ...(search.trim() ? { search: search.trim() } : {}),
    }),
  );
  const totals = purchases.data?.totals;
  return (
    <div className="page grid">
      <section className="tiles">
        <article className="tile">
          <h3>Purchases</h3>
          <strong data-testid="purchases-total">{rupees(totals?.totalPaise ?? 0)}</strong>
          <span className="change">{totals?.bills ?? 0} bills</span>
        </article>
        <article className="tile">
          <h3>Input tax on them</h3>
          <strong>{rupees(totals?.taxPaise ?? 0)}</strong>
          <span className="change">taxable {rupees(totals?.taxablePaise ?? 0)}</span>
        </article>
        <article className="tile">
          <h3>Returned to suppliers</h3>
          <strong>{rupees(totals?.returnedPaise ?? 0)}</strong>
        </article>
      </section>
      <section className="card row" aria-label="Purchase filters">
        <label className="inline">
          Supplier{' '}
          <select aria-label="Supplier" value={supplierId} onChange={(event) => setSupplierId(event.target.value)}>
            <option value="">All suppliers</option>
            {(purchases.data?.suppliers ?? []).map((supplier) => (
              <option key={supplier.id} value={supplier.id}>
                {supplier.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          Reverse charge{' '}
          <select
            aria-label="Reverse charge"
            value={reverseCharge}
            onChange={(event) => setReverseCharge(event.target.value as '' | 'yes' | 'no')}
          >
            <option value="">All bills</option>
            <option value="yes">Reverse charge only</option>
            <option value="no">Without reverse charge</option>
          </select>
        </label>
        <label className="inline">
          Bill or supplier{' '}
          <input
            aria-label="Search purchases"
            value={search}
            placeholder="number, supplier, GSTIN"
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
      </section>
      <DataTable
        testId="purchases"
        wide
        title={`Purchase bills, ${date(range.from)} to ${date(range.to)}`}
        rows={purchases.data?.rows ?? []}
        columns={[
          { key: 'number', label: 'Bill' },
          { key: 'date', label: 'Date', kind: 'date' },
          { key: 'supplierName', label: 'Supplier' },
          { key: 'supplierInvoiceNumber', label: 'Supplier invoice' },
          { key: 'supplierInvoiceDate', label: 'Invoice date', kind: 'date' },
          { key: 'reverseCharge', label: 'RCM', render: (row) => (row.reverseCharge ? 'Yes' : '') },
          { key: 'taxablePaise', label: 'Taxable', kind: 'paise' },
          { key: 'taxPaise', label: 'Tax', kind: 'paise' },
          { key: 'totalPaise', label: 'Total', kind: 'paise' },
          { key: 'payablePaise', label: 'On credit', kind: 'paise' },
          { key: 'returnedPaise', label: 'Returned', kind: 'paise' },
        ]}
        empty="No purchase bills in these days."
        actions={<ExportButtons table="purchases" range={range} />}
      />
    </div>
  );
}

export function PayablesPage({ range }: { range: Range }) {
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.payables.queryOptions({ asOf: range.to }));
  const rows = report.data?.suppliers ?? [];
  const overdue = rows.reduce((sum, row) => sum + row.d31to60Paise + row.d61to90Paise + row.d90plusPaise, 0);
  return (
    <div className="page grid">
      <section className="tiles">
        <article className="tile">
          <h3>Due to suppliers</h3>
          <strong data-testid="due-to-suppliers">{rupees(report.data?.dueToSuppliersPaise ?? 0)}</strong>
          <span className="change">{rows.filter((row) => row.totalPaise > 0).length} suppliers</span>
        </article>
        <article className="tile">
          <h3>Due for 31+ days</h3>
          <strong>{rupees(overdue)}</strong>
          <span className="change">{rows.filter((row) => row.overdue).length} suppliers</span>
        </article>
      </section>
      <DataTable
        testId="payables"
        wide
        title={`Payables ageing as of ${date(range.to)}`}
        rows={rows}
        columns={[
          {
            key: 'name',
            label: 'Supplier',
            render: (row) => (row.overdue ? <span className="overdue">{row.name}</span> : row.name),
          },
          { key: 'gstin', label: 'GSTIN' },
          { key: 'totalPaise', label: 'Due', kind: 'paise' },
          { key: 'd0to30Paise', label: '0–30', kind: 'paise' },
          { key: 'd31to60Paise', label: '31–60', kind: 'paise' },
          { key: 'd61to90Paise', label: '61–90', kind: 'paise' },
          { key: 'd90plusPaise', label: '90+', kind: 'paise' },
          { key: 'oldestUnpaidAt', label: 'Oldest unpaid', render: (row) => date(row.oldestUnpaidAt) },
        ]}
        empty="Nothing is owed to any supplier."
        actions={<ExportButtons table="payables" range={range} />}
      />
    </div>
  );
}
