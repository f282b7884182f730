import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../../../src-shared/errors';
import { INDIAN_STATE_CODES, gstinStateCode, isStateCode, isValidGstin } from '../../../src-shared/gst/gstin';
import { GST_PORTAL_STATE_CODES } from './fixtures/gst-state-codes';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** An independent transcription of the published algorithm, to build fresh valid GSTINs. */
function withCheckChar(first14: string): string {
  const sum = [...first14].reduce((total, char, i) => {
    const product = ALPHABET.indexOf(char) * (i % 2 === 0 ? 1 : 2);
    return total + Math.floor(product / 36) + (product % 36);
  }, 0);
  return first14 + ALPHABET.charAt((36 - (sum % 36)) % 36);
}

describe('isValidGstin', () => {
  it('accepts the published example 27AAPFU0939F1ZV', () => {
    expect(isValidGstin('27AAPFU0939F1ZV')).toBe(true);
  });

  it('accepts GSTINs built with the official check character for several states', () => {
    // Worked by hand for 29ABCDE1234F1Z: the weighted sum is 184, 184 % 36 = 4, (36 − 4) % 36 = 32 → 'W'.
    expect(withCheckChar('29ABCDE1234F1Z')).toBe('29ABCDE1234F1ZW');
    for (const gstin of [
      '29ABCDE1234F1ZW',
      withCheckChar('07AAACR5055K1Z'),
      withCheckChar('33AABCT3518Q1Z'),
      withCheckChar('97AAAAA0000A9Z'),
    ]) {
      expect(isValidGstin(gstin)).toBe(true);
    }
  });

  it('rejects any single-character change', () => {
    const valid = '27AAPFU0939F1ZV';
    for (let i = 0; i < valid.length; i++) {
      for (const replacement of ALPHABET) {
        if (replacement === valid[i]) continue;
        const changed = valid.slice(0, i) + replacement + valid.slice(i + 1);
        expect(isValidGstin(changed), changed).toBe(false);
      }
    }
  });

  it.each([
    ['a wrong length', '27AAPFU0939F1Z'],
    ['lower case', '27aapfu0939f1zv'],
    ['surrounding spaces', ' 27AAPFU0939F1ZV'],
    ['an unknown state code', withCheckChar('40AAPFU0939F1Z')],
    ['state code 00', withCheckChar('00AAPFU0939F1Z')],
    ['a PAN with a digit where a letter belongs', withCheckChar('27AAPF10939F1Z')],
    ['entity number 0', withCheckChar('27AAPFU0939F0Z')],
    ['an empty string', ''],
  ])('rejects %s', (_, text) => {
    expect(isValidGstin(text)).toBe(false);
  });

  it('reads all 15 characters and nothing around them', () => {
    // A valid GSTIN with one more character after it: only a pattern without its end anchor would accept it.
    expect(isValidGstin('27AAPFU0939F1ZVX')).toBe(false);
    expect(isValidGstin('27AAPFU0939F1ZV1')).toBe(false);
    // 16 characters whose first 15 carry a known state code and the right check character, and whose last 15 have
    // the GSTIN's shape: only a pattern without its start anchor would accept it.
    const shifted = `${withCheckChar('272ABCDE1234F1')}Z`;
    expect(shifted.slice(1)).toMatch(/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z][0-9A-Z][0-9A-Z]$/);
    expect(isValidGstin(shifted)).toBe(false);
  });

  it('accepts every well-formed GSTIN whose check character follows the algorithm, and no other last character', () => {
    const codes = Object.keys(INDIAN_STATE_CODES);
    const letters = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 5, maxLength: 5 });
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 4, maxLength: 4 });
    const alnum = fc.constantFrom(...ALPHABET);
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        letters,
        digits,
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        fc.constantFrom(...ALPHABET.slice(1)),
        alnum,
        alnum,
        (state, pan1, pan2, pan3, entity, z, other) => {
          const gstin = withCheckChar(state + pan1 + pan2 + pan3 + entity + z);
          expect(isValidGstin(gstin)).toBe(true);
          // Any other check character is refused; the right one (drawn by chance) is the same GSTIN again.
          expect(isValidGstin(gstin.slice(0, 14) + other)).toBe(other === gstin[14]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('state codes', () => {
  it('names every state and territory as the GST portal lists it (fixtures/gst-state-codes.ts)', () => {
    const byCode = (entries: ReadonlyArray<readonly [string, string]>) =>
      [...entries].sort(([a], [b]) => a.localeCompare(b));
    expect(byCode(Object.entries(INDIAN_STATE_CODES))).toEqual(byCode(GST_PORTAL_STATE_CODES));
    for (const [code, name] of GST_PORTAL_STATE_CODES) expect(INDIAN_STATE_CODES[code], code).toBe(name);
  });

  it('names the states and territories by their GST codes', () => {
    expect(INDIAN_STATE_CODES['01']).toBe('Jammu and Kashmir');
    expect(INDIAN_STATE_CODES['27']).toBe('Maharashtra');
    expect(INDIAN_STATE_CODES['36']).toBe('Telangana');
    expect(INDIAN_STATE_CODES['38']).toBe('Ladakh');
    expect(INDIAN_STATE_CODES['97']).toBe('Other Territory');
  });

  it('covers 01 to 38, 97 and 99 and nothing else', () => {
    const expected = [...Array.from({ length: 38 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '99'];
    expect(Object.keys(INDIAN_STATE_CODES).sort()).toEqual(expected);
    expect(isStateCode('24')).toBe(true);
    expect(isStateCode('39')).toBe(false);
    expect(isStateCode('7')).toBe(false);
    expect(isStateCode('toString')).toBe(false);
  });

  it('reads the state code out of a valid GSTIN and refuses an invalid one', () => {
    expect(gstinStateCode('27AAPFU0939F1ZV')).toBe('27');
    expect(() => gstinStateCode('27AAPFU0939F1ZW')).toThrow(new Invalid('"27AAPFU0939F1ZW" is not a valid GSTIN'));
  });
});
