// Cash session: open with a float; while open, the Z-report figures, cash in/out, and closing with the counted cash.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees, parseRupees } from '../../../src-shared/money';
import { shopDateTime } from '../../../src-shared/shop-time';

type Summary = NonNullable<Outputs['cashSessions']['current']>;

/** A form of one money field (and maybe a text field); parse errors show like the ledger's. */
function useMoneyForm() {
  const [amount, setAmount] = useState('');
  const [localError, setLocalError] = useState<unknown>(null);
  const read = (): number | null => {
    try {
      setLocalError(null);
      return parseRupees(amount);
    } catch (error) {
      setLocalError(error);
      return null;
    }
  };
  return { amount, setAmount, localError, read };
}

function OpenShift() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useMoneyForm();
  const open = useMutation(
    trpc.cashSessions.open.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const paise = form.read();
    if (paise !== null) open.mutate({ openingFloatPaise: paise });
  };
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="open-shift">
      <h3>{t('cash.open')}</h3>
      <label>
        {t('cash.float')}
        <input
          autoFocus
          inputMode="decimal"
          data-testid="float"
          value={form.amount}
          onChange={(event) => form.setAmount(event.target.value)}
        />
      </label>
      <button type="submit">
        {t('cash.open')} <kbd>Enter</kbd>
      </button>
      <ErrorNote error={form.localError ?? open.error} />
    </form>
  );
}

type TaxRow = Summary['gstSales'][number];

