// One item's stock: receive a purchase or post a counted adjustment (with a note), and the movements that make up the figure.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatQuantity, parseQuantity } from '../../../src-shared/money';
import type { Item } from './item-form';

type Reason = 'purchase' | 'adjustment';

const when = (iso: string) =>
  new Date(iso).toLocaleString([], { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });

export function StockPanel({ item, canAdjust }: { item: Item; canAdjust: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.catalogue.get.queryOptions({ id: item.id }, { initialData: item }));
  const movements = useQuery(trpc.stock.movements.queryOptions({ itemId: item.id, limit: 50 }));
  const [reason, setReason] = useState<Reason>('purchase');
  const [qty, setQty] = useState('');
  const [note, setNote] = useState('');
  const [qtyError, setQtyError] = useState<string | null>(null);
  const adjust = useMutation(
    trpc.stock.adjust.mutationOptions({
      onSuccess: () => {
        setQty('');
        setNote('');
        void queryClient.invalidateQueries();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = qty.trim();
    const negative = text.startsWith('-');
    let deltaMilli: number;
    try {
      deltaMilli = parseQuantity(text.replace(/^[-+]/, '')) * (negative ? -1 : 1);
    } catch {
      setQtyError(t('itemEdit.badQuantity'));
      return;
    }
    if (reason === 'purchase' && negative) return setQtyError(t('itemEdit.purchasePositive'));
    setQtyError(null);
    adjust.mutate({ itemId: item.id, deltaMilli, reason, note });
  };
  const stockMilli = current.data?.stockMilli ?? item.stockMilli;
  return (
    <section className="stock-panel" data-testid="stock-panel">
      <h3>
        {t('itemEdit.stock')}:{' '}
        <span className={stockMilli < 0 ? 'owing' : ''} data-testid="item-stock">
          {formatQuantity(stockMilli)} {item.unit}
        </span>
      </h3>
      <form className="adjust-form" onSubmit={submit} data-testid="adjust-form">
        <label className="field">
          <span>{t('itemEdit.reason')}</span>
          <select
            value={reason}
            data-testid="adjust-reason"
            onChange={(event) => setReason(event.target.value as Reason)}
          >
            <option value="purchase">{t('itemEdit.reasons.purchase')}</option>
            {canAdjust && <option value="adjustment">{t('itemEdit.reasons.adjustment')}</option>}
          </select>
        </label>
        <label className={qtyError ? 'field invalid' : 'field'}>
          <span>{reason === 'purchase' ? t('itemEdit.received') : t('itemEdit.change')}</span>
          <input
            inputMode="decimal"
            value={qty}
            data-testid="adjust-qty"
            placeholder={reason === 'purchase' ? '10' : '-2'}
            onChange={(event) => setQty(event.target.value)}
            aria-invalid={qtyError ? true : undefined}
          />
          {qtyError && (
            <span className="field-error" role="alert" data-testid="adjust-qty-error">
              {qtyError}
            </span>
          )}
        </label>
        <label className="field note">
          <span>{t('cash.note')}</span>
          <input
            value={note}
            data-testid="adjust-note"
            placeholder={t('itemEdit.notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <button type="submit" disabled={adjust.isPending} data-testid="adjust-save">
          {t('itemEdit.post')}
        </button>
      </form>
      <ErrorNote error={adjust.error} testId="adjust-error" />
      <h4>{t('itemEdit.movements')}</h4>
      <div className="movements-scroll">
        <table className="grid small" data-testid="movements">
          <thead>
            <tr>
              <th>{t('khata.date')}</th>
              <th>{t('itemEdit.reason')}</th>
              <th className="num">{t('billing.qty')}</th>
              <th>{t('cash.note')}</th>
            </tr>
          </thead>
          <tbody>
            {movements.data?.map((movement) => (
              <tr key={movement.id} data-testid="movement-row">
                <td className="nowrap">{when(movement.createdAt)}</td>
                <td>{t(`itemEdit.reasons.${movement.reason}`)}</td>
                <td className={movement.qtyMilli < 0 ? 'num owing' : 'num'}>
                  {movement.qtyMilli > 0 ? '+' : ''}
                  {formatQuantity(movement.qtyMilli)}
                </td>
                <td>{movement.note}</td>
              </tr>
            ))}
            {movements.data?.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t('itemEdit.noMovements')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ErrorNote error={movements.error} />
    </section>
  );
}
