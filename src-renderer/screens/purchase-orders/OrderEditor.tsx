// A draft order: its supplier, lines filled from low-stock suggestions (or added by search), quantities and expected
// rates typed in; saved as a new draft or over the draft being edited. Refusals show beside the field they concern.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { shownError } from '../../app/errors';
import { useHotkeys } from '../../app/hotkeys';
import { formatQuantity, formatRupees, parseQuantity, parseRupees } from '../../../src-shared/money';
import { PickList, pickListKeys, type PickOption } from '../billing/PickList';

type Suggestion = Outputs['purchaseOrders']['suggest']['suggestions'][number];

interface EditorLine {
  itemId: string;
  name: string;
  unit: string;
  qty: string;
  rate: string;
  suggestion: Suggestion | null;
}

function parsedOr<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

function suggestedLine(suggestion: Suggestion): EditorLine {
  return {
    itemId: suggestion.itemId,
    name: suggestion.name,
    unit: suggestion.unit,
    qty: formatQuantity(suggestion.suggestedQtyMilli),
    rate: formatRupees(suggestion.expectedRatePaise, { symbol: false }),
    suggestion,
  };
}

export function OrderEditor({ id, onDone, onBack }: { id?: string; onDone: (id: string) => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [newId] = useState(() => crypto.randomUUID());
  const [supplierId, setSupplierId] = useState('');
  const [note, setNote] = useState('');
  const [periodDays, setPeriodDays] = useState('30');
  const [coverDays, setCoverDays] = useState('15');
  const [lines, setLines] = useState<EditorLine[]>([]);
  const [loaded, setLoaded] = useState(!id);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState(0);

  const suppliers = useQuery(trpc.parties.list.queryOptions({ kind: 'supplier', limit: 500 }));
  const existing = useQuery({ ...trpc.purchaseOrders.get.queryOptions({ id: id ?? '' }), enabled: Boolean(id) });
  useEffect(() => {
    if (loaded || !existing.data) return;
    const { order, lines: stored } = existing.data;
    setSupplierId(order.supplierId);
    setNote(order.note);
    setLines(
      stored.map((line) => ({
        itemId: line.itemId,
        name: line.name,
        unit: line.unit,
        qty: formatQuantity(line.orderedQtyMilli),
        rate: formatRupees(line.expectedRatePaise, { symbol: false }),
        suggestion: null,
      })),
    );
    setLoaded(true);
  }, [existing.data, loaded]);

  const suggest = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery(
        trpc.purchaseOrders.suggest.queryOptions({
          supplierId: supplierId || null,
          periodDays: Number(periodDays),
          coverDays: Number(coverDays),
        }),
      ),
    onSuccess: (result) =>
      setLines((current) => [
        ...current,
        ...result.suggestions
          .filter((suggestion) => !current.some((line) => line.itemId === suggestion.itemId))
          .map(suggestedLine),
      ]),
  });
  const found = useQuery({
    ...trpc.catalogue.search.queryOptions({ query: search.trim(), limit: 8 }),
    enabled: search.trim().length > 1,
  });
  const addItem = (item: { id: string; name: string; unit: string; costPaise: number }) => {
    setLines((current) =>
      current.some((line) => line.itemId === item.id)
        ? current
        : [
            ...current,
            {
              itemId: item.id,
              name: item.name,
              unit: item.unit,
              qty: '1',
              rate: formatRupees(item.costPaise, { symbol: false }),
              suggestion: null,
            },
          ],
    );
    setSearch('');
  };
  const searchOptions: PickOption[] = (search.trim().length > 1 ? (found.data ?? []) : []).map((item) => ({
    key: item.id,
    label: `${item.name} · ${formatQuantity(item.stockMilli)} ${item.unit}`,
    onPick: () => addItem(item),
  }));

  const saved = async (detail: { order: { id: string } }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.purchaseOrders.pathKey() });
    onDone(detail.order.id);
  };
  const create = useMutation(trpc.purchaseOrders.create.mutationOptions({ onSuccess: saved }));
  const update = useMutation(trpc.purchaseOrders.update.mutationOptions({ onSuccess: saved }));
  const save = id ? update : create;
  const submit = () => {
    const errors: Record<string, string> = {};
    const parsed = lines.map((line, index) => {
      const qtyMilli = parsedOr(() => parseQuantity(line.qty));
      const expectedRatePaise = line.rate.trim() === '' ? 0 : parsedOr(() => parseRupees(line.rate));
      if (qtyMilli === null) errors[`lines.${index}.qtyMilli`] = t('errors.qtyDecimals');
      if (expectedRatePaise === null) errors[`lines.${index}.expectedRatePaise`] = t('errors.amountWholePaise');
      return { itemId: line.itemId, qtyMilli: qtyMilli ?? 0, expectedRatePaise: expectedRatePaise ?? 0 };
    });
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate({ id: id ?? newId, supplierId, note, lines: parsed });
  };
  useHotkeys({ Escape: onBack, 'Ctrl+s': submit });

  const shown = shownError(save.error);
  const suggestShown = shownError(suggest.error);
  const fieldError = (path: string): string | undefined =>
    localErrors[path] ??
    shown?.details.find((detail) => detail.path === path)?.message ??
    suggestShown?.details.find((detail) => detail.path === path)?.message;
  const errorBeside = (path: string) => {
    const message = fieldError(path);
    return message ? (
      <span className="field-error" role="alert" data-testid={`po-error-${path}`}>
        {message}
      </span>
    ) : null;
  };
  /** An edit clears the refusal it answers: a corrected field no longer shows the old message. */
  const setLine = (index: number, patch: Partial<EditorLine>) => {
    save.reset();
    setLocalErrors({});
    setLines((current) => current.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  };

  return (
    <div className="po-editor" data-testid="po-editor" lang={i18n.language}>
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          ← {t('common.back')} <kbd>Esc</kbd>
        </button>
        <h1>
          {id
            ? t('purchaseOrders.editTitle', { number: existing.data?.order.number ?? '' })
            : t('purchaseOrders.newTitle')}
        </h1>
      </div>
      <div className="field-grid">
        <label className={fieldError('supplierId') ? 'field invalid' : 'field'}>
          <span>{t('purchaseOrders.supplier')}</span>
          <select
            autoFocus
            data-testid="po-supplier"
            value={supplierId}
            onChange={(event) => {
              save.reset();
              setSupplierId(event.target.value);
            }}
          >
            <option value="">{t('purchaseOrders.chooseSupplier')}</option>
            {(suppliers.data?.rows ?? []).map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
          {errorBeside('supplierId')}
        </label>
        <label className={fieldError('periodDays') ? 'field invalid' : 'field'}>
          <span>{t('purchaseOrders.periodDays')}</span>
          <input
            data-testid="po-period"
            inputMode="numeric"
            value={periodDays}
            onChange={(event) => {
              suggest.reset();
              setPeriodDays(event.target.value);
            }}
          />
          {errorBeside('periodDays')}
        </label>
        <label className={fieldError('coverDays') ? 'field invalid' : 'field'}>
          <span>{t('purchaseOrders.coverDays')}</span>
          <input
            data-testid="po-cover"
            inputMode="numeric"
            value={coverDays}
            onChange={(event) => {
              suggest.reset();
              setCoverDays(event.target.value);
            }}
          />
          {errorBeside('coverDays')}
        </label>
        <div className="field">
          <span>&nbsp;</span>
          <button type="button" onClick={() => suggest.mutate()} disabled={suggest.isPending} data-testid="po-suggest">
            {t('purchaseOrders.fillFromSuggestions')}
          </button>
        </div>
      </div>
      <p className="hint">{t('purchaseOrders.ruleHint', { cover: coverDays, period: periodDays })}</p>
      {suggest.isSuccess && suggest.data.suggestions.length === 0 && (
        <div className="notice" data-testid="po-no-suggestions">
          {t('purchaseOrders.noSuggestions')}
        </div>
      )}
      {suggestShown && suggestShown.details.length === 0 && (
        <ErrorNote error={suggest.error} testId="po-suggest-error" />
      )}
      <table className="grid" data-testid="po-lines">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('purchaseOrders.item')}</th>
            <th className="num">{t('purchaseOrders.stock')}</th>
            <th className="num">{t('purchaseOrders.reorderLevel')}</th>
            <th className="num">{t('purchaseOrders.dailySales')}</th>
            <th className="num">{t('purchaseOrders.onOrder')}</th>
            <th className="num">{t('purchaseOrders.qty')}</th>
            <th className="num">{t('purchaseOrders.rate')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const s = line.suggestion;
            return (
              <tr key={line.itemId} data-testid="po-line">
                <td>{index + 1}</td>
                <td>
                  {line.name}
                  {errorBeside(`lines.${index}.itemId`)}
                </td>
                <td className="num">{s ? formatQuantity(s.stockMilli) : ''}</td>
                <td className="num">{s ? formatQuantity(s.reorderLevelMilli) : ''}</td>
                <td className="num">{s ? formatQuantity(s.averageDailySalesMilli) : ''}</td>
                <td className="num">{s && s.onOrderMilli ? formatQuantity(s.onOrderMilli) : ''}</td>
                <td className="num">
                  <label className={fieldError(`lines.${index}.qtyMilli`) ? 'field invalid' : 'field'}>
                    <span className="unit-input">
                      <input
                        data-testid="po-line-qty"
                        aria-label={t('purchaseOrders.qty')}
                        inputMode="decimal"
                        size={7}
                        value={line.qty}
                        onChange={(event) => setLine(index, { qty: event.target.value })}
                      />{' '}
                      {line.unit}
                    </span>
                    {errorBeside(`lines.${index}.qtyMilli`)}
                  </label>
                </td>
                <td className="num">
                  <label className={fieldError(`lines.${index}.expectedRatePaise`) ? 'field invalid' : 'field'}>
                    <input
                      data-testid="po-line-rate"
                      aria-label={t('purchaseOrders.rate')}
                      inputMode="decimal"
                      size={8}
                      value={line.rate}
                      onChange={(event) => setLine(index, { rate: event.target.value })}
                    />
                    {errorBeside(`lines.${index}.expectedRatePaise`)}
                  </label>
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    data-testid="po-line-remove"
                    onClick={() => setLines((current) => current.filter((_, at) => at !== index))}
                  >
                    {t('purchaseOrders.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errorBeside('lines')}
      <div className="po-add-item">
        <input
          data-testid="po-add-item"
          placeholder={t('purchaseOrders.addItem')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPicked(0);
          }}
          onKeyDown={(event) => pickListKeys(event, searchOptions, picked, setPicked)}
        />
        {searchOptions.length > 0 && <PickList options={searchOptions} active={picked} testId="po-add-item-list" />}
      </div>
      <label className="field">
        <span>{t('purchaseOrders.note')}</span>
        <input data-testid="po-note" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="form-actions">
        <button type="button" className="active" onClick={submit} disabled={save.isPending} data-testid="po-save">
          {t('purchaseOrders.saveDraft')} <kbd>Ctrl+S</kbd>
        </button>
      </div>
      {shown && !shown.details.some((detail) => fieldError(detail.path)) && (
        <ErrorNote error={save.error} testId="po-save-error" />
      )}
    </div>
  );
}
