// Paying a supplier (Enter): amount, mode, the UPI/bank reference or the cheque's number and date; each problem beside
// its box, and a retry after a lost answer is the same payment (one id per payment being entered).
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { shownError } from '../../app/errors';
import { formatRupees, parseRupees } from '../../../src-shared/money';
import { readShopDate } from '../../../src-shared/shop-time';
import { PAY_MODES, type PayMode } from '../purchases/purchase-draft';

const FIELD_OF_PATH: Record<string, string> = {
  amountPaise: 'amount',
  reference: 'reference',
  chequeDate: 'chequeDate',
  mode: 'mode',
};

export function PaySupplier({ supplierId, payablePaise }: { supplierId: string; payablePaise: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [mode, setMode] = useState<PayMode>('bank');
  const [reference, setReference] = useState('');
  const [chequeDate, setChequeDate] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [paymentId, setPaymentId] = useState(() => crypto.randomUUID());
  const pay = useMutation(
    trpc.payables.pay.mutationOptions({
      onSuccess: (result, input) => {
        setDone(t('suppliers.paid', { number: result.number, amount: formatRupees(input.amountPaise) }));
        setAmount('');
        setReference('');
        setChequeDate('');
        setPaymentId(crypto.randomUUID());
        void queryClient.invalidateQueries();
      },
    }),
  );
  const ledgerError = shownError(pay.error);
  const shown: Record<string, string> = {};
  for (const detail of ledgerError?.details ?? [])
    shown[FIELD_OF_PATH[detail.path.split('.')[0]!] ?? 'amount'] ??= detail.message;
  Object.assign(shown, problems);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    let amountPaise = 0;
    try {
      amountPaise = parseRupees(amount.trim());
      if (amountPaise <= 0) found.amount = t('suppliers.problems.amountAboveZero');
    } catch {
      found.amount = t('purchases.problems.amount');
    }
    let cheque: string | null = null;
    if (mode === 'cheque') {
      if (!reference.trim()) found.reference = t('purchases.problems.chequeNumber');
      const entry = readShopDate(chequeDate);
      if (!chequeDate.trim()) found.chequeDate = t('purchases.problems.dateMissing');
      else if ('problem' in entry) found.chequeDate = t(`purchases.problems.date-${entry.problem}`);
      else cheque = entry.date;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    pay.mutate({ id: paymentId, supplierId, amountPaise, mode, reference: reference.trim(), chequeDate: cheque });
  };

  const field = (key: string, label: string, control: ReactNode) => (
    <label className={shown[key] ? 'field invalid' : 'field'}>
      <span>{label}</span>
      {control}
      {shown[key] && (
        <span className="field-error" role="alert" data-testid={`pay-supplier-error-${key}`}>
          {shown[key]}
        </span>
      )}
    </label>
  );
  const placed = ledgerError && ledgerError.details.length > 0;
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="pay-supplier" noValidate>
      <h3>{t('suppliers.pay')}</h3>
      <p className="muted small">{t('suppliers.payHint', { due: formatRupees(payablePaise) })}</p>
      {field(
        'amount',
        t('khata.amount'),
        <input
          autoFocus
          inputMode="decimal"
          data-testid="pay-supplier-amount"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />,
      )}
      {field(
        'mode',
        t('khata.mode'),
        <select
          value={mode}
          data-testid="pay-supplier-mode"
          onChange={(event) => setMode(event.target.value as PayMode)}
        >
          {PAY_MODES.map((option) => (
            <option key={option} value={option}>
              {t(`purchases.modes.${option}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        'reference',
        mode === 'cheque' ? t('purchases.chequeNumber') : t('payment.reference'),
        <input
          data-testid="pay-supplier-reference"
          value={reference}
          onChange={(event) => setReference(event.target.value)}
        />,
      )}
      {mode === 'cheque' &&
        field(
          'chequeDate',
          t('purchases.chequeDate'),
          <input
            data-testid="pay-supplier-cheque-date"
            placeholder={t('purchases.datePlaceholder')}
            value={chequeDate}
            onChange={(event) => setChequeDate(event.target.value)}
          />,
        )}
      <button type="submit" disabled={pay.isPending} data-testid="pay-supplier-submit">
        {t('suppliers.pay')} <kbd>Enter</kbd>
      </button>
      {done && (
        <div className="notice" data-testid="pay-supplier-done">
          {done}
        </div>
      )}
      {ledgerError && !placed && (
        <div className="error" role="alert" data-testid="pay-supplier-error">
          {ledgerError.message}
        </div>
      )}
    </form>
  );
}
