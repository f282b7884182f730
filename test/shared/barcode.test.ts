import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../../src-shared/errors';
import {
  DEFAULT_SCALE_CONFIG,
  hasValidCheckDigit,
  looksLikeGs1,
  normalizeBarcode,
  parseScaleBarcode,
} from '../../src-shared/barcode';

/** Appends the GS1 mod-10 check digit, written out independently of the module. */
function withCheckDigit(body: string): string {
  const weighted = [...body].reverse().reduce((sum, digit, i) => sum + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return body + String((10 - (weighted % 10)) % 10);
}

describe('GS1 check digits', () => {
  it('accepts real codes: EAN-13 4006381333931, EAN-8 96385074, UPC-A 036000291452', () => {
    expect(hasValidCheckDigit('4006381333931')).toBe(true);
    expect(hasValidCheckDigit('96385074')).toBe(true);
    expect(hasValidCheckDigit('036000291452')).toBe(true);
  });

  it('checks an Indian 890 code: 8901030865275 is valid and 8901030865278 is not', () => {
    // 8·1 + 9·3 + 0 + 1·3 + 0 + 3·3 + 0 + 8·3 + 6 + 5·3 + 2 + 7·3 = 115, so the check digit is 5.
    expect(hasValidCheckDigit('8901030865275')).toBe(true);
    expect(hasValidCheckDigit('8901030865278')).toBe(false);
  });

  it('rejects a single wrong digit anywhere in the code', () => {
    const code = '4006381333931';
    for (let i = 0; i < code.length; i++) {
      const changed = code.slice(0, i) + String((Number(code[i]) + 1) % 10) + code.slice(i + 1);
      expect(hasValidCheckDigit(changed), changed).toBe(false);
    }
  });

  it('accepts any 7, 11 or 12 digits followed by their check digit, and no other last digit', () => {
    const body = fc.oneof(
      ...[7, 11, 12].map((length) =>
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length }),
      ),
    );
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 9 }), (digits, shift) => {
        const code = withCheckDigit(digits);
        expect(hasValidCheckDigit(code)).toBe(true);
        const wrong = digits + String((Number(code.at(-1)) + shift) % 10);
        expect(hasValidCheckDigit(wrong)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a code of another length even when its last digit checks out (7 and 14 digits)', () => {
    expect(hasValidCheckDigit(withCheckDigit('123456'))).toBe(false);
    expect(hasValidCheckDigit(withCheckDigit('1234567890123'))).toBe(false);
  });

  it('refuses codes that are not 8, 12 or 13 digits', () => {
    expect(hasValidCheckDigit('12345670')).toBe(true);
    expect(hasValidCheckDigit('1234567')).toBe(false);
    expect(hasValidCheckDigit('ABCDEFGH')).toBe(false);
    expect(looksLikeGs1('96385074')).toBe(true);
    expect(looksLikeGs1('036000291452')).toBe(true);
    expect(looksLikeGs1('4006381333931')).toBe(true);
    expect(looksLikeGs1('40063813339')).toBe(false);
    expect(looksLikeGs1('400638133393A')).toBe(false);
    expect(looksLikeGs1('SKU-42')).toBe(false);
  });
});

describe('normalizeBarcode', () => {
  it('trims what the scanner sends', () => {
    expect(normalizeBarcode('  8901030865275\r\n')).toBe('8901030865275');
  });

  it('turns a UPC-A into its EAN-13 form, which keeps a valid check digit', () => {
    expect(normalizeBarcode('036000291452')).toBe('0036000291452');
    expect(hasValidCheckDigit(normalizeBarcode('036000291452'))).toBe(true);
  });

  it('leaves a 12-character in-house code alone when it does not start with a digit', () => {
    expect(normalizeBarcode('A23456789012')).toBe('A23456789012');
    expect(looksLikeGs1('A234567890128')).toBe(false);
  });

  it('leaves EAN-8, EAN-13 and in-house codes alone', () => {
    expect(normalizeBarcode('96385074')).toBe('96385074');
    expect(normalizeBarcode('4006381333931')).toBe('4006381333931');
    expect(normalizeBarcode('SKU-000000001')).toBe('SKU-000000001');
  });
});

describe('parseScaleBarcode', () => {
  it('reads the PLU and the weight in grams from a label: 21 00123 01250 → 1.250 kg of PLU 00123', () => {
    expect(withCheckDigit('210012301250')).toBe('2100123012503');
    expect(parseScaleBarcode('2100123012503', DEFAULT_SCALE_CONFIG)).toEqual({ plu: '00123', qtyMilli: 1250 });
  });

  it('reads a price in paise when the scale prints prices', () => {
    const config = { ...DEFAULT_SCALE_CONFIG, valueKind: 'price' as const };
    expect(parseScaleBarcode('2100123012503', config)).toEqual({ plu: '00123', pricePaise: 1250 });
  });

  it('follows a configured layout: prefix 2, six-digit PLU, four-digit value', () => {
    const config = { prefixes: ['2'], pluDigits: 6, valueDigits: 5, valueKind: 'weight' as const };
    const code = withCheckDigit('200012345678');
    expect(parseScaleBarcode(code, config)).toEqual({ plu: '000123', qtyMilli: 45678 });
  });

  it('is null for a product code, a bad check digit, or another prefix', () => {
    expect(parseScaleBarcode('8901030865275', DEFAULT_SCALE_CONFIG)).toBeNull();
    expect(parseScaleBarcode('2100123012504', DEFAULT_SCALE_CONFIG)).toBeNull();
    expect(parseScaleBarcode(withCheckDigit('210012301250').slice(0, 12), DEFAULT_SCALE_CONFIG)).toBeNull();
    expect(parseScaleBarcode('2100123012503', { ...DEFAULT_SCALE_CONFIG, prefixes: ['22'] })).toBeNull();
  });

  it('reads only 13-digit labels: a valid 12-digit UPC-A or 8-digit EAN-8 starting 21 is a product code', () => {
    const upc = withCheckDigit('21001230125');
    const ean8 = withCheckDigit('2100123');
    expect(hasValidCheckDigit(upc)).toBe(true);
    expect(hasValidCheckDigit(ean8)).toBe(true);
    expect(parseScaleBarcode(upc, DEFAULT_SCALE_CONFIG)).toBeNull();
    expect(parseScaleBarcode(ean8, DEFAULT_SCALE_CONFIG)).toBeNull();
  });

  it('rejects a layout that does not fill the 12 digits before the check digit', () => {
    expect(() => parseScaleBarcode('2100123012503', { ...DEFAULT_SCALE_CONFIG, pluDigits: 4 })).toThrow(
      new Invalid('Scale barcode layout "20" + 4 PLU + 5 value digits must fill 12 digits before the check digit'),
    );
  });
});
