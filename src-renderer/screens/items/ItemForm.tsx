// Create or edit one item: every catalogue field, with the ledger's validation messages shown beside the field they name.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { shownError } from '../../app/errors';
import { GST_RATES_BP } from '../../../src-shared/gst/rates';
import { ITEM_UNITS } from '../../../src-shared/contracts/catalogue';
import type { ErrorDetail } from '../../../src-shared/errors';
import {
  EMPTY_ITEM_FORM,
  fieldErrors,
  fieldOfPath,
  formOfItem,
  itemInputOf,
  type Item,
  type ItemFormState,
  type ItemUnit,
} from './item-form';

export function ItemForm({
  item,
  canEdit,
  onSaved,
}: {
  item: Item | null;
  canEdit: boolean;
  onSaved: (item: Item) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ItemFormState>(() => (item ? formOfItem(item) : EMPTY_ITEM_FORM));
  const [localErrors, setLocalErrors] = useState<ErrorDetail[]>([]);
  const [saved, setSaved] = useState(false);
  const onSuccess = (saved: Item) => {
    setSaved(true);
    void queryClient.invalidateQueries();
    onSaved(saved);
  };
  const create = useMutation(trpc.catalogue.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.catalogue.update.mutationOptions({ onSuccess }));
  const saving = item ? update : create;
  const serverError = shownError(saving.error);
  const errors = fieldErrors([...localErrors, ...(serverError?.details ?? [])]);
  // When every problem is shown beside its field, the line under the form only points at them.
  const allPlaced =
    !!serverError?.details.length && serverError.details.every((detail) => fieldOfPath(detail.path) in form);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { input, errors: problems } = itemInputOf(form, t);
    setLocalErrors(problems);
    if (problems.length) return;
    if (item) {
      const { openingStockMilli: _opening, ...fields } = input;
      update.mutate({ id: item.id, ...fields });
    } else {
      create.mutate(input);
    }
  };

  const set = <K extends keyof ItemFormState>(key: K, value: ItemFormState[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const field = (key: keyof ItemFormState, label: string, control: ReactNode, hint?: string) => (
    <label className={errors[key] ? 'field invalid' : 'field'} key={key}>
      <span>{label}</span>
      {control}
      {hint && !errors[key] && <span className="hint">{hint}</span>}
      {errors[key] && (
        <span className="field-error" role="alert" id={`item-${key}-error`} data-testid={`field-error-${key}`}>
          {errors[key]}
        </span>
      )}
    </label>
  );
  const text = (
    key: keyof ItemFormState,
    props: { inputMode?: 'decimal' | 'numeric'; autoFocus?: boolean; placeholder?: string } = {},
  ) => (
    <input
      {...props}
      value={String(form[key])}
      data-testid={`item-${key}`}
      disabled={!canEdit}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `item-${key}-error` : undefined}
      onChange={(event) => set(key, event.target.value as never)}
    />
  );

  return (
    <form className="item-form" onSubmit={submit} data-testid="item-form" noValidate>
      <div className="field-grid">
        {field('name', t('items.name'), text('name', { autoFocus: true }))}
        {field('sku', t('items.sku'), text('sku'), item ? undefined : t('itemEdit.skuHint'))}
        {field('barcodes', t('itemEdit.barcodes'), text('barcodes'), t('itemEdit.barcodesHint'))}
        {field('category', t('items.category'), text('category'))}
        {field(
          'unit',
          t('itemEdit.unit'),
          <select
            value={form.unit}
            disabled={!canEdit}
            data-testid="item-unit"
            onChange={(event) => set('unit', event.target.value as ItemUnit)}
          >
            {ITEM_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`itemEdit.units.${unit}`)}
              </option>
            ))}
          </select>,
        )}
        {field('price', t('itemEdit.price'), text('price', { inputMode: 'decimal', placeholder: '0.00' }))}
        {field(
          'priceIncludesTax',
          t('itemEdit.priceIs'),
          <select
            value={form.priceIncludesTax ? 'incl' : 'excl'}
            disabled={!canEdit}
            data-testid="item-priceIncludesTax"
            onChange={(event) => set('priceIncludesTax', event.target.value === 'incl')}
          >
            <option value="incl">{t('itemEdit.inclusive')}</option>
            <option value="excl">{t('itemEdit.exclusive')}</option>
          </select>,
        )}
        {field('cost', t('itemEdit.cost'), text('cost', { inputMode: 'decimal', placeholder: '0.00' }))}
        {field(
          'gstRateBp',
          t('items.gst'),
          <select
            value={form.gstRateBp}
            disabled={!canEdit}
            data-testid="item-gstRateBp"
            onChange={(event) => set('gstRateBp', Number(event.target.value))}
          >
            {GST_RATES_BP.map((bp) => (
              <option key={bp} value={bp}>
                {bp / 100}%
              </option>
            ))}
          </select>,
        )}
        {field('cess', t('itemEdit.cess'), text('cess', { inputMode: 'decimal' }))}
        {field('hsn', t('itemEdit.hsn'), text('hsn', { inputMode: 'numeric' }), t('itemEdit.hsnHint'))}
        {field('plu', t('itemEdit.plu'), text('plu', { inputMode: 'numeric' }), t('itemEdit.pluHint'))}
        {field('reorderLevel', t('items.reorder'), text('reorderLevel', { inputMode: 'decimal' }))}
        {!item && field('openingStock', t('itemEdit.openingStock'), text('openingStock', { inputMode: 'decimal' }))}
      </div>
      {canEdit ? (
        <div className="form-actions">
          <button type="submit" disabled={saving.isPending} data-testid="item-save">
            {item ? t('common.save') : t('itemEdit.create')}
          </button>
          {saved && item && (
            <span className="notice" data-testid="item-saved">
              {t('itemEdit.saved')}
            </span>
          )}
        </div>
      ) : (
        <p className="muted">{t('itemEdit.managersOnly')}</p>
      )}
      {serverError && (
        <div className="error" role="alert" data-testid="item-error">
          {allPlaced ? t('itemEdit.fixFields') : serverError.message}
        </div>
      )}
    </form>
  );
}
