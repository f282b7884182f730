// One customer's khata: balance, receive a payment (Enter), and the statement with its running balance for a date range.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { subDays } from 'date-fns';
import { shopBusinessDate } from '../../../src-shared/shop-time';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { useHotkeys } from '../../app/hotkeys';
import { formatRupees, parseRupees } from '../../../src-shared/money';
import { shopDateTime } from '../../../src-shared/shop-time';

function ReceivePayment({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [mode, setMode] = useState<'cash' | 'upi' | 'card'>('cash');
  const [reference, setReference] = useState('');
  const [localError, setLocalError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const receive = useMutation(
    trpc.khata.receivePayment.mutationOptions({
      onSuccess: (result) => {
        setDone(t('khata.received', { number: result.receipt.number, balance: formatRupees(result.balancePaise) }));
        setAmount('');
        setReference('');
        void queryClient.invalidateQueries();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    try {
      setLocalError(null);
      receive.mutate({ id: crypto.randomUUID(), partyId, amountPaise: parseRupees(amount), mode, reference });
    } catch (error) {
      setLocalError(error);
    }
  };
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="receive-payment">
      <h3>{t('khata.receive')}</h3>
      <label>
        {t('khata.amount')}
        <input
          autoFocus
          inputMode="decimal"
          data-testid="receive-amount"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
      </label>
      <label>
        {t('khata.mode')}
        <select
          value={mode}
          data-testid="receive-mode"
          onChange={(event) => setMode(event.target.value as typeof mode)}
        >
          <option value="cash">{t('payment.cash')}</option>
          <option value="upi">{t('payment.upi')}</option>
          <option value="card">{t('payment.card')}</option>
        </select>
      </label>
      <label>
        {t('payment.reference')}
        <input value={reference} onChange={(event) => setReference(event.target.value)} />
      </label>
      <button type="submit" disabled={receive.isPending}>
        {t('khata.receive')} <kbd>Enter</kbd>
      </button>
      {done && (
        <div className="notice" data-testid="receive-done">
          {done}
        </div>
      )}
      <ErrorNote error={localError ?? receive.error} />
    </form>
  );
}

export function PartyDetail({ partyId, onBack }: { partyId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const today = shopBusinessDate(new Date());
  const [range, setRange] = useState({ from: shopBusinessDate(subDays(new Date(), 90)), to: today });
  const statement = useQuery(trpc.khata.statement.queryOptions({ partyId, ...range }));
  useHotkeys({ Escape: onBack });
  const party = statement.data?.party;
  return (
    <div className="party-detail" data-testid="party-detail">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          ← {t('common.back')} <kbd>Esc</kbd>
        </button>
        <h1>{party?.name ?? '…'}</h1>
        <span className="muted">{party?.phone}</span>
        <span className="spacer" />
        <span className="big-figure">
          {t('khata.balance')}:{' '}
          <strong data-testid="party-detail-balance">{party ? formatRupees(party.balancePaise) : '…'}</strong>
        </span>
      </div>
      <div className="split">
        <section>
          <div className="toolbar">
            <h3>{t('khata.statement')}</h3>
            <label>
              {t('khata.from')}{' '}
              <input
                type="date"
                value={range.from}
                onChange={(event) => setRange({ ...range, from: event.target.value })}
              />
            </label>
            <label>
              {t('khata.to')}{' '}
              <input
                type="date"
                value={range.to}
                onChange={(event) => setRange({ ...range, to: event.target.value })}
              />
            </label>
          </div>
          <table className="grid" data-testid="statement">
            <thead>
              <tr>
                <th>{t('khata.date')}</th>
                <th>{t('khata.entry')}</th>
                <th>{t('khata.doc')}</th>
                <th className="num">{t('khata.debit')}</th>
                <th className="num">{t('khata.credit')}</th>
                <th className="num">{t('khata.balance')}</th>
              </tr>
            </thead>
            <tbody>
              <tr className="muted">
                <td colSpan={5}>{t('khata.opening')}</td>
                <td className="num">{formatRupees(statement.data?.openingPaise ?? 0)}</td>
              </tr>
              {statement.data?.rows.map((row, index) => (
                <tr key={index}>
                  <td>{shopDateTime(row.at)}</td>
                  <td>{t(`khata.kinds.${row.kind}`)}</td>
                  <td>{row.docNumber}</td>
                  <td className="num">{row.debitPaise ? formatRupees(row.debitPaise) : ''}</td>
                  <td className="num">{row.creditPaise ? formatRupees(row.creditPaise) : ''}</td>
                  <td className="num">{formatRupees(row.balancePaise)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={5}>{t('khata.closing')}</th>
                <th className="num">{formatRupees(statement.data?.closingPaise ?? 0)}</th>
              </tr>
            </tfoot>
          </table>
          <ErrorNote error={statement.error} />
        </section>
        <ReceivePayment partyId={partyId} />
      </div>
    </div>
  );
}
