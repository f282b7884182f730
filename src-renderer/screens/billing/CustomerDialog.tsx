// Customer (F3): find by name or phone, or add a new one on the spot; the khata balance and limit show beside each.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { Dialog } from '../../app/Dialog';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';
import type { CartParty } from './cart';
import { PickList, pickListKeys, type PickOption } from './PickList';

export function CustomerDialog({
  current,
  onClose,
  onChoose,
}: {
  current: CartParty | null;
  onClose: () => void;
  onChoose: (party: CartParty | null) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = useQuery({
    ...trpc.parties.list.queryOptions({ query, kind: 'customer', limit: 20 }),
    placeholderData: (previous) => previous,
  });
  const create = useMutation(trpc.parties.create.mutationOptions({ onSuccess: (party) => onChoose(party) }));
  const trimmed = query.trim();
  const isPhone = /^\+?\d{10,13}$/.test(trimmed);
  const options: PickOption[] = [
    ...(current ? [{ key: 'none', label: t('customer.none'), onPick: () => onChoose(null) }] : []),
    ...(found.data?.rows ?? []).map((party) => ({
      key: party.id,
      label: (
        <span className="pick-row">
          <span>
            {party.name} <span className="muted">{party.phone}</span>
          </span>
          <span className="num">
            {formatRupees(party.balancePaise)}
            {party.creditLimitPaise !== null && (
              <span className="muted"> / {formatRupees(party.creditLimitPaise)}</span>
            )}
          </span>
        </span>
      ),
      onPick: () => onChoose(party),
    })),
    ...(trimmed && !isPhone
      ? [
          {
            key: 'new',
            label: <strong>{t('customer.create', { name: trimmed })}</strong>,
            onPick: () => create.mutate({ name: trimmed }),
          },
        ]
      : []),
  ];
  return (
    <Dialog title={t('customer.title')} onClose={onClose} testId="customer-dialog">
      <input
        autoFocus
        data-testid="customer-search"
        placeholder={t('customer.search')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => pickListKeys(event, options, active, setActive)}
      />
      <PickList options={options} active={active} testId="customer-options" />
      <ErrorNote error={create.error ?? found.error} />
      <p className="hint">{t('common.pickHint')}</p>
    </Dialog>
  );
}
