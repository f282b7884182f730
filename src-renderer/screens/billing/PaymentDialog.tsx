// Payment (F2): split across cash, UPI, card and khata; shows what is still due and the change; Enter finalises.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
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
import { creditLimitExcessPaise, creditLimitNeedsApproval } from '../../../src-shared/khata/credit-limit';

export type { FinishedBill };

const MODES: PaymentMode[] = ['cash', 'upi', 'card', 'khata'];
const NON_CASH: PaymentMode[] = ['upi', 'card', 'khata'];

/** Before finalising: how far the khata part takes the customer over their limit, and whether a manager must approve. */
function CreditLimitNote({
  party,
  khataPaise,
  askManager,
}: {
  party: Cart['party'];
  khataPaise: number;
  askManager: boolean;
}) {
  const { t } = useTranslation();
  if (!party || party.creditLimitPaise === null) return null;
  const overPaise = creditLimitExcessPaise(party, khataPaise);
  if (overPaise === 0) return null;
  return (
    <div className="warning" role="alert" data-testid="credit-limit-warning">
      <strong>{t('payment.overLimit', { amount: formatRupees(overPaise) })}</strong>{' '}
      {t('payment.overLimitDetail', {
        name: party.name,
        balance: formatRupees(party.balancePaise),
        limit: formatRupees(party.creditLimitPaise),
      })}
      {askManager && ` ${t('payment.limitNeedsManager')}`}
    </div>
  );
}

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
  isCashier,
}: {
  cart: Cart;
  totals: InvoiceTotals;
  onClose: () => void;
  onFinished: (bill: FinishedBill) => void;
  /** A cashier needs a manager's PIN where the shop asks for one (a customer's credit limit). */
  isCashier: boolean;
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
          warnings: sale.warnings.map((warning) => {
            switch (warning.kind) {
              case 'credit-limit':
                return t('billing.creditWarning', {
                  name: warning.name,
                  balance: formatRupees(warning.balancePaise),
                  limit: formatRupees(warning.creditLimitPaise),
                });
              case 'below-cost':
                return t('billing.belowCostSold', {
                  line: warning.lineNo,
                  name: warning.name,
                  cost: formatRupees(warning.unitCostPaise),
                });
              default:
                return t('billing.negativeStock', { name: warning.name, stock: formatQuantity(warning.stockMilli) });
            }
          }),
        }),
      onError: (error) => {
        // A refused approval keeps the box (and the bill) as they are, with an empty PIN for the next try.
        if (approvalRefusal(error)) setApproval((current) => current && { ...current, pin: '' });
        else if (errorCode(error) === 'FORBIDDEN' && !approval) setApproval({ staffId: '', pin: '' });
      },
    }),
  );
  // The balance as it is now (another counter may have billed the customer since they were chosen).
  const fresh = useQuery({ ...trpc.parties.get.queryOptions({ id: cart.party?.id ?? '' }), enabled: !!cart.party });
  const party = cart.party ? (fresh.data ?? cart.party) : null;
  const { paise, error: amountError } = readAmounts(amounts);
  const limitNeedsManager = isCashier && !!party && creditLimitNeedsApproval(party, paise.khata);
  const shownApproval = approval ?? (limitNeedsManager ? { staffId: '', pin: '' } : null);
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
    finalize.mutate(finalizeInput(cart, payments, shownApproval?.staffId ? shownApproval : undefined));
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
        <CreditLimitNote party={party} khataPaise={paise.khata} askManager={limitNeedsManager} />
        {/* Asked for by the ledger: take focus; shown while the khata amount is typed: leave focus where it is. */}
        {shownApproval && (
          <ApprovalFields
            value={shownApproval}
            onChange={setApproval}
            error={finalize.error}
            autoFocus={approval !== null}
          />
        )}
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
