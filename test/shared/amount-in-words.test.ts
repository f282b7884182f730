import { describe, it, expect } from 'vitest';
import { Invalid } from '../../src-shared/errors';
import { amountInWords } from '../../src-shared/amount-in-words';

describe('amountInWords', () => {
  it.each([
    [12345650, 'Rupees One Lakh Twenty Three Thousand Four Hundred Fifty Six and Fifty Paise Only'],
    [100, 'Rupees One Only'],
    [0, 'Rupees Zero Only'],
    [1100, 'Rupees Eleven Only'],
    [2000, 'Rupees Twenty Only'],
    [10100, 'Rupees One Hundred One Only'],
    [11800, 'Rupees One Hundred Eighteen Only'],
    [100000, 'Rupees One Thousand Only'],
    [1000000, 'Rupees Ten Thousand Only'],
    [10000000, 'Rupees One Lakh Only'],
    [10000100, 'Rupees One Lakh One Only'],
    [9999999900, 'Rupees Nine Crore Ninety Nine Lakh Ninety Nine Thousand Nine Hundred Ninety Nine Only'],
    [1000000000, 'Rupees One Crore Only'],
    [1200500000099, 'Rupees One Thousand Two Hundred Crore Fifty Lakh and Ninety Nine Paise Only'],
    [5, 'Five Paise Only'],
    [99, 'Ninety Nine Paise Only'],
    [101, 'Rupees One and One Paise Only'],
  ])('writes %i paise as "%s"', (paise, words) => {
    expect(amountInWords(paise)).toBe(words);
  });

  it('counts crores in thousands, up to 99,99,99,99,999 rupees', () => {
    expect(amountInWords(9_999_999_999_999)).toBe(
      'Rupees Nine Thousand Nine Hundred Ninety Nine Crore Ninety Nine Lakh Ninety Nine Thousand Nine Hundred Ninety Nine and Ninety Nine Paise Only',
    );
    expect(() => amountInWords(10_000_000_000_000)).toThrow(Invalid);
  });

  it('rejects negative and fractional amounts', () => {
    expect(() => amountInWords(-100)).toThrow(Invalid);
    expect(() => amountInWords(10.5)).toThrow(Invalid);
  });
});
