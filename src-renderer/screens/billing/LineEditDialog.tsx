// Small keyboard prompts: a line's quantity (F6, and the weight of a loose item as it is added), price (F7) and
// discount (F5), and the bill discount (F4). A wrong entry is said beside the field and nothing changes.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { divRound, formatQuantity, formatRupees } from '../../../src-shared/money';
import type { Discount } from '../../../src-shared/sales/totals';
import type { CartItem, CartLine } from './cart';
import { readDiscount, readPrice, readQuantity, type Entry } from './line-entry';
import { isLoose } from '../../../src-shared/sales/line-bounds';

function Prompt<T>({
  title,
  initial,
  hint,
  onClose,
  read,
  onApply,
  testId,
}: {
  title: string;
  initial: string;
  hint: string;
  onClose: () => void;
  read: (text: string) => Entry<T>;
  onApply: (value: T) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entry = read(text);
    if (entry.ok) onApply(entry.value);
    else setError(entry.error);
  };
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <form onSubmit={submit}>
        <input
          autoFocus
          data-testid={`${testId}-input`}
          aria-invalid={error ? true : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          onFocus={(event) => event.target.select()}
        />
        {error && (
          <div className="field-error" role="alert" data-testid={`${testId}-error`}>
            {error}
          </div>
        )}
        <p className="hint">{hint}</p>
        <button type="submit">
          {t('common.apply')} <kbd>Enter</kbd>
        </button>
      </form>
    </Dialog>
  );
}

function linePrice(line: CartLine): number {
  return line.unitPricePaise ?? line.item.pricePaise;
}

/** The quantity of a line on the bill (F6). */
export function QuantityDialog({
  line,
  onClose,
  onApply,
}: {
  line: CartLine;
  onClose: () => void;
  onApply: (qtyMilli: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Prompt
      testId="qty-dialog"
      title={t('lineEdit.qty', { name: line.item.name })}
      initial={formatQuantity(line.qtyMilli)}
      hint={t(isLoose(line.item.unit) ? 'lineEdit.qtyHint' : 'lineEdit.qtyHintWhole', { unit: line.item.unit })}
      onClose={onClose}
      read={(text) => readQuantity(t, text, line.item.unit, linePrice(line))}
      onApply={onApply}
    />
  );
}

/** A loose item (kg, l, m) scanned or chosen without a weight: it is added only once its weight is typed. */
export function WeightDialog({
  item,
  onClose,
  onApply,
}: {
  item: CartItem;
  onClose: () => void;
  onApply: (qtyMilli: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Prompt
      testId="weight-dialog"
      title={t('lineEdit.weight', { name: item.name, unit: item.unit })}
      initial=""
      hint={t('lineEdit.weightHint', { unit: item.unit })}
      onClose={onClose}
      read={(text) => readQuantity(t, text, item.unit, item.pricePaise)}
      onApply={onApply}
    />
  );
}

export function PriceDialog({
  line,
  onClose,
  onApply,
}: {
  line: CartLine;
  onClose: () => void;
  onApply: (unitPricePaise: number | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Prompt
      testId="price-dialog"
      title={t('lineEdit.price', { name: line.item.name })}
      initial={formatRupees(linePrice(line), { symbol: false })}
      hint={t('lineEdit.priceHint', { price: formatRupees(line.item.pricePaise) })}
      onClose={onClose}
      read={(text) => readPrice(t, text, line.item.unit, line.qtyMilli)}
      onApply={onApply}
    />
  );
}

function discountText(discount: Discount | null): string {
  if (!discount) return '';
  return discount.kind === 'percent' ? `${discount.bp / 100}%` : formatRupees(discount.paise, { symbol: false });
}

/** A discount on the selected line only (F5): a percentage of its amount, or an amount off it. */
export function LineDiscountDialog({
  line,
  onClose,
  onApply,
}: {
  line: CartLine;
  onClose: () => void;
  onApply: (discount: Discount | null) => void;
}) {
  const { t } = useTranslation();
  const grossPaise = divRound(line.qtyMilli * linePrice(line), 1000);
  return (
    <Prompt
      testId="line-discount-dialog"
      title={t('lineEdit.discount', { name: line.item.name })}
      initial={discountText(line.discount)}
      hint={t('lineEdit.discountHint', { amount: formatRupees(grossPaise) })}
      onClose={onClose}
      read={(text) => readDiscount(t, text, grossPaise)}
      onApply={onApply}
    />
  );
}

export function DiscountDialog({
  current,
  basePaise,
  onClose,
  onApply,
}: {
  current: Discount | null;
  /** What the bill discount is taken off: the lines after their own discounts. */
  basePaise: number;
  onClose: () => void;
  onApply: (discount: Discount | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Prompt
      testId="discount-dialog"
      title={t('discount.title')}
      initial={discountText(current)}
      hint={t('discount.hint')}
      onClose={onClose}
      read={(text) => readDiscount(t, text, basePaise)}
      onApply={onApply}
    />
  );
}
