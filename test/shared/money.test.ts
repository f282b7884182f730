import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../../src-shared/errors';
import {
  allocateProportionally,
  divRound,
  formatQuantity,
  formatRupees,
  parseQuantity,
  parseRupees,
} from '../../src-shared/money';

describe('divRound, the rounding rule of Galla', () => {
  it('rounds halves away from zero in both directions', () => {
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(15, 10)).toBe(2);
    expect(divRound(-15, 10)).toBe(-2);
  });

  it('rounds below a half towards zero and above a half away from it', () => {
    expect(divRound(14, 10)).toBe(1);
    expect(divRound(16, 10)).toBe(2);
    expect(divRound(-14, 10)).toBe(-1);
    expect(divRound(-16, 10)).toBe(-2);
  });

  it('returns plain zero, never negative zero', () => {
    expect(Object.is(divRound(-1, 3), 0)).toBe(true);
  });

  it('is exact at the top of the safe integer range, where float division would round', () => {
    expect(divRound(Number.MAX_SAFE_INTEGER, 2)).toBe(4503599627370496);
    expect(divRound(Number.MAX_SAFE_INTEGER - 1, 3)).toBe(3002399751580330);
  });

  it('agrees with exact BigInt arithmetic for any safe numerator and positive denominator', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 1_000_000_000 }), (n, d) => {
        const big = BigInt(n);
        const bigD = BigInt(d);
        const magnitude = big < 0n ? -big : big;
        let q = magnitude / bigD;
        if (2n * (magnitude % bigD) >= bigD) q += 1n;
        expect(divRound(n, d)).toBe(Number(big < 0n ? -q : q));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a zero or negative denominator and non-integers', () => {
    expect(() => divRound(1, 0)).toThrow(Invalid);
    expect(() => divRound(1, -2)).toThrow(Invalid);
    expect(() => divRound(1.5, 2)).toThrow(Invalid);
  });
});

describe('parseRupees', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['1,234.50', 123450],
    ['1,23,456.75', 12345675],
    [' 0.05 ', 5],
    ['0', 0],
    ['.5', 50],
    ['0.10', 10],
  ])('reads "%s" as %i paise', (text, paise) => {
    expect(parseRupees(text)).toBe(paise);
  });

  it('is exact where float multiplication is not (1.15 × 100 = 114.99999…)', () => {
    expect(parseRupees('1.15')).toBe(115);
    expect(parseRupees('4.35')).toBe(435);
  });

  it.each(['', '   ', '12.345', 'abc', '12a', '1.2.3', '12.', ',12', '1,,2', '₹12', '1e3'])('rejects "%s"', (text) => {
    expect(() => parseRupees(text)).toThrow(Invalid);
  });

  it('rejects negative amounts with a message that says so', () => {
    expect(() => parseRupees('-5')).toThrow(/negative/);
  });

  it('rejects amounts beyond the safe integer range', () => {
    expect(() => parseRupees('900719925474099.92')).toThrow(Invalid);
  });

  it('reads back every amount formatRupees writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (paise) => {
        expect(parseRupees(formatRupees(paise, { symbol: false }))).toBe(paise);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseQuantity', () => {
  it.each([
    ['1.5', 1500],
    ['2', 2000],
    ['0.125', 125],
    ['0.001', 1],
    [' 10 ', 10000],
  ])('reads "%s" as %i milli-units', (text, milli) => {
    expect(parseQuantity(text)).toBe(milli);
  });

  it.each(['-1', '1.2345', '', 'kg'])('rejects "%s"', (text) => {
    expect(() => parseQuantity(text)).toThrow(Invalid);
  });
});

describe('formatRupees', () => {
  it.each([
    [12345650, '₹1,23,456.50'],
    [0, '₹0.00'],
    [5, '₹0.05'],
    [99999, '₹999.99'],
    [100000, '₹1,000.00'],
    [1234567890, '₹1,23,45,678.90'],
    [-1200, '-₹12.00'],
  ])('writes %i paise as %s', (paise, text) => {
    expect(formatRupees(paise)).toBe(text);
  });

  it('leaves out the rupee sign when asked', () => {
    expect(formatRupees(12345650, { symbol: false })).toBe('1,23,456.50');
    expect(formatRupees(-1200, { symbol: false })).toBe('-12.00');
  });
});

