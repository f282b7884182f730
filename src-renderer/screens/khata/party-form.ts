// The customer form's text fields, checked field by field in shop language before anything is sent, and converted to inputs.
import { isStateCode, isValidGstin, gstinStateCode } from '../../../src-shared/gst/gstin';
import { parseRupees } from '../../../src-shared/money';
import { PHONE_PATTERN, type CreditLimitPolicy } from '../../../src-shared/contracts/parties';
import type { Inputs, Outputs } from '../../app/trpc';

export type Party = Outputs['parties']['get'];
type PartyFieldsInput = Omit<Inputs['parties']['update'], 'id'>;

/** What the person types, kept as text; converted only on save. */
export interface PartyFormState {
  name: string;
  phone: string;
  gstin: string;
  stateCode: string;
  address: string;
  creditLimit: string;
  creditLimitPolicy: CreditLimitPolicy;
  /** A new supplier only: what the shop already owed them on the day it started on Galla (their opening payable). */
  openingDue: string;
}

export type PartyFormField = keyof PartyFormState;

export const EMPTY_PARTY_FORM: PartyFormState = {
  name: '',
  phone: '',
  gstin: '',
  stateCode: '',
  address: '',
  creditLimit: '',
  creditLimitPolicy: 'warn',
  openingDue: '',
};

/**
 * Above this an opening due is a typing slip (an extra zero or two), not a kirana's debt to one wholesaler: ₹1 crore.
 * The ledger's own bound (₹1,000 crore) is for any amount at all.
 */
export const MAX_OPENING_DUE_PAISE = 1_00_00_000_00;

export function formOfParty(party: Party): PartyFormState {
  return {
    name: party.name,
    phone: party.phone,
    gstin: party.gstin ?? '',
    stateCode: party.stateCode ?? '',
    address: party.address,
    creditLimit: party.creditLimitPaise === null ? '' : (party.creditLimitPaise / 100).toFixed(2),
    creditLimitPolicy: party.creditLimitPolicy,
    openingDue: '',
  };
}

/** Spaces and dashes people type in a phone number ("98220 12345") are not part of it. */
export const cleanPhone = (text: string) => text.replace(/[\s-]/g, '');

/** An i18n key per field that is wrong; an empty object means the form can be sent. */
export function partyFormErrors(form: PartyFormState): Partial<Record<PartyFormField, string>> {
  const errors: Partial<Record<PartyFormField, string>> = {};
  if (!form.name.trim()) errors.name = 'partyForm.errors.name';
  if (!PHONE_PATTERN.test(cleanPhone(form.phone))) errors.phone = 'partyForm.errors.phone';
  const gstin = form.gstin.trim().toUpperCase();
  if (gstin && !isValidGstin(gstin)) errors.gstin = 'partyForm.errors.gstin';
  if (form.stateCode && !isStateCode(form.stateCode)) errors.stateCode = 'partyForm.errors.state';
  else if (gstin && isValidGstin(gstin) && form.stateCode && gstinStateCode(gstin) !== form.stateCode)
    errors.stateCode = 'partyForm.errors.stateMismatch';
  if (form.creditLimit.trim()) {
    try {
      parseRupees(form.creditLimit.trim());
    } catch {
      errors.creditLimit = 'partyForm.errors.amount';
    }
  }
  const openingDue = openingDueProblem(form.openingDue);
  if (openingDue) errors.openingDue = openingDue;
  return errors;
}

/** The i18n key of what is wrong with an opening due as typed (empty means none), or null. */
function openingDueProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (trimmed.startsWith('-')) return 'partyForm.errors.openingDueNegative';
  let paise: number;
  try {
    paise = parseRupees(trimmed);
  } catch {
    return 'partyForm.errors.amount';
  }
  return paise > MAX_OPENING_DUE_PAISE ? 'partyForm.errors.openingDueTooLarge' : null;
}

/** The opening due in paise; call only when partyFormErrors found nothing. */
export function openingDueOf(form: PartyFormState): number {
  return form.openingDue.trim() ? parseRupees(form.openingDue.trim()) : 0;
}

/** The fields as the ledger takes them; call only when partyFormErrors found nothing. */
export function partyInputOf(form: PartyFormState): Required<Omit<PartyFieldsInput, 'kind'>> {
  const gstin = form.gstin.trim().toUpperCase();
  return {
    name: form.name.trim(),
    phone: cleanPhone(form.phone),
    gstin: gstin || null,
    // A GSTIN fixes the state: the ledger takes it from there.
    stateCode: gstin ? gstinStateCode(gstin) : form.stateCode || null,
    address: form.address.trim(),
    creditLimitPaise: form.creditLimit.trim() ? parseRupees(form.creditLimit.trim()) : null,
    creditLimitPolicy: form.creditLimitPolicy,
  };
}

/** Only what differs from the stored customer, so an edit by a cashier never touches the credit fields it cannot. */
export function changedFields(party: Party, input: ReturnType<typeof partyInputOf>): Partial<typeof input> {
  const changed: Partial<typeof input> = {};
  for (const key of Object.keys(input) as (keyof typeof input)[])
    if (input[key] !== party[key]) Object.assign(changed, { [key]: input[key] });
  return changed;
}
