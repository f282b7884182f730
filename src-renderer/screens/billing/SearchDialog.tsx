// More than one item matched the typed name: choose one with ↑/↓ and Enter.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { formatQuantity, formatRupees } from '../../../src-shared/money';
import type { Outputs } from '../../app/trpc';
import type { CartItem } from './cart';
import { PickList, pickListKeys, type PickOption } from './PickList';

export function SearchDialog({
  query,
  items,
  onClose,
  onChoose,
}: {
  query: string;
  items: Outputs['catalogue']['search'];
  onClose: () => void;
  onChoose: (item: CartItem) => void;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const options: PickOption[] = items.map((item) => ({
    key: item.id,
    label: (
      <span className="pick-row">
        <span>
          {item.name} <span className="muted">{item.sku}</span>
        </span>
        <span className="num">
          {formatRupees(item.pricePaise)} · {formatQuantity(item.stockMilli)} {item.unit}
        </span>
      </span>
    ),
    onPick: () => onChoose(item),
  }));
  return (
    <Dialog title={t('billing.choose', { query })} onClose={onClose} testId="search-dialog">
      <input
        className="visually-hidden-input"
        autoFocus
        readOnly
        value={query}
        onKeyDown={(event) => pickListKeys(event, options, active, setActive)}
        aria-label={t('billing.choose', { query })}
      />
      <PickList options={options} active={active} testId="search-options" />
      <p className="hint">{t('common.pickHint')}</p>
    </Dialog>
  );
}
