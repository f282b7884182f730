// Choosing the supplier by typing part of the name: ↑/↓ move, Enter picks; the chosen one is shown with its state.
import { useState, type RefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { INDIAN_STATE_CODES } from '../../../src-shared/gst/gstin';
import { pickListKeys, PickList, type PickOption } from '../billing/PickList';
import type { PurchaseSupplier } from './purchase-draft';

export function SupplierPicker({
  supplier,
  onChoose,
  error,
  inputRef,
  autoFocus,
}: {
  supplier: PurchaseSupplier | null;
  onChoose: (supplier: PurchaseSupplier | null) => void;
  error?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const suppliers = useQuery({
    ...trpc.parties.list.queryOptions({ query, kind: 'supplier', limit: 8 }),
    enabled: supplier === null,
    placeholderData: (previous) => previous,
  });
  const options: PickOption[] = (suppliers.data?.rows ?? []).map((party) => ({
    key: party.id,
    label: (
      <span className="pick-row">
        <span>{party.name}</span>
        <span className="muted">{party.gstin ?? ''}</span>
      </span>
    ),
    onPick: () => {
      onChoose({ id: party.id, name: party.name, stateCode: party.stateCode, gstin: party.gstin });
      setQuery('');
    },
  }));
  return (
    <label className={error ? 'field invalid' : 'field'}>
      <span>{t('purchases.supplier')}</span>
      {supplier ? (
        <span className="chosen-supplier">
          <strong data-testid="purchase-supplier">{supplier.name}</strong>{' '}
          <span className="muted">
            {[supplier.gstin, supplier.stateCode && INDIAN_STATE_CODES[supplier.stateCode]].filter(Boolean).join(' · ')}
          </span>{' '}
          <button
            type="button"
            className="secondary small"
            data-testid="purchase-supplier-change"
            onClick={() => onChoose(null)}
          >
            {t('purchases.changeSupplier')} <kbd>F3</kbd>
          </button>
        </span>
      ) : (
        <>
          <input
            ref={inputRef}
            autoFocus={autoFocus}
            autoComplete="off"
            data-testid="purchase-supplier-search"
            placeholder={t('purchases.supplierSearch')}
            value={query}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => pickListKeys(event, options, active, setActive)}
          />
          {options.length > 0 && <PickList options={options} active={active} testId="purchase-supplier-options" />}
          {options.length === 0 && suppliers.data && <span className="hint">{t('purchases.noSupplier')}</span>}
        </>
      )}
      {error && (
        <span className="field-error" role="alert" data-testid="purchase-error-supplier">
          {error}
        </span>
      )}
    </label>
  );
}
