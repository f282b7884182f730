// Receiving a khata payment (Enter); more than the due is recorded only after the counter confirms it as an advance.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { Dialog } from '../../app/Dialog';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees, parseRupees } from '../../../src-shared/money';

type ReceiveMode = 'cash' | 'upi' | 'card';

function AdvanceConfirm({
  amountPaise,
  duePaise,
  onConfirm,
  onClose,
}: {
  amountPaise: number;
  duePaise: number;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('khata.advanceTitle')} onClose={onClose} testId="advance-confirm">
      <p className="warning">
        {t('khata.advanceQuestion', {
          amount: formatRupees(amountPaise),
          due: formatRupees(duePaise),
          advance: formatRupees(amountPaise - duePaise),
        })}
      </p>
      <div className="form-actions">
        <button type="button" autoFocus onClick={onConfirm} data-testid="advance-yes">
          {t('khata.advanceYes')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('khata.advanceNo')} <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}

export function ReceivePayment({
  partyId,
  balancePaise,
  onDialog,
}: {
  partyId: string;
  balancePaise: number;
  /** Tells the screen a dialog is open, so its own keys (Esc = back) wait. */
  onDialog: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [mode, setMode] = useState<ReceiveMode>('cash');
  const [reference, setReference] = useState('');
  const [localError, setLocalError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [advance, setAdvance] = useState<{ amountPaise: number; duePaise: number } | null>(null);
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
  const send = (amountPaise: number, asAdvance: boolean) =>
    receive.mutate({ id: crypto.randomUUID(), partyId, amountPaise, mode, reference, asAdvance });
  const askAdvance = (value: typeof advance) => {
    setAdvance(value);
    onDialog(value !== null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    let amountPaise: number;
    try {
      amountPaise = parseRupees(amount);
      setLocalError(null);
    } catch (error) {
      return setLocalError(error);
    }
    const duePaise = Math.max(balancePaise, 0);
    if (amountPaise > duePaise) return askAdvance({ amountPaise, duePaise });
    send(amountPaise, false);
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
          onChange={(event) => setMode(event.target.value as ReceiveMode)}
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
      {advance && (
        <AdvanceConfirm
          {...advance}
          onClose={() => askAdvance(null)}
          onConfirm={() => {
            send(advance.amountPaise, true);
            askAdvance(null);
          }}
        />
      )}
    </form>
  );
}
