// Recall (F9): held bills, newest last; Enter brings one back (its items re-read from the catalogue), Delete discards it.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../../app/trpc';
import { Dialog } from '../../app/Dialog';
import { ErrorNote } from '../../app/ErrorNote';
import { holdBillInput } from '../../../src-shared/contracts/sales';
import type { Cart } from './cart';
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
      const items = await Promise.all(saved.lines.map((line) => client.catalogue.get.query({ id: line.itemId })));
      const party = saved.partyId ? await client.parties.get.query({ id: saved.partyId }) : null;
      onRecall({
        billId: crypto.randomUUID(),
        heldBillId: bill.id,
        selected: saved.lines.length - 1,
        party,
        billDiscount: saved.billDiscount,
        lines: saved.lines.map((line, index) => ({
          key: `${line.itemId}:${index}:recall`,
          item: items[index]!,
          qtyMilli: line.qtyMilli,
          unitPricePaise: line.unitPricePaise ?? null,
          discount: line.discount,
        })),
      });
    } catch (cause) {
      setError(cause);
    }
  };

  const options: PickOption[] = (held.data ?? []).map((bill) => ({
    key: bill.id,
    label: (
      <span className="pick-row">
        <span>{bill.label}</span>
        <span className="muted">
          {new Date(bill.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
        </span>
      </span>
    ),
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
