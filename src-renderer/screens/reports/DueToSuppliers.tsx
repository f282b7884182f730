// Due to suppliers on the counter's reports: what the shop owes in all, and to whom, largest first (as of now).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';

export function DueToSuppliers() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const summary = useQuery(trpc.payables.summary.queryOptions({}));
  const suppliers = (summary.data?.suppliers ?? [])
    .filter((supplier) => supplier.payablePaise !== 0)
    .sort((a, b) => b.payablePaise - a.payablePaise);
  return (
    <section className="card wide" data-testid="due-to-suppliers">
      <h3>
        {t('reports.dueToSuppliers')}:{' '}
        <span data-testid="total-due-to-suppliers">
          {summary.data ? formatRupees(summary.data.dueToSuppliersPaise) : '…'}
        </span>
      </h3>
      {summary.data && summary.data.advancesToSuppliersPaise > 0 && (
        <p className="muted" data-testid="advances-to-suppliers">
          {t('reports.advancesToSuppliers', { amount: formatRupees(summary.data.advancesToSuppliersPaise) })}
        </p>
      )}
      <table className="grid">
        <thead>
          <tr>
            <th>{t('purchases.supplier')}</th>
            <th className="num">{t('suppliers.weOwe')}</th>
          </tr>
        </thead>
        <tbody>
          {suppliers.map((supplier) => (
            <tr key={supplier.partyId} data-testid="due-to-supplier-row">
              <td>{supplier.name}</td>
              <td className="num">{formatRupees(supplier.payablePaise)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.data && suppliers.length === 0 && <p className="muted">{t('reports.noDueToSuppliers')}</p>}
      <ErrorNote error={summary.error} />
    </section>
  );
}
