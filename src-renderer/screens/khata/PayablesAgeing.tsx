// What the shop owes each supplier, split by how old the bills are (0–30, 31–60, 61–90, 90+ days), oldest first.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';

const BUCKETS = ['d0to30Paise', 'd31to60Paise', 'd61to90Paise', 'd90plusPaise', 'totalPaise'] as const;

export function PayablesAgeing() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ageing = useQuery(trpc.payables.ageing.queryOptions({}));
  return (
    <section data-testid="payables-ageing">
      <table className="grid">
        <thead>
          <tr>
            <th>{t('khata.name')}</th>
            {BUCKETS.map((bucket) => (
              <th key={bucket} className="num">
                {t(`khata.buckets.${bucket}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ageing.data?.rows.map((row) => (
            <tr key={row.partyId} data-testid="payables-ageing-row">
              <td>{row.name}</td>
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
              <th>{t('billing.total')}</th>
              {BUCKETS.map((bucket) => (
                <th key={bucket} className="num" data-testid={`payables-ageing-${bucket}`}>
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
