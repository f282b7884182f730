import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../../src-shared/errors';
import { financialYearStart, formatDocumentNumber, parseDocumentNumber } from '../../src-shared/invoice-number';

describe('financialYearStart', () => {
  it('starts the Indian financial year on 1 April, by the calendar in India', () => {
    expect(financialYearStart(new Date('2026-03-31T23:59:59+05:30'))).toBe(2025);
    expect(financialYearStart(new Date('2026-04-01T00:00:00+05:30'))).toBe(2026);
    expect(financialYearStart(new Date('2026-01-01T12:00:00+05:30'))).toBe(2025);
    expect(financialYearStart(new Date('2026-12-31T12:00:00+05:30'))).toBe(2026);
  });

  it('a bill at 00:30 on 1 April in India opens the new year, whatever zone the PC keeps (19:00 UTC on 31 March)', () => {
    expect(financialYearStart(new Date('2026-03-31T19:00:00Z'))).toBe(2026);
    expect(financialYearStart(new Date('2026-03-31T18:29:59Z'))).toBe(2025);
  });

  it('rejects an invalid date', () => {
    expect(() => financialYearStart(new Date(Number.NaN))).toThrow(new Invalid('Not a valid date'));
  });
});

describe('formatDocumentNumber', () => {
  it('writes series, year and a six-digit sequence', () => {
    expect(formatDocumentNumber('C1', 2026, 123)).toBe('C1-2026-000123');
    expect(formatDocumentNumber('R1', 2025, 1)).toBe('R1-2025-000001');
  });

  it('widens the sequence past 999999 rather than wrapping', () => {
    expect(formatDocumentNumber('C1', 2026, 1234567)).toBe('C1-2026-1234567');
  });

  it('takes any four-digit year, 1000 to 9999, and a number of exactly 16 characters', () => {
    expect(formatDocumentNumber('C1', 1000, 1)).toBe('C1-1000-000001');
    expect(formatDocumentNumber('C1', 9999, 1)).toBe('C1-9999-000001');
    expect(formatDocumentNumber('ABCD', 2026, 1)).toBe('ABCD-2026-000001');
    expect(formatDocumentNumber('ABCD', 2026, 1).length).toBe(16);
  });

  it('says what is wrong with the series, the year, the sequence or the length', () => {
    expect(() => formatDocumentNumber('C-1', 2026, 1)).toThrow(
      new Invalid('Series prefix must be letters and digits only, got "C-1"'),
    );
    expect(() => formatDocumentNumber('C1', 999, 1)).toThrow(
      new Invalid('Financial year must be a four-digit year, got 999'),
    );
    expect(() => formatDocumentNumber('C1', 10000, 1)).toThrow(
      new Invalid('Financial year must be a four-digit year, got 10000'),
    );
    expect(() => formatDocumentNumber('C1', 2026, 0)).toThrow(
      new Invalid('Sequence number must be a whole number from 1, got 0'),
    );
    expect(() => formatDocumentNumber('ABCDE', 2026, 1)).toThrow(
      new Invalid('Document number "ABCDE-2026-000001" is longer than the 16 characters GST allows'),
    );
  });

  it.each<[string, string, number, number]>([
    ['an empty prefix', '', 2026, 1],
    ['a prefix with a hyphen', 'C-1', 2026, 1],
    ['a two-digit year', 'C1', 26, 1],
    ['sequence zero', 'C1', 2026, 0],
    ['a fractional sequence', 'C1', 2026, 1.5],
    ['a number longer than the 16 characters GST allows', 'COUNTER1', 2026, 1],
  ])('rejects %s', (_, prefix, fy, seq) => {
    expect(() => formatDocumentNumber(prefix, fy, seq)).toThrow(Invalid);
  });
});

describe('parseDocumentNumber', () => {
  it('reads back the parts', () => {
    expect(parseDocumentNumber('C1-2026-000123')).toEqual({ prefix: 'C1', fyStart: 2026, seq: 123 });
    expect(parseDocumentNumber('C1-2026-1234567')).toEqual({ prefix: 'C1', fyStart: 2026, seq: 1234567 });
  });

  it.each([
    '',
    'C1-2026-123',
    'C1-26-000123',
    'C1-2026-0000123',
    'C1-2026-000000',
    '-2026-000001',
    'C1 2026 000001',
    'C1-2026-000001 ',
  ])('is null for "%s"', (text) => {
    expect(parseDocumentNumber(text)).toBeNull();
  });

  it('round-trips every number it formats', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{1,3}$/),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 999_999 }),
        (prefix, fy, seq) => {
          expect(parseDocumentNumber(formatDocumentNumber(prefix, fy, seq))).toEqual({ prefix, fyStart: fy, seq });
        },
      ),
      { numRuns: 300 },
    );
  });
});
