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

  it.each([
    [1, 'One'],
    [2, 'Two'],
    [3, 'Three'],
    [4, 'Four'],
    [5, 'Five'],
    [6, 'Six'],
    [7, 'Seven'],
    [8, 'Eight'],
    [9, 'Nine'],
    [10, 'Ten'],
    [11, 'Eleven'],
    [12, 'Twelve'],
    [13, 'Thirteen'],
    [14, 'Fourteen'],
    [15, 'Fifteen'],
    [16, 'Sixteen'],
    [17, 'Seventeen'],
    [18, 'Eighteen'],
    [19, 'Nineteen'],
  ])('writes the number %i as "%s", in paise and in rupees', (n, word) => {
    expect(amountInWords(n)).toBe(`${word} Paise Only`);
    expect(amountInWords(n * 100)).toBe(`Rupees ${word} Only`);
  });

  it.each([
    [20, 'Twenty'],
    [30, 'Thirty'],
    [40, 'Forty'],
    [50, 'Fifty'],
    [60, 'Sixty'],
    [70, 'Seventy'],
    [80, 'Eighty'],
    [90, 'Ninety'],
  ])('writes the tens word for %i as "%s", alone and with units', (n, word) => {
    expect(amountInWords(n)).toBe(`${word} Paise Only`);
    expect(amountInWords((n + 7) * 100)).toBe(`Rupees ${word} Seven Only`);
  });

  it('writes an exact hundred with its hundreds word', () => {
    expect(amountInWords(100_00)).toBe('Rupees One Hundred Only');
    expect(amountInWords(1_100_00)).toBe('Rupees One Thousand One Hundred Only');
    expect(amountInWords(99_00)).toBe('Rupees Ninety Nine Only');
  });

  it('counts crores in thousands, up to 99,99,99,99,999 rupees', () => {
    expect(amountInWords(9_999_999_999_999)).toBe(
      'Rupees Nine Thousand Nine Hundred Ninety Nine Crore Ninety Nine Lakh Ninety Nine Thousand Nine Hundred Ninety Nine and Ninety Nine Paise Only',
    );
    expect(() => amountInWords(10_000_000_000_000)).toThrow(
      new Invalid('Amount of 10000000000000 paise is beyond 99,99,99,99,999 rupees'),
    );
  });

  it('rejects negative and fractional amounts', () => {
    expect(() => amountInWords(-100)).toThrow(new Invalid('Amount must be whole, non-negative paise, got -100'));
    expect(() => amountInWords(10.5)).toThrow(new Invalid('Amount must be whole, non-negative paise, got 10.5'));
  });
});