/** GST by rate of the shift, as the printed Z-report has it. */
function GstTable({ title, rows, testId }: { title: string; rows: TaxRow[]; testId: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const total = (key: Exclude<keyof TaxRow, 'gstRateBp'>) => rows.reduce((sum, row) => sum + row[key], 0);
  const keys = ['taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const;
  return (
    <table className="grid compact" data-testid={testId}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>{t('cash.rate')}</th>
          {[t('cash.taxable'), 'CGST', 'SGST', 'IGST', 'Cess'].map((label) => (
            <th key={label} className="num">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.gstRateBp}>
            <td>{row.gstRateBp / 100}%</td>
            {keys.map((key) => (
              <td key={key} className="num">
                {formatRupees(row[key])}
              </td>
            ))}
          </tr>
        ))}
        <tr className="strong">
          <td>{t('cash.total')}</td>
          {keys.map((key) => (
            <td key={key} className="num">
              {formatRupees(total(key))}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** Who opened and closed the shift and who billed in it. */
function ShiftPeople({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const { session } = summary;
  return (
    <div className="shift-people" data-testid="shift-people">
      <div>{t('cash.openedBy', { time: shopDateTime(session.openedAt), name: summary.openedByName })}</div>
      {session.closedAt && (
        <div>{t('cash.closedBy', { time: shopDateTime(session.closedAt), name: summary.closedByName })}</div>
      )}
      {summary.cashiers.length > 0 && (
        <div>
          {t('cash.billedBy')}:{' '}
          {summary.cashiers
            .map((cashier) => t('cash.cashierBills', { name: cashier.name, count: cashier.invoiceCount }))
            .join(', ')}
        </div>
      )}
    </div>
  );
}

function SummaryTable({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const rows: [key: string, label: string, paise: number][] = [
    ['float', t('cash.float'), summary.session.openingFloatPaise],
    ['sales', t('cash.invoices', { count: summary.invoiceCount }), summary.salesPaise],
    ['cash', `${t('payment.cash')} (${t('cash.net')})`, summary.salesByMode.cash],
    ['upi', t('payment.upi'), summary.salesByMode.upi],
    ['card', t('payment.card'), summary.salesByMode.card],
    ['khata', t('payment.khata'), summary.salesByMode.khata],
    ['receipts', t('cash.receipts'), summary.receiptsPaise],
    ['refunds', t('cash.refunds', { count: summary.returnCount }), -summary.refundsPaise],
    ['cash-in', t('cash.cashIn'), summary.cashInPaise],
    ['cash-out', t('cash.cashOut'), -summary.cashOutPaise],
    ['paid-to-suppliers', t('cash.paidToSuppliers'), -summary.cashPaidToSuppliersPaise],
  ];
  return (
    <div className="summary" data-testid="shift-summary">
      <ShiftPeople summary={summary} />
      {rows.map(([key, label, paise]) => (
        <div className="figure" key={key} data-testid={`shift-${key}`}>
          <span>{label}</span>
          <span className="num">{formatRupees(paise)}</span>
        </div>
      ))}
      <div className="figure strong">
        <span>{t('cash.expected')}</span>
        <span className="num" data-testid="expected-cash">
          {formatRupees(summary.expectedCashPaise)}
        </span>
      </div>
      <GstTable title={t('cash.gstSales')} rows={summary.gstSales} testId="shift-gst-sales" />
      <GstTable title={t('cash.gstReturns')} rows={summary.gstReturns} testId="shift-gst-returns" />
    </div>
  );
}

function CashMovement() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useMoneyForm();
  const [kind, setKind] = useState<'in' | 'out'>('out');
  const [reason, setReason] = useState('');
  const move = useMutation(
    trpc.cashSessions.cashMovement.mutationOptions({
      onSuccess: () => {
        form.setAmount('');
        setReason('');
        void queryClient.invalidateQueries();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const paise = form.read();
    if (paise !== null) move.mutate({ kind, amountPaise: paise, reason });
  };
  return (
    <form className="card inline-form" onSubmit={submit}>
      <h3>{t('cash.movement')}</h3>
      <select value={kind} onChange={(event) => setKind(event.target.value as 'in' | 'out')}>
        <option value="in">{t('cash.cashIn')}</option>
        <option value="out">{t('cash.cashOut')}</option>
      </select>
      <input
        inputMode="decimal"
        placeholder={t('khata.amount')}
        value={form.amount}
        onChange={(event) => form.setAmount(event.target.value)}
      />
      <input placeholder={t('invoices.reason')} value={reason} onChange={(event) => setReason(event.target.value)} />
      <button type="submit">{t('common.add')}</button>
      <ErrorNote error={form.localError ?? move.error} />
    </form>
  );
}

type Closed = Outputs['cashSessions']['close'];

function CloseShift({ onClosed }: { onClosed: (closed: Closed) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useMoneyForm();
  const [note, setNote] = useState('');
  const close = useMutation(
    trpc.cashSessions.close.mutationOptions({
      onSuccess: (closed) => {
        onClosed(closed);
        void queryClient.invalidateQueries();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const paise = form.read();
    if (paise !== null) close.mutate({ countedPaise: paise, note });
  };
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="close-shift">
      <h3>{t('cash.close')}</h3>
      <label>
        {t('cash.counted')}
        <input
          autoFocus
          inputMode="decimal"
          data-testid="counted"
          value={form.amount}
          onChange={(event) => form.setAmount(event.target.value)}
        />
      </label>
      <label>
        {t('cash.note')}
        <input data-testid="close-note" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="submit">
        {t('cash.close')} <kbd>Enter</kbd>
      </button>
      <ErrorNote error={form.localError ?? close.error} />
    </form>
  );
}

function ClosedReport({ closed }: { closed: Closed }) {
  const { t } = useTranslation();
  const difference = closed.differencePaise;
  return (
    <div className="card" data-testid="closed-report">
      <h3>{t('cash.closed')}</h3>
      <SummaryTable summary={closed} />
      <div className="figure">
        <span>{t('cash.counted')}</span>
        <span className="num">{formatRupees(closed.countedPaise)}</span>
      </div>
      <div className={difference === 0 ? 'figure strong' : 'figure strong owing'}>
        <span>{difference > 0 ? t('cash.over') : difference < 0 ? t('cash.short') : t('cash.difference')}</span>
        <span className="num" data-testid="cash-difference">
          {formatRupees(difference)}
        </span>
      </div>
    </div>
  );
}

export function CashScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const current = useQuery(trpc.cashSessions.current.queryOptions());
  const [closed, setClosed] = useState<Closed | null>(null);
  return (
    <div className="cash">
      <div className="toolbar">
        <h1>{t('cash.title')}</h1>
        {current.data && (
          <span className="muted">{t('status.shiftOpen', { time: shopDateTime(current.data.session.openedAt) })}</span>
        )}
      </div>
      {closed && <ClosedReport closed={closed} />}
      {current.data === null && <OpenShift />}
      {current.data && (
        <div className="split">
          <SummaryTable summary={current.data} />
          <div>
            <CloseShift onClosed={setClosed} />
            <CashMovement />
          </div>
        </div>
      )}
      <ErrorNote error={current.error} />
    </div>
  );
}