describe('formatQuantity', () => {
  it.each([
    [1500, '1.5'],
    [2000, '2'],
    [1234, '1.234'],
    [1, '0.001'],
    [10, '0.01'],
    [0, '0'],
    [-250, '-0.25'],
  ])('writes %i milli-units as %s', (milli, text) => {
    expect(formatQuantity(milli)).toBe(text);
  });

  it('round-trips with parseQuantity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (milli) => {
        expect(parseQuantity(formatQuantity(milli))).toBe(milli);
      }),
      { numRuns: 300 },
    );
  });
});

describe('allocateProportionally', () => {
  it('gives the leftover paisa to the largest remainder', () => {
    expect(allocateProportionally(1000, [10000, 5000])).toEqual([667, 333]);
  });

  it('breaks equal remainders in favour of the lower index', () => {
    expect(allocateProportionally(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocateProportionally(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('gives zero weights nothing', () => {
    expect(allocateProportionally(7, [0, 3, 0, 4])).toEqual([0, 3, 0, 4]);
  });

  it('returns zeros when both the total and every weight are zero', () => {
    expect(allocateProportionally(0, [0, 0])).toEqual([0, 0]);
  });

  it('refuses to allocate a non-zero total over zero weights', () => {
    expect(() => allocateProportionally(5, [0, 0])).toThrow(Invalid);
  });

  it('rejects negative weights', () => {
    expect(() => allocateProportionally(5, [1, -1])).toThrow(Invalid);
  });

  it('ranks the leftover by remainder, not by size: 4 over 6:1 is 3 and 1 (exact shares 3.43 and 0.57)', () => {
    expect(allocateProportionally(4, [6, 1])).toEqual([3, 1]);
  });

  it('splits a negative total into plain zeros where a part is nothing, never negative zero', () => {
    const parts = allocateProportionally(-1, [1, 1]);
    expect(parts).toEqual([-1, 0]);
    expect(Object.is(parts[1], 0)).toBe(true);
  });

  it('always sums exactly to the total, keeps zero weights at zero, and stays within a unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0));
          const parts = allocateProportionally(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, index) => {
            const weight = weights[index] ?? 0;
            expect(Math.abs(part - (total * weight) / weightSum)).toBeLessThan(1);
          });
          // A zero weight gets exactly nothing, not a stray paisa of rounding.
          expect(parts.filter((part, index) => (weights[index] ?? 0) === 0 && part !== 0)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('what a refusal says: the field, and the value it was given', () => {
  it.each([
    [
      'a fractional numerator',
      'Numerator must be a whole number within the safe range, got 1.5',
      () => divRound(1.5, 2),
    ],
    [
      'a fractional denominator',
      'Denominator must be a whole number within the safe range, got 2.5',
      () => divRound(1, 2.5),
    ],
    ['a zero denominator', 'Denominator must be positive, got 0', () => divRound(1, 0)],
    ['an amount that is not a number', 'Amount must be a number like 12 or 12.50, got "12a"', () => parseRupees('12a')],
    [
      'an amount with three decimals',
      'Amount can have at most 2 decimal places, got "12.345"',
      () => parseRupees('12.345'),
    ],
    [
      'a quantity with four decimals',
      'Quantity can have at most 3 decimal places, got "1.2345"',
      () => parseQuantity('1.2345'),
    ],
    [
      'an amount past the safe range',
      'Amount is too large: "90071992547409.92"',
      () => parseRupees('90071992547409.92'),
    ],
    [
      'fractional paise',
      'Amount in paise must be a whole number within the safe range, got 1.5',
      () => formatRupees(1.5),
    ],
    [
      'a fractional milli-unit',
      'Quantity in milli-units must be a whole number within the safe range, got 0.5',
      () => formatQuantity(0.5),
    ],
    [
      'a fractional total to split',
      'Total to allocate must be a whole number within the safe range, got 1.5',
      () => allocateProportionally(1.5, [1]),
    ],
    [
      'a fractional second weight',
      'Weight 2 must be a whole number within the safe range, got 2.5',
      () => allocateProportionally(5, [1, 2.5]),
    ],
    ['a negative second weight', 'Weight 2 must not be negative, got -1', () => allocateProportionally(5, [1, -1])],
    [
      'a total over zero weights',
      'Cannot allocate 5 when every weight is zero',
      () => allocateProportionally(5, [0, 0]),
    ],
  ])('refuses %s with "%s"', (_case, message, attempt) => {
    expect(attempt).toThrow(new Invalid(message));
  });

  it('accepts the largest amount that is still exact: ₹90,07,19,92,54,74,09.91', () => {
    expect(parseRupees('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
  });
});
