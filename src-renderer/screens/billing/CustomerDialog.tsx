// Customer (F3): find by name or phone, or add a new one on the spot (asked for the phone too); the khata balance
// and limit show beside each. A bill of ₹50,000 or more to a buyer without a GSTIN then asks where the goods go
// (CGST Rule 46(e)), starting from the customer's own address.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { Dialog } from '../../app/Dialog';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';
import { EMPTY_PARTY_FORM, cleanPhone, partyFormErrors } from '../khata/party-form';
import type { CartParty } from './cart';
import { PickList, pickListKeys, type PickOption } from './PickList';

interface NewCustomer {
  name: string;
  phone: string;
}

function NewCustomerForm({ start, onChoose }: { start: NewCustomer; onChoose: (party: CartParty) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [form, setForm] = useState(start);
  const [errors, setErrors] = useState<{ name?: string; phone?: string }>({});
  const create = useMutation(trpc.parties.create.mutationOptions({ onSuccess: (party) => onChoose(party) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = partyFormErrors({ ...EMPTY_PARTY_FORM, ...form });
    setErrors({ name: problems.name && t(problems.name), phone: problems.phone && t(problems.phone) });
    if (problems.name || problems.phone) return;
    create.mutate({ name: form.name.trim(), phone: cleanPhone(form.phone) });
  };
  const field = (key: keyof NewCustomer, label: string, focus: boolean) => (
    <label className={errors[key] ? 'field invalid' : 'field'}>
      <span>{label}</span>
      <input
        autoFocus={focus}
        value={form[key]}
        inputMode={key === 'phone' ? 'tel' : undefined}
        data-testid={`new-customer-${key}`}
        onChange={(event) => setForm({ ...form, [key]: event.target.value })}
      />
      {errors[key] && (
        <span className="field-error" role="alert" data-testid={`new-customer-${key}-error`}>
          {errors[key]}
        </span>
      )}
    </label>
  );
  return (
    <form onSubmit={submit} className="new-customer" data-testid="new-customer" noValidate>
      <h3>{t('customer.newTitle')}</h3>
      {field('name', t('khata.name'), !start.name)}
      {field('phone', t('customer.phoneOptional'), Boolean(start.name))}
      <div className="form-actions">
        <button type="submit" disabled={create.isPending} data-testid="new-customer-save">
          {t('customer.save')} <kbd>Enter</kbd>
        </button>
      </div>
      <ErrorNote error={create.error} />
    </form>
  );
}

/** The address of delivery, with the reason beside it when it is required and left empty; Esc keeps the bill as it is. */
function DeliveryForm({
  party,
  start,
  onSave,
  onChangeCustomer,
}: {
  party: CartParty;
  start: string;
  onSave: (address: string) => void;
  onChangeCustomer: () => void;
}) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(start || party.address);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!address.trim()) return setMissing(true);
    onSave(address.trim());
  };
  return (
    <form onSubmit={submit} className="new-customer" data-testid="delivery-form" noValidate>
      <h3>{t('customer.deliveryTitle', { name: party.name })}</h3>
      <label className={missing ? 'field invalid' : 'field'}>
        <span>{t('customer.deliveryAddress')}</span>
        <textarea
          autoFocus
          rows={3}
          maxLength={300}
          value={address}
          data-testid="delivery-address"
          onChange={(event) => {
            setAddress(event.target.value);
            setMissing(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) submit(event);
          }}
        />
        <span
          className={missing ? 'field-error' : 'hint'}
          role={missing ? 'alert' : undefined}
          data-testid="delivery-address-note"
        >
          {t('errors.deliveryAddressField')}
        </span>
      </label>
      <div className="form-actions">
        <button type="button" onClick={onChangeCustomer} data-testid="delivery-change-customer">
          {t('customer.change')}
        </button>
        <button type="submit" data-testid="delivery-save">
          {t('customer.saveDelivery')} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
}

export function CustomerDialog({
  current,
  deliveryAddress,
  needsDelivery,
  onClose,
  onChoose,
}: {
  current: CartParty | null;
  deliveryAddress: string;
  /** Whether the bill, with this customer on it, must carry the address of delivery. */
  needsDelivery: (party: CartParty | null) => boolean;
  onClose: () => void;
  onChoose: (party: CartParty | null, deliveryAddress: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [draft, setDraft] = useState<NewCustomer | null>(null);
  // Opened again on a bill still missing its address of delivery: straight to it.
  const [delivering, setDelivering] = useState<CartParty | null>(
    current && !deliveryAddress && needsDelivery(current) ? current : null,
  );
  const choose = (party: CartParty | null) => {
    if (party && needsDelivery(party)) return setDelivering(party);
    onChoose(party, party && party.id === current?.id ? deliveryAddress : '');
  };
  const found = useQuery({
    ...trpc.parties.list.queryOptions({ query, kind: 'customer', limit: 20 }),
    placeholderData: (previous) => previous,
  });
  const trimmed = query.trim();
  const isPhone = /^\+?\d{10,13}$/.test(cleanPhone(trimmed));
  const options: PickOption[] = [
    ...(current ? [{ key: 'none', label: t('customer.none'), onPick: () => choose(null) }] : []),
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
      onPick: () => choose(party),
    })),
    ...(trimmed
      ? [
          {
            key: 'new',
            label: (
              <strong>
                {isPhone ? t('customer.createWithPhone', { phone: trimmed }) : t('customer.create', { name: trimmed })}
              </strong>
            ),
            onPick: () => setDraft(isPhone ? { name: '', phone: trimmed } : { name: trimmed, phone: '' }),
          },
        ]
      : []),
  ];
  return (
    <Dialog title={t('customer.title')} onClose={draft ? () => setDraft(null) : onClose} testId="customer-dialog">
      {delivering ? (
        <DeliveryForm
          party={delivering}
          start={delivering.id === current?.id ? deliveryAddress : ''}
          onSave={(address) => onChoose(delivering, address)}
          onChangeCustomer={() => setDelivering(null)}
        />
      ) : draft ? (
        <NewCustomerForm start={draft} onChoose={choose} />
      ) : (
        <>
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
          <ErrorNote error={found.error} />
          <p className="hint">{t('common.pickHint')}</p>
        </>
      )}
    </Dialog>
  );
}
