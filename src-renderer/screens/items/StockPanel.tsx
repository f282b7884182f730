// One item's stock: receive a purchase, say what was counted on the shelf, or add/remove some (with a note); and the movements.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { shownError } from '../../app/errors';
import { formatQuantity, parseQuantity } from '../../../src-shared/money';
import { shopDateTime } from '../../../src-shared/shop-time';
import type { Item } from './item-form';

/** Purchase adds what came in; count sets the stock to what is on the shelf; change adds or removes some. */
type Mode = 'purchase' | 'count' | 'change';

/** The signed quantity typed, in milli-units, or null when it does not read as one. */
function signedQuantity(text: string): number | null {
  const trimmed = text.trim();
  try {
    return parseQuantity(trimmed.replace(/^[-+−]/, '')) * (/^[-−]/.test(trimmed) ? -1 : 1);
  } catch {
    return null;
  }
}

export function StockPanel({ item, canAdjust }: { item: Item; canAdjust: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.catalogue.get.queryOptions({ id: item.id }, { initialData: item }));
  const movements = useQuery(trpc.stock.movements.queryOptions({ itemId: item.id, limit: 50 }));
  const [mode, setMode] = useState<Mode>('purchase');
  const [qty, setQty] = useState('');
  const [note, setNote] = useState('');
  const [qtyError, setQtyError] = useState<string | null>(null);
  const [posted, setPosted] = useState<string | null>(null);
  const adjust = useMutation(
    trpc.stock.adjust.mutationOptions({
      onSuccess: (result, input) => {
        setQty('');
        setNote('');
        setPosted(
          input.reason === 'count'
            ? t('itemEdit.countPosted', {
                counted: formatQuantity(input.countedMilli),
                delta: `${result.deltaMilli > 0 ? '+' : ''}${formatQuantity(result.deltaMilli)}`,
              })
            : t('itemEdit.posted', { stock: `${formatQuantity(result.stockMilli)} ${item.unit}` }),
        );
        void queryClient.invalidateQueries();
      },
    }),
  );
  const serverError = shownError(adjust.error);
  const fieldError = (paths: string[]) =>
    serverError?.details.find((detail) => paths.includes(detail.path.split('.')[0] ?? ''))?.message;
  const qtyProblem = qtyError ?? fieldError(['deltaMilli', 'countedMilli']);
  const noteProblem = fieldError(['note']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPosted(null);
    const milli = signedQuantity(qty);
    if (milli === null) return setQtyError(t('itemEdit.badQuantity'));
    if (mode === 'purchase' && milli < 0) return setQtyError(t('itemEdit.purchasePositive'));
    setQtyError(null);
    if (mode === 'count') adjust.mutate({ itemId: item.id, reason: 'count', countedMilli: milli, note });
    else
      adjust.mutate({
        itemId: item.id,
        reason: mode === 'purchase' ? 'purchase' : 'adjustment',
        deltaMilli: milli,
        note,
      });
  };
  const stockMilli = current.data?.stockMilli ?? item.stockMilli;
  const qtyLabel = { purchase: t('itemEdit.received'), count: t('itemEdit.counted'), change: t('itemEdit.change') }[
    mode
  ];
  return (
    <section className="stock-panel" data-testid="stock-panel">
      <h3>
        {t('itemEdit.stock')}:{' '}
        <span className={stockMilli < 0 ? 'owing' : ''} data-testid="item-stock">
          {formatQuantity(stockMilli)} {item.unit}
        </span>
      </h3>
      <form className="adjust-form" onSubmit={submit} data-testid="adjust-form" noValidate>
        <label className="field">
          <span>{t('itemEdit.reason')}</span>
          <select
            value={mode}
            data-testid="adjust-reason"
            onChange={(event) => {
              setMode(event.target.value as Mode);
              setQtyError(null);
              adjust.reset();
            }}
          >
            <option value="purchase">{t('itemEdit.modes.purchase')}</option>
            {canAdjust && <option value="count">{t('itemEdit.modes.count')}</option>}
            {canAdjust && <option value="change">{t('itemEdit.modes.change')}</option>}
          </select>
        </label>
        <label className={qtyProblem ? 'field invalid' : 'field'}>
          <span>{qtyLabel}</span>
          <input
            inputMode="decimal"
            value={qty}
            data-testid="adjust-qty"
            placeholder={mode === 'change' ? '-2' : '10'}
            onChange={(event) => setQty(event.target.value)}
            aria-invalid={qtyProblem ? true : undefined}
          />
          {qtyProblem ? (
            <span className="field-error" role="alert" data-testid="adjust-qty-error">
              {qtyProblem}
            </span>
          ) : (
            mode === 'count' && <span className="hint">{t('itemEdit.countHint')}</span>
          )}
        </label>
        <label className={noteProblem ? 'field note invalid' : 'field note'}>
          <span>{t('cash.note')}</span>
          <input
            value={note}
            data-testid="adjust-note"
            placeholder={t('itemEdit.notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
            aria-invalid={noteProblem ? true : undefined}
          />
          {noteProblem && (
            <span className="field-error" role="alert" data-testid="adjust-note-error">
              {noteProblem}
            </span>
          )}
        </label>
        <button type="submit" disabled={adjust.isPending} data-testid="adjust-save">
          {t('itemEdit.post')}
        </button>
      </form>
      {posted && (
        <div className="notice" role="status" data-testid="adjust-posted">
          {posted}
        </div>
      )}
      {serverError && !qtyProblem && !noteProblem && <ErrorNote error={adjust.error} testId="adjust-error" />}
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
                <td className="nowrap">{shopDateTime(movement.createdAt)}</td>
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
