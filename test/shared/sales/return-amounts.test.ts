import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../../../src-shared/errors';
import { returnShare } from '../../../src-shared/sales/return-amounts';
import type { LineTotals } from '../../../src-shared/sales/totals';

function soldLine(overrides: Partial<LineTotals> = {}): LineTotals {
  const figures = { taxablePaise: 10000, cgstPaise: 900, sgstPaise: 900, igstPaise: 0, cessPaise: 0, ...overrides };
  const totalPaise =
    figures.taxablePaise + figures.cgstPaise + figures.sgstPaise + figures.igstPaise + figures.cessPaise;
  return {
    grossPaise: totalPaise,
    lineDiscountPaise: 0,
    billDiscountPaise: 0,
    netPaise: totalPaise,
    totalPaise,
    ...figures,
  };
}

const COMPONENTS = ['taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise', 'totalPaise'] as const;

describe('returnShare', () => {
  it('returning one of two gives back half of every component', () => {
    expect(returnShare(soldLine(), 2000, 0, 1000)).toEqual({
      taxablePaise: 5000,
      cgstPaise: 450,
      sgstPaise: 450,
      igstPaise: 0,
      cessPaise: 0,
      totalPaise: 5900,
    });
  });

  it('returning the whole line gives back the whole line', () => {
    const line = soldLine({ taxablePaise: 8474, cgstPaise: 763, sgstPaise: 763 });
    expect(returnShare(line, 1000, 0, 1000)).toMatchObject({
      taxablePaise: 8474,
      cgstPaise: 763,
      sgstPaise: 763,
      totalPaise: 10000,
    });
  });

  it('rounds a part to the paisa, and the last part takes exactly what is left', () => {
    // Three single returns of a 3-unit line of 100 paise: 33, then 67 − 33 = 34, then 100 − 67 = 33.
    const line = soldLine({ taxablePaise: 100, cgstPaise: 0, sgstPaise: 0 });
    const parts = [0, 1000, 2000].map((already) => returnShare(line, 3000, already, 1000).taxablePaise);
    expect(parts).toEqual([33, 34, 33]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('a return that completes the line takes the line less what earlier returns took', () => {
    const line = soldLine({ taxablePaise: 1001, cgstPaise: 91, sgstPaise: 91 });
    const first = returnShare(line, 3000, 0, 1000);
    const rest = returnShare(line, 3000, 1000, 2000);
    expect(first).toMatchObject({ taxablePaise: 334, cgstPaise: 30, sgstPaise: 30 });
    expect(rest).toMatchObject({ taxablePaise: 1001 - 334, cgstPaise: 91 - 30, sgstPaise: 91 - 30 });
  });

  it('works on loose quantities in milli-units', () => {
    const line = soldLine({ taxablePaise: 6000, cgstPaise: 150, sgstPaise: 150 });
    expect(returnShare(line, 1500, 0, 500)).toMatchObject({
      taxablePaise: 2000,
      cgstPaise: 50,
      sgstPaise: 50,
      totalPaise: 2100,
    });
  });

  it.each([
    ['a zero return quantity', 0, 0],
    ['a negative return quantity', 0, -1000],
    ['more than is left to return', 1000, 1500],
    ['more than was sold', 0, 2001],
  ])('rejects %s', (_, already, qty) => {
    expect(() => returnShare(soldLine(), 2000, already, qty)).toThrow(Invalid);
  });

  it('parts of any sequence of returns that empties the line sum exactly to the line, each part non-negative', () => {
    const lineArb = fc
      .record({
        taxablePaise: fc.nat({ max: 10_000_000 }),
        cgstPaise: fc.nat({ max: 1_000_000 }),
        igstPaise: fc.nat({ max: 1_000_000 }),
        cessPaise: fc.nat({ max: 1_000_000 }),
      })
      .map(({ cgstPaise, ...rest }) => soldLine({ ...rest, cgstPaise, sgstPaise: cgstPaise }));
    const splitArb = fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(lineArb, splitArb, (line, parts) => {
        const sold = parts.reduce((a, b) => a + b, 0);
        let already = 0;
        const shares = parts.map((qty) => {
          const share = returnShare(line, sold, already, qty);
          already += qty;
          return share;
        });
        for (const key of COMPONENTS) {
          expect(shares.reduce((total, share) => total + share[key], 0)).toBe(line[key]);
          for (const share of shares) expect(share[key]).toBeGreaterThanOrEqual(0);
        }
        for (const [index, share] of shares.entries()) {
          // Each part stays within a paisa per component of its exact proportional share.
          const exact = (line.totalPaise * (parts[index] ?? 0)) / sold;
          expect(Math.abs(share.totalPaise - exact)).toBeLessThanOrEqual(5);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('says which quantity is wrong and what it got', () => {
    expect(() => returnShare(soldLine(), 0, 0, 1000)).toThrow(
      new Invalid('Sold quantity must be a whole number of milli-units, at least 1, got 0'),
    );
    expect(() => returnShare(soldLine(), 2000, -1, 1000)).toThrow(
      new Invalid('Already returned quantity must be a whole number of milli-units, at least 0, got -1'),
    );
    expect(() => returnShare(soldLine(), 2000, 0, 0.5)).toThrow(
      new Invalid('Return quantity must be a whole number of milli-units, at least 1, got 0.5'),
    );
    expect(() => returnShare(soldLine(), 2000, 1000, 1500)).toThrow(
      new Invalid('Cannot return 1500 milli-units: 1000 of 2000 sold are already returned'),
    );
  });

  it('refuses a share it cannot compute exactly rather than rounding it wrongly', () => {
    // ₹1,00,00,000 of taxable value × 99,999 units (in milli) is beyond 2^53: the product would lose paise.
    const line = soldLine({ taxablePaise: 1_00_00_000_00 });
    expect(() => returnShare(line, 99_999_000, 0, 99_999_000)).toThrow(
      new Invalid('Return amount is too large to compute exactly'),
    );
  });
});
