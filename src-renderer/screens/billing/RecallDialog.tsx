// Recall (F9): held bills, newest last; Enter brings one back (its items re-read from the catalogue), Delete discards it.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient, type Outputs } from '../../app/trpc';
import { Dialog } from '../../app/Dialog';
import { ErrorNote } from '../../app/ErrorNote';
import { holdBillInput } from '../../../src-shared/contracts/sales';
import { formatRupees } from '../../../src-shared/money';
import { shopTime } from '../../../src-shared/shop-time';
import type { Cart } from './cart';
import { cartFromSaved } from './saved-cart';
import { PickList, pickListKeys, type PickOption } from './PickList';

export function RecallDialog({ onClose, onRecall }: { onClose: () => void; onRecall: (cart: Cart) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [active, setActive] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const held = useQuery(trpc.sales.held.queryOptions());
  const discard = useMutation(
    trpc.sales.discardHeld.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sales.held.queryKey() }),
    }),
  );

  const recall = async (id: string) => {
    try {
      const bill = await client.sales.recall.query({ id });
      const saved = holdBillInput.shape.cart.parse(bill.cart);
      onRecall(await cartFromSaved(client, saved, { billId: crypto.randomUUID(), heldBillId: bill.id }));
    } catch (cause) {
      setError(cause);
    }
  };

  const options: PickOption[] = (held.data ?? []).map((bill) => ({
    key: bill.id,
    label: <HeldBillRow bill={bill} />,
    onPick: () => void recall(bill.id),
  }));
  return (
    <Dialog title={t('recall.title')} onClose={onClose} testId="recall-dialog">
      <input
        className="visually-hidden-input"
        autoFocus
        readOnly
        aria-label={t('recall.title')}
        onKeyDown={(event) => {
          if (pickListKeys(event, options, active, setActive)) return;
          const bill = held.data?.[active];
          if (event.key === 'Delete' && bill) discard.mutate({ id: bill.id });
        }}
      />
      {held.data?.length === 0 && <p className="muted">{t('recall.empty')}</p>}
      <PickList options={options} active={active} testId="held-bills" />
      <ErrorNote error={error ?? discard.error} />
      <p className="hint">{t('recall.hint')}</p>
    </Dialog>
  );
}

function HeldBillRow({ bill }: { bill: Outputs['sales']['held'][number] }) {
  const { t } = useTranslation();
  return (
    <span className="pick-row held-row" data-testid="held-bill">
      <span>
        <strong data-testid="held-customer">{bill.partyName ?? t('billing.walkIn')}</strong>{' '}
        <span className="muted" data-testid="held-items">
          {t('recall.items', { count: bill.itemCount })}
        </span>
        <span className="muted small held-by" data-testid="held-by">
          {t('recall.heldBy', { name: bill.heldBy, time: shopTime(bill.createdAt) })}
        </span>
      </span>
      <span className="num" data-testid="held-amount">
        {bill.totalPaise === null ? t('recall.noAmount') : formatRupees(bill.totalPaise)}
      </span>
    </span>
  );
}
