// Payment (F2): split across cash, UPI, card and khata; shows what is still due and the change; Enter finalises.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { Dialog } from '../../app/Dialog';
import { ErrorNote } from '../../app/ErrorNote';
import { errorCode } from '../../app/errors';
import { formatQuantity, formatRupees, parseRupees } from '../../../src-shared/money';
import { DomainError } from '../../../src-shared/errors';
import type { InvoiceTotals } from '../../../src-shared/sales/totals';
import type { PaymentMode } from '../../../src-shared/contracts/sales';
import { finalizeInput, type Cart } from './cart';
import type { FinishedBill } from './LastBill';
import { ApprovalFields, approvalRefusal, type ApprovalValue } from './ApprovalFields';

export type { FinishedBill };

const MODES: PaymentMode[] = ['cash', 'upi', 'card', 'khata'];
const NON_CASH: PaymentMode[] = ['upi', 'card', 'khata'];

function readAmounts(amounts: Record<PaymentMode, string>): {
  paise: Record<PaymentMode, number>;
  error: string | null;
} {
  const paise = { cash: 0, upi: 0, card: 0, khata: 0 };
  for (const mode of MODES) {
    const text = amounts[mode].trim();
    if (!text) continue;
    try {
      paise[mode] = parseRupees(text);
    } catch (error) {
      return { paise, error: error instanceof DomainError ? `${mode.toUpperCase()}: ${error.message}` : String(error) };
    }
  }
  return { paise, error: null };
}

export function PaymentDialog({
  cart,
  totals,
  onClose,
  onFinished,
}: {
  cart: Cart;
  totals: InvoiceTotals;
  onClose: () => void;
  onFinished: (bill: FinishedBill) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [amounts, setAmounts] = useState<Record<PaymentMode, string>>({ cash: '', upi: '', card: '', khata: '' });
  const [reference, setReference] = useState('');
  const [approval, setApproval] = useState<ApprovalValue | null>(null);
  const finalize = useMutation(
    trpc.sales.finalize.mutationOptions({
      onSuccess: (sale) =>
        onFinished({
          id: sale.invoice.id,
          number: sale.invoice.number,
          totalPaise: sale.invoice.totalPaise,
          changePaise: sale.invoice.changePaise,
          warnings: sale.warnings.map((warning) =>
            warning.kind === 'credit-limit'
              ? t('billing.creditWarning', {
                  name: warning.name,
                  balance: formatRupees(warning.balancePaise),
                  limit: formatRupees(warning.creditLimitPaise),
                })
              : t('billing.negativeStock', { name: warning.name, stock: formatQuantity(warning.stockMilli) }),
          ),
        }),
      onError: (error) => {
        // A refused approval keeps the box (and the bill) as they are, with an empty PIN for the next try.
        if (approvalRefusal(error)) setApproval((current) => current && { ...current, pin: '' });
        else if (errorCode(error) === 'FORBIDDEN' && !approval) setApproval({ staffId: '', pin: '' });
      },
    }),
  );
  const { paise, error: amountError } = readAmounts(amounts);
  const paid = MODES.reduce((sum, mode) => sum + paise[mode], 0);
  const remaining = Math.max(0, totals.totalPaise - paid);
  const over = Math.max(0, paid - totals.totalPaise);
  // Only cash can be handed back: what UPI, card or khata put above the bill is refused here, not at finalise.
  const overNonCash = Math.max(0, over - paise.cash);
  const change = over - overNonCash;
  const overMode = overNonCash > 0 ? [...NON_CASH].reverse().find((mode) => paise[mode] > 0) : undefined;
  const overText = overMode
    ? t('payment.onlyCashOver', { mode: t(`payment.${overMode}`), over: formatRupees(overNonCash) })
    : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amountError || overText) return;
    // Enter on an empty dialog is the commonest bill of all: exact cash.
    const payments =
      paid === 0
        ? [{ mode: 'cash' as const, amountPaise: totals.totalPaise, reference: '' }]
        : MODES.filter((mode) => paise[mode] > 0).map((mode) => ({
            mode,
            amountPaise: paise[mode],
            reference: mode === 'upi' || mode === 'card' ? reference : '',
          }));
    finalize.mutate(finalizeInput(cart, payments, approval?.staffId ? approval : undefined));
  };

  const field = (mode: PaymentMode, autoFocus = false) => (
    <label key={mode} className="pay-field">
      <span>{t(`payment.${mode}`)}</span>
      <input
        autoFocus={autoFocus}
        inputMode="decimal"
        data-testid={`pay-${mode}`}
        disabled={mode === 'khata' && !cart.party}
        placeholder={mode === 'khata' && !cart.party ? t('payment.khataNeedsCustomer') : '0.00'}
        value={amounts[mode]}
        aria-invalid={mode === overMode ? true : undefined}
        onChange={(event) => setAmounts({ ...amounts, [mode]: event.target.value })}
      />
      {mode === overMode && (
        <span className="field-error" role="alert" data-testid="pay-over">
          {overText}
        </span>
      )}
    </label>
  );

  return (
    <Dialog title={t('payment.title')} onClose={onClose} testId="payment-dialog">
      <form onSubmit={submit} className="payment">
        <div className="pay-total">
          {t('billing.total')} <strong data-testid="pay-total">{formatRupees(totals.totalPaise)}</strong>
        </div>
        {field('cash', true)}
        {field('upi')}
        {field('card')}
        {field('khata')}
        <label className="pay-field">
          <span>{t('payment.reference')}</span>
          <input value={reference} onChange={(event) => setReference(event.target.value)} />
        </label>
        <div className="figure">
          <span>{t('payment.paid')}</span>
          <span className="num">{formatRupees(paid)}</span>
        </div>
        <div className="figure">
          <span>{t('payment.remaining')}</span>
          <span className="num" data-testid="pay-remaining">
            {formatRupees(remaining)}
          </span>
        </div>
        <div className="figure strong">
          <span>{t('payment.change')}</span>
          <span className="num" data-testid="pay-change">
            {formatRupees(change)}
          </span>
        </div>
        {approval && <ApprovalFields value={approval} onChange={setApproval} error={finalize.error} autoFocus />}
        {amountError && <div className="error">{amountError}</div>}
        {!approvalRefusal(finalize.error) && <ErrorNote error={finalize.error} testId="payment-error" />}
        <button type="submit" disabled={finalize.isPending || overText !== null} data-testid="pay-finalise">
          {t('payment.finalise')} <kbd>Enter</kbd>
        </button>
        {overText && (
          <p className="field-error" data-testid="finalise-blocked">
            {t('payment.cannotFinalise', { reason: overText })}
          </p>
        )}
        <p className="hint">{t('payment.hint')}</p>
      </form>
    </Dialog>
  );
}
