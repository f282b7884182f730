// Cancelling a wrong receipt: a reason and a manager's PIN; the ledger writes a reversing document, the receipt stays.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { Dialog } from '../../app/Dialog';
import { ErrorNote } from '../../app/ErrorNote';
import { errorCode } from '../../app/errors';
import { formatRupees } from '../../../src-shared/money';
import { ApprovalFields, type ApprovalValue } from '../billing/ApprovalFields';

export interface ReceiptToCancel {
  receiptId: string;
  number: string;
  amountPaise: number;
}

export function ReverseReceiptDialog({
  receipt,
  askManager,
  onClose,
  onDone,
}: {
  receipt: ReceiptToCancel;
  /** A cashier needs a manager's PIN; a manager or owner approves their own. */
  askManager: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<ApprovalValue | null>(askManager ? { staffId: '', pin: '' } : null);
  const [missingReason, setMissingReason] = useState(false);
  const [requestId] = useState(() => crypto.randomUUID());
  const reverse = useMutation(
    trpc.khata.reverseReceipt.mutationOptions({
      onSuccess: (result) => {
        void queryClient.invalidateQueries();
        onDone(
          t('reversal.done', {
            receipt: receipt.number,
            number: result.reversal.number,
            balance: formatRupees(result.balancePaise),
          }),
        );
      },
      onError: (error) => {
        if (errorCode(error) === 'FORBIDDEN' && !approval) setApproval({ staffId: '', pin: '' });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingReason(!reason.trim());
    if (!reason.trim()) return;
    reverse.mutate({
      id: requestId,
      receiptId: receipt.receiptId,
      reason: reason.trim(),
      ...(approval?.staffId ? { approval } : {}),
    });
  };
  return (
    <Dialog title={t('reversal.title', { number: receipt.number })} onClose={onClose} testId="reverse-receipt">
      <form onSubmit={submit} className="reverse-receipt" noValidate>
        <p className="warning">{t('reversal.explain', { amount: formatRupees(receipt.amountPaise) })}</p>
        <label className={missingReason ? 'field invalid' : 'field'}>
          <span>{t('reversal.reason')}</span>
          <input
            autoFocus
            value={reason}
            data-testid="reverse-reason"
            placeholder={t('reversal.reasonHint')}
            onChange={(event) => {
              setReason(event.target.value);
              setMissingReason(false);
            }}
          />
          {missingReason && (
            <span className="field-error" role="alert" data-testid="reverse-reason-error">
              {t('reversal.reasonNeeded')}
            </span>
          )}
        </label>
        {approval && <ApprovalFields value={approval} onChange={setApproval} />}
        <ErrorNote error={reverse.error} testId="reverse-error" />
        <div className="form-actions">
          <button type="submit" disabled={reverse.isPending} data-testid="reverse-save">
            {t('reversal.confirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
