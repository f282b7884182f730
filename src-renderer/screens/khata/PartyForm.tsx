// Add or edit a customer or a supplier: name, phone, GSTIN, state, address, credit limit and what going over it does, each with its message beside it.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { shownError } from '../../app/errors';
import { INDIAN_STATE_CODES, isValidGstin } from '../../../src-shared/gst/gstin';
import { CREDIT_LIMIT_POLICIES, type CreditLimitPolicy, type PARTY_KINDS } from '../../../src-shared/contracts/parties';
import {
  EMPTY_PARTY_FORM,
  changedFields,
  formOfParty,
  openingDueOf,
  partyFormErrors,
  partyInputOf,
  type Party,
  type PartyFormField,
  type PartyFormState,
} from './party-form';

type PartyKind = (typeof PARTY_KINDS)[number];

/** The form field a ledger detail names ("creditLimitPaise" → "creditLimit"). */
const fieldOfPath = (path: string): string =>
  path.startsWith('creditLimitPaise')
    ? 'creditLimit'
    : path.startsWith('openingBalancePaise')
      ? 'openingDue'
      : path.split('.')[0]!;

export function PartyForm({
  party,
  canEditCredit,
  onSaved,
  testId = 'party-form',
  autoFocus = true,
  kind = 'customer',
}: {
  party: Party | null;
  /** What a new party is: a customer (khata) or a supplier (payables). */
  kind?: PartyKind;
  canEditCredit: boolean;
  onSaved: (party: Party) => void;
  testId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PartyFormState>(() => (party ? formOfParty(party) : EMPTY_PARTY_FORM));
  const [shown, setShown] = useState<Partial<Record<PartyFormField, string>>>({});
  const onSuccess = (saved: Party) => {
    void queryClient.invalidateQueries();
    if (!party) setForm(EMPTY_PARTY_FORM);
    onSaved(saved);
  };
  const create = useMutation(trpc.parties.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.parties.update.mutationOptions({ onSuccess }));
  const saving = party ? update : create;
  const serverError = shownError(saving.error);
  const errors: Partial<Record<string, string>> = { ...shown };
  for (const detail of serverError?.details ?? []) errors[fieldOfPath(detail.path)] ??= detail.message;
  // When every problem is shown beside its field, the line under the form only points at them.
  const allPlaced = !!serverError?.details.length && serverError.details.every((d) => fieldOfPath(d.path) in form);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = partyFormErrors(form);
    setShown(Object.fromEntries(Object.entries(problems).map(([key, message]) => [key, t(message)])));
    if (Object.keys(problems).length) return;
    const input = partyInputOf(form);
    if (!party)
      return create.mutate({
        ...input,
        kind,
        ...(kind === 'supplier' ? { openingBalancePaise: openingDueOf(form) } : {}),
      });
    const changes = changedFields(party, input);
    if (Object.keys(changes).length === 0) return onSaved(party);
    update.mutate({ id: party.id, ...changes });
  };

  const set = <K extends PartyFormField>(key: K, value: PartyFormState[K]) =>
    setForm((current) => {
      const next = { ...current, [key]: value };
      // A GSTIN names its state in its first two digits: follow it.
      const gstin = next.gstin.trim().toUpperCase();
      if (key === 'gstin' && isValidGstin(gstin)) next.stateCode = gstin.slice(0, 2);
      return next;
    });
  const field = (key: PartyFormField, label: string, control: ReactNode, hint?: string) => (
    <label className={errors[key] ? 'field invalid' : 'field'} key={key}>
      <span>{label}</span>
      {control}
      {hint && !errors[key] && <span className="hint">{hint}</span>}
      {errors[key] && (
        <span className="field-error" role="alert" id={`${testId}-${key}-error`} data-testid={`party-error-${key}`}>
          {errors[key]}
        </span>
      )}
    </label>
  );
  const text = (
    key: Exclude<PartyFormField, 'creditLimitPolicy'>,
    props: { inputMode?: 'decimal' | 'tel'; autoFocus?: boolean; disabled?: boolean; placeholder?: string } = {},
  ) => (
    <input
      {...props}
      value={form[key]}
      data-testid={`party-${key}`}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `${testId}-${key}-error` : undefined}
      onChange={(event) => set(key, event.target.value)}
    />
  );
  const creditHint = canEditCredit ? undefined : t('partyForm.managersOnly');
  // A supplier gives the shop credit, not the other way round: no credit limit to set.
  const forSupplier = (party?.kind ?? kind) === 'supplier';

  return (
    <form className="party-form" onSubmit={submit} data-testid={testId} noValidate>
      <div className="field-grid">
        {field('name', t('khata.name'), text('name', { autoFocus }))}
        {field('phone', t('khata.phone'), text('phone', { inputMode: 'tel' }), t('partyForm.phoneHint'))}
        {field('gstin', t('settings.gstin'), text('gstin'), t('partyForm.gstinHint'))}
        {field(
          'stateCode',
          t('partyForm.state'),
          <select
            value={form.stateCode}
            data-testid="party-stateCode"
            onChange={(event) => set('stateCode', event.target.value)}
          >
            <option value="">{t('partyForm.noState')}</option>
            {Object.entries(INDIAN_STATE_CODES).map(([code, name]) => (
              <option key={code} value={code}>
                {code} · {name}
              </option>
            ))}
          </select>,
        )}
        {field('address', t('partyForm.address'), text('address'))}
        {forSupplier &&
          !party &&
          field(
            'openingDue',
            t('partyForm.openingDue'),
            text('openingDue', { inputMode: 'decimal', placeholder: '0.00' }),
            t('partyForm.openingDueHint'),
          )}
        {!forSupplier &&
          field(
            'creditLimit',
            t('khata.creditLimit'),
            text('creditLimit', {
              inputMode: 'decimal',
              disabled: !canEditCredit,
              placeholder: t('partyForm.noLimit'),
            }),
            creditHint,
          )}
        {!forSupplier &&
          field(
            'creditLimitPolicy',
            t('partyForm.overLimit'),
            <select
              value={form.creditLimitPolicy}
              disabled={!canEditCredit}
              data-testid="party-creditLimitPolicy"
              onChange={(event) => set('creditLimitPolicy', event.target.value as CreditLimitPolicy)}
            >
              {CREDIT_LIMIT_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`partyForm.policies.${policy}`)}
                </option>
              ))}
            </select>,
            creditHint,
          )}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={saving.isPending} data-testid="party-save">
          {party ? t('common.save') : t('common.create')} <kbd>Enter</kbd>
        </button>
      </div>
      {serverError && (
        <div className="error" role="alert" data-testid="party-form-error">
          {allPlaced ? t('partyForm.fixFields') : serverError.message}
        </div>
      )}
    </form>
  );
}
