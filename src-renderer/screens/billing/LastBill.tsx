// The bill just finalised: its number, the change to hand back in large type, and whether its receipt came out.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { formatRupees } from '../../../src-shared/money';
import { InvoicePdfButtons } from '../invoices/InvoicePdfButtons';

export interface FinishedBill {
  id: string;
  number: string;
  totalPaise: number;
  changePaise: number;
  warnings: string[];
}

/** Printed, still on its way, or waiting for a printer that is off (with its reason); nothing when no printer is set up. */
function ReceiptState({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const jobs = useQuery({
    ...trpc.printing.jobs.queryOptions({ docId: invoiceId, limit: 1 }),
    refetchInterval: (query) => (query.state.data?.jobs[0]?.status === 'done' ? false : 1_000),
  });
  const job = jobs.data?.jobs[0];
  if (!job) return null;
  const stuck = job.status === 'failed' || (job.status !== 'done' && job.lastError);
  const text =
    job.status === 'done'
      ? t('billing.receiptPrinted')
      : stuck
        ? t('billing.receiptWaiting', { reason: job.lastError ?? '' })
        : t('billing.receiptPrinting');
  return (
    <div className={stuck ? 'warning small' : 'small'} data-testid="receipt-state">
      {text}
    </div>
  );
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
      <ReceiptState invoiceId={bill.id} />
      <InvoicePdfButtons invoiceId={bill.id} />
      {bill.warnings.map((warning) => (
        <div key={warning} className="warning small">
          {warning}
        </div>
      ))}
    </div>
  );
}
