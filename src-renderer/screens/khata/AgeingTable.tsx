// Overdue ageing: each customer's balance split into 0–30, 31–60, 61–90 and 90+ days, oldest debts first.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';

const BUCKETS = ['d0to30Paise', 'd31to60Paise', 'd61to90Paise', 'd90plusPaise', 'totalPaise'] as const;

export function AgeingTable() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ageing = useQuery(trpc.khata.ageing.queryOptions({}));
  return (
    <section data-testid="ageing">
      <table className="grid">
        <thead>
          <tr>
            <th>{t('khata.name')}</th>
            <th>{t('khata.phone')}</th>
            {BUCKETS.map((bucket) => (
              <th key={bucket} className="num">
                {t(`khata.buckets.${bucket}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ageing.data?.rows.map((row) => (
            <tr key={row.partyId}>
              <td>{row.name}</td>
              <td>{row.phone}</td>
              {BUCKETS.map((bucket) => (
                <td key={bucket} className={bucket === 'd90plusPaise' && row[bucket] > 0 ? 'num owing' : 'num'}>
                  {formatRupees(row[bucket])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {ageing.data && (
          <tfoot>
            <tr>
              <th colSpan={2}>{t('billing.total')}</th>
              {BUCKETS.map((bucket) => (
                <th key={bucket} className="num">
                  {formatRupees(ageing.data.totals[bucket])}
                </th>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
      <ErrorNote error={ageing.error} />
    </section>
  );
}
