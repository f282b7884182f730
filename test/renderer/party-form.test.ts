// A new supplier's opening due as typed: empty is nothing owed, rupees with Indian commas are read exactly, and a
// negative, a word or an absurd amount is refused beside the box before anything is sent.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PARTY_FORM,
  MAX_OPENING_DUE_PAISE,
  openingDueOf,
  partyFormErrors,
} from '../../src-renderer/screens/khata/party-form';

const supplier = (openingDue: string) => ({ ...EMPTY_PARTY_FORM, name: 'Shree Traders', openingDue });

describe('the opening due box', () => {
  it.each([
    ['', 0],
    ['2,500', 2_500_00],
    ['1,00,00,000', MAX_OPENING_DUE_PAISE],
    [' 99.5 ', 99_50],
  ])('"%s" is owed as %i paise', (typed, paise) => {
    expect(partyFormErrors(supplier(typed))).toEqual({});
    expect(openingDueOf(supplier(typed))).toBe(paise);
  });

  it.each([
    ['-500', 'partyForm.errors.openingDueNegative'],
    ['five hundred', 'partyForm.errors.amount'],
    ['12.345', 'partyForm.errors.amount'],
    ['1,00,00,000.01', 'partyForm.errors.openingDueTooLarge'],
    ['25000000000', 'partyForm.errors.openingDueTooLarge'],
  ])('"%s" is refused beside the box', (typed, key) => {
    expect(partyFormErrors(supplier(typed))).toEqual({ openingDue: key });
  });
});
