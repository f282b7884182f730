// The buying side for the owner: the purchase register over the range (filter by supplier, reverse charge, search),
// and what the shop owes its suppliers, aged oldest bill first like the customers' khata.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { date, rupees } from '../format';
import type { Range } from '../range';
import { DataTable } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';

export function PurchasesPage({ range }: { range: Range }) {
  const { t } = useTranslation();
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
          <h3>{t('purchases.heading')}</h3>
          <strong data-testid="purchases-total">{rupees(totals?.totalPaise ?? 0)}</strong>
          <span className="change">{t('purchases.bills', { count: totals?.bills ?? 0 })}</span>
        </article>
        <article className="tile">
          <h3>{t('purchases.inputTax')}</h3>
          <strong>{rupees(totals?.taxPaise ?? 0)}</strong>
          <span className="change">{t('purchases.taxable', { amount: rupees(totals?.taxablePaise ?? 0) })}</span>
        </article>
        <article className="tile">
          <h3>{t('purchases.returned')}</h3>
          <strong>{rupees(totals?.returnedPaise ?? 0)}</strong>
        </article>
      </section>
      <section className="card row" aria-label={t('purchases.filters')}>
        <label className="inline">
          {t('purchases.supplier')}{' '}
          <select
            aria-label={t('purchases.supplier')}
            value={supplierId}
            onChange={(event) => setSupplierId(event.target.value)}
          >
            <option value="">{t('purchases.allSuppliers')}</option>
            {(purchases.data?.suppliers ?? []).map((supplier) => (
              <option key={supplier.id} value={supplier.id}>
                {supplier.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('purchases.reverseCharge')}{' '}
          <select
            aria-label={t('purchases.reverseCharge')}
            value={reverseCharge}
            onChange={(event) => setReverseCharge(event.target.value as '' | 'yes' | 'no')}
          >
            <option value="">{t('purchases.allBills')}</option>
            <option value="yes">{t('purchases.reverseChargeOnly')}</option>
            <option value="no">{t('purchases.withoutReverseCharge')}</option>
          </select>
        </label>
        <label className="inline">
          {t('purchases.search')}{' '}
          <input
            aria-label={t('purchases.searchLabel')}
            value={search}
            placeholder={t('purchases.searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
      </section>
      <DataTable
        testId="purchases"
        wide
        title={t('purchases.title', { from: date(range.from), to: date(range.to) })}
        rows={purchases.data?.rows ?? []}
        columns={[
          { key: 'number', label: t('purchases.columns.number') },
          { key: 'date', label: t('purchases.columns.date'), kind: 'date' },
          { key: 'supplierName', label: t('purchases.columns.supplierName') },
          { key: 'supplierInvoiceNumber', label: t('purchases.columns.supplierInvoiceNumber') },
          { key: 'supplierInvoiceDate', label: t('purchases.columns.supplierInvoiceDate'), kind: 'date' },
          {
            key: 'reverseCharge',
            label: t('purchases.columns.reverseCharge'),
            render: (row) => (row.reverseCharge ? t('purchases.yes') : ''),
          },
          { key: 'taxablePaise', label: t('purchases.columns.taxablePaise'), kind: 'paise' },
          { key: 'taxPaise', label: t('purchases.columns.taxPaise'), kind: 'paise' },
          { key: 'totalPaise', label: t('purchases.columns.totalPaise'), kind: 'paise' },
          { key: 'payablePaise', label: t('purchases.columns.payablePaise'), kind: 'paise' },
          { key: 'returnedPaise', label: t('purchases.columns.returnedPaise'), kind: 'paise' },
        ]}
        empty={t('purchases.empty')}
        actions={<ExportButtons table="purchases" range={range} />}
      />
    </div>
  );
}

export function PayablesPage({ range }: { range: Range }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.payables.queryOptions({ asOf: range.to }));
  const rows = report.data?.suppliers ?? [];
  const overdue = rows.reduce((sum, row) => sum + row.d31to60Paise + row.d61to90Paise + row.d90plusPaise, 0);
  return (
    <div className="page grid">
      <section className="tiles">
        <article className="tile">
          <h3>{t('payables.due')}</h3>
          <strong data-testid="due-to-suppliers">{rupees(report.data?.dueToSuppliersPaise ?? 0)}</strong>
          <span className="change">
            {t('payables.suppliers', { count: rows.filter((row) => row.totalPaise > 0).length })}
          </span>
        </article>
        <article className="tile">
          <h3>{t('payables.overdue')}</h3>
          <strong>{rupees(overdue)}</strong>
          <span className="change">{t('payables.suppliers', { count: rows.filter((row) => row.overdue).length })}</span>
        </article>
      </section>
      <DataTable
        testId="payables"
        wide
        title={t('payables.title', { date: date(range.to) })}
        rows={rows}
        columns={[
          {
            key: 'name',
            label: t('payables.columns.name'),
            render: (row) => (row.overdue ? <span className="overdue">{row.name}</span> : row.name),
          },
          { key: 'gstin', label: t('payables.columns.gstin') },
          { key: 'totalPaise', label: t('payables.columns.totalPaise'), kind: 'paise' },
          { key: 'd0to30Paise', label: t('payables.columns.d0to30Paise'), kind: 'paise' },
          { key: 'd31to60Paise', label: t('payables.columns.d31to60Paise'), kind: 'paise' },
          { key: 'd61to90Paise', label: t('payables.columns.d61to90Paise'), kind: 'paise' },
          { key: 'd90plusPaise', label: t('payables.columns.d90plusPaise'), kind: 'paise' },
          {
            key: 'oldestUnpaidAt',
            label: t('payables.columns.oldestUnpaidAt'),
            render: (row) => date(row.oldestUnpaidAt),
          },
        ]}
        empty={t('payables.empty')}
        actions={<ExportButtons table="payables" range={range} />}
      />
    </div>
  );
}
