// Small keyboard prompts: the selected line's quantity (F6) or price (F7), and the bill discount (F4).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { DomainError } from '../../../src-shared/errors';
import { formatQuantity, formatRupees, parseQuantity, parseRupees } from '../../../src-shared/money';
import type { Discount } from '../../../src-shared/sales/totals';
import { parseDiscount, type CartLine } from './cart';

function Prompt({
  title,
  initial,
  hint,
  onClose,
  parse,
  testId,
}: {
  title: string;
  initial: string;
  hint: string;
  onClose: () => void;
  parse: (text: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      parse(text);
    } catch (cause) {
      setError(cause instanceof DomainError ? cause.message : String(cause));
    }
  };
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <form onSubmit={submit}>
        <input
          autoFocus
          data-testid={`${testId}-input`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onFocus={(event) => event.target.select()}
        />
        <p className="hint">{hint}</p>
        {error && <div className="error">{error}</div>}
        <button type="submit">
          {t('common.apply')} <kbd>Enter</kbd>
        </button>
      </form>
    </Dialog>
  );
}

export function LineEditDialog({
  kind,
  line,
  onClose,
  onApply,
}: {
  kind: 'qty' | 'price';
  line: CartLine;
  onClose: () => void;
  onApply: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  if (kind === 'qty') {
    return (
      <Prompt
        testId="qty-dialog"
        title={t('lineEdit.qty', { name: line.item.name })}
        initial={formatQuantity(line.qtyMilli)}
        hint={t('lineEdit.qtyHint', { unit: line.item.unit })}
        onClose={onClose}
        parse={(text) => onApply(Math.max(1, parseQuantity(text)))}
      />
    );
  }
  const current = line.unitPricePaise ?? line.item.pricePaise;
  return (
    <Prompt
      testId="price-dialog"
      title={t('lineEdit.price', { name: line.item.name })}
      initial={formatRupees(current, { symbol: false })}
      hint={t('lineEdit.priceHint', { price: formatRupees(line.item.pricePaise) })}
      onClose={onClose}
      parse={(text) => onApply(text.trim() === '' ? null : parseRupees(text))}
    />
  );
}

export function DiscountDialog({
  current,
  onClose,
  onApply,
}: {
  current: Discount | null;
  onClose: () => void;
  onApply: (discount: Discount | null) => void;
}) {
  const { t } = useTranslation();
  const initial = !current
    ? ''
    : current.kind === 'percent'
      ? `${current.bp / 100}%`
      : formatRupees(current.paise, { symbol: false });
  return (
    <Prompt
      testId="discount-dialog"
      title={t('discount.title')}
      initial={initial}
      hint={t('discount.hint')}
      onClose={onClose}
      parse={(text) => onApply(parseDiscount(text))}
    />
  );
}
