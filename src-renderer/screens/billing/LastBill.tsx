// The bill just finalised: its number, and the change to hand back in large type.
import { useTranslation } from 'react-i18next';
import { formatRupees } from '../../../src-shared/money';

export interface FinishedBill {
  number: string;
  totalPaise: number;
  changePaise: number;
  warnings: string[];
}

export function LastBill({ bill }: { bill: FinishedBill }) {
  const { t } = useTranslation();
  return (
    <div className="last-bill" data-testid="last-bill" role="status">
      <div>
        {t('billing.saved', { number: bill.number })} · {t('billing.total')} {formatRupees(bill.totalPaise)}
      </div>
      <div className="change">
        {t('payment.change')}: <strong data-testid="change-due">{formatRupees(bill.changePaise)}</strong>
      </div>
      {bill.warnings.map((warning) => (
        <div key={warning} className="warning small">{warning}</div>
      ))}
    </div>
  );
}
