// A return against this invoice: quantity per line, refund mode, reason, and a manager's PIN when a cashier does it.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatQuantity, formatRupees, parseQuantity } from '../../../src-shared/money';
import { PAYMENT_MODES, type PaymentMode } from '../../../src-shared/contracts/sales';
import type { Me } from '../../app/App';
import { ApprovalFields, approvalRefusal, type ApprovalValue } from '../billing/ApprovalFields';

export function ReturnForm({ detail, me }: { detail: Outputs['sales']['get']; me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [qty, setQty] = useState<Record<string, string>>({});
  const [refundMode, setRefundMode] = useState<PaymentMode>(
    detail.invoice.partyId && detail.invoice.khataPaise > 0 ? 'khata' : 'cash',
  );
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<ApprovalValue>({ staffId: '', pin: '' });
  const [localError, setLocalError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(
    trpc.returns.create.mutationOptions({
      onError: (error) => {
        if (approvalRefusal(error)) setApproval((current) => ({ ...current, pin: '' }));
      },
      onSuccess: (result) => {
        setDone(
          t('invoices.returnDone', {
            number: result.creditNote.number,
            total: formatRupees(result.creditNote.totalPaise),
          }),
        );
        setQty({});
        setReason('');
        void queryClient.invalidateQueries();
      },
    }),
  );
  const open = detail.lines.filter((line) => line.qtyMilli > line.returnedQtyMilli);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    try {
      setLocalError(null);
      const lines = open
        .filter((line) => (qty[line.id] ?? '').trim())
        .map((line) => ({ invoiceLineId: line.id, qtyMilli: parseQuantity(qty[line.id]!) }));
      const needsApproval = me.role === 'cashier';
      create.mutate({
        id: crypto.randomUUID(),
        invoiceId: detail.invoice.id,
        lines,
        refundMode,
        reason,
        ...(needsApproval && approval.staffId ? { approval } : {}),
      });
    } catch (error) {
      setLocalError(error);
    }
  };
  if (open.length === 0) return <div className="card muted">{t('invoices.allReturned')}</div>;
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="return-form">
      <h3>{t('invoices.returnTitle')}</h3>
      {open.map((line, index) => (
        <label key={line.id}>
          {line.name}{' '}
          <span className="muted">
            ({t('invoices.canReturn', { qty: formatQuantity(line.qtyMilli - line.returnedQtyMilli) })})
          </span>
          <input
            autoFocus={index === 0}
            inputMode="decimal"
            data-testid="return-qty"
            placeholder="0"
            value={qty[line.id] ?? ''}
            onChange={(event) => setQty({ ...qty, [line.id]: event.target.value })}
          />
        </label>
      ))}
      <label>
        {t('invoices.refundMode')}
        <select
          value={refundMode}
          data-testid="refund-mode"
          onChange={(event) => setRefundMode(event.target.value as PaymentMode)}
        >
          {PAYMENT_MODES.filter((mode) => mode !== 'khata' || detail.invoice.partyId).map((mode) => (
            <option key={mode} value={mode}>
              {t(`payment.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('invoices.reason')}
        <input data-testid="return-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      {me.role === 'cashier' && <ApprovalFields value={approval} onChange={setApproval} error={create.error} />}
      <button type="submit" disabled={create.isPending}>
        {t('invoices.submitReturn')} <kbd>Enter</kbd>
      </button>
      {done && (
        <div className="notice" data-testid="return-done">
          {done}
        </div>
      )}
      <ErrorNote error={localError ?? (approvalRefusal(create.error) ? null : create.error)} />
    </form>
  );
}
