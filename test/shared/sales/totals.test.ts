import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../../../src-shared/errors';
import { GST_RATES_BP, isGstRateBp } from '../../../src-shared/gst/rates';
import { computeInvoiceTotals } from '../../../src-shared/sales/totals';
import type { Discount, TotalsInput, TotalsLineInput } from '../../../src-shared/sales/totals';

function line(overrides: Partial<TotalsLineInput> = {}): TotalsLineInput {
  return {
    qtyMilli: 1000,
    unitPricePaise: 10000,
    priceIncludesTax: false,
    gstRateBp: 1800,
    cessRateBp: 0,
    ...overrides,
  };
}

function invoice(lines: TotalsLineInput[], overrides: Partial<TotalsInput> = {}): TotalsInput {
  return { lines, interState: false, roundOff: false, ...overrides };
}

describe('GST rates', () => {
  it('accepts exactly the GST slabs, including 40% since GST 2.0', () => {
    expect(GST_RATES_BP.filter(isGstRateBp)).toHaveLength(8);
    expect(isGstRateBp(4000)).toBe(true);
    expect(isGstRateBp(25)).toBe(true);
    expect(isGstRateBp(1000)).toBe(false);
    expect(isGstRateBp(18)).toBe(false);
  });
});

describe('computeInvoiceTotals, worked examples', () => {
  it('2 × ₹59.00 tax-inclusive at 18% in-state is ₹100.00 taxable plus ₹9.00 CGST and ₹9.00 SGST', () => {
    const totals = computeInvoiceTotals(
      invoice([line({ qtyMilli: 2000, unitPricePaise: 5900, priceIncludesTax: true })]),
    );
    expect(totals.lines[0]).toMatchObject({
      grossPaise: 11800,
      netPaise: 11800,
      taxablePaise: 10000,
      cgstPaise: 900,
      sgstPaise: 900,
      igstPaise: 0,
      totalPaise: 11800,
    });
    expect(totals).toMatchObject({ taxablePaise: 10000, taxPaise: 1800, totalPaise: 11800 });
  });

  it('a tax-inclusive ₹100.00 at 18% puts the odd paisa in the taxable value so the customer pays exactly ₹100.00', () => {
    // provisional taxable 10000 / 1.18 = 8474.58 → 8475; each half-tax 8475 × 9% = 762.75 → 763;
    // taxable = 10000 − 1526 = 8474.
    const [only] = computeInvoiceTotals(invoice([line({ priceIncludesTax: true })])).lines;
    expect(only).toMatchObject({ taxablePaise: 8474, cgstPaise: 763, sgstPaise: 763, totalPaise: 10000 });
  });

  it('1.5 kg at ₹40.00/kg exclusive of 5% in-state adds ₹1.50 CGST and ₹1.50 SGST', () => {
    const totals = computeInvoiceTotals(invoice([line({ qtyMilli: 1500, unitPricePaise: 4000, gstRateBp: 500 })]));
    expect(totals).toMatchObject({
      grossPaise: 6000,
      taxablePaise: 6000,
      cgstPaise: 150,
      sgstPaise: 150,
      igstPaise: 0,
      totalPaise: 6300,
    });
  });

  it('an inter-state sale charges IGST only, rounded half away from zero, and rounds the bill to the rupee', () => {
    // 3 × 9999 = 29997; IGST 12% = 3599.64 → 3600; 33597 rounds up to 33600.
    const totals = computeInvoiceTotals(
      invoice([line({ qtyMilli: 3000, unitPricePaise: 9999, gstRateBp: 1200 })], { interState: true, roundOff: true }),
    );
    expect(totals).toMatchObject({
      taxablePaise: 29997,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 3600,
      taxPaise: 3600,
      roundOffPaise: 3,
      totalPaise: 33600,
    });
  });

  it('rounds CGST and SGST separately at half the rate, which can differ from IGST by a paisa', () => {
    // 25 paise × 9% = 2.25 → 2 each; 25 × 18% = 4.5 → 5.
    const cheap = line({ unitPricePaise: 25 });
    expect(computeInvoiceTotals(invoice([cheap])).taxPaise).toBe(4);
    expect(computeInvoiceTotals(invoice([cheap], { interState: true })).taxPaise).toBe(5);
  });

  it('adds cess on the taxable value, and backs it out of a tax-inclusive price along with GST', () => {
    const exclusive = computeInvoiceTotals(invoice([line({ gstRateBp: 2800, cessRateBp: 1200 })]));
    expect(exclusive).toMatchObject({
      taxablePaise: 10000,
      cgstPaise: 1400,
      sgstPaise: 1400,
      cessPaise: 1200,
      totalPaise: 14000,
    });
    const inclusive = computeInvoiceTotals(
      invoice([line({ unitPricePaise: 14000, priceIncludesTax: true, gstRateBp: 2800, cessRateBp: 1200 })]),
    );
    expect(inclusive).toMatchObject({
      taxablePaise: 10000,
      cgstPaise: 1400,
      sgstPaise: 1400,
      cessPaise: 1200,
      totalPaise: 14000,
    });
  });

  it('takes line discounts before tax, as a percentage of gross or an amount', () => {
    const totals = computeInvoiceTotals(
      invoice([line({ discount: { kind: 'percent', bp: 1000 } }), line({ discount: { kind: 'amount', paise: 2500 } })]),
    );
    expect(totals.lines.map((l) => [l.lineDiscountPaise, l.netPaise, l.cgstPaise])).toEqual([
      [1000, 9000, 810],
      [2500, 7500, 675],
    ]);
    expect(totals).toMatchObject({ grossPaise: 20000, discountPaise: 3500, taxablePaise: 16500 });
  });

  it('spreads a bill discount over lines in proportion to their discounted amounts, summing exactly', () => {
    const lines = [line(), line({ unitPricePaise: 6000, discount: { kind: 'amount', paise: 1000 } })];
    const byAmount = computeInvoiceTotals(invoice(lines, { billDiscount: { kind: 'amount', paise: 1000 } }));
    expect(byAmount.lines.map((l) => l.billDiscountPaise)).toEqual([667, 333]);
    expect(byAmount.lines.map((l) => l.netPaise)).toEqual([9333, 4667]);
    expect(byAmount.discountPaise).toBe(2000);
    const byPercent = computeInvoiceTotals(invoice(lines, { billDiscount: { kind: 'percent', bp: 1000 } }));
    expect(byPercent.lines.map((l) => l.billDiscountPaise)).toEqual([1000, 500]);
  });

  it('rounds off to the nearest rupee, a half rupee away from zero', () => {
    const up = computeInvoiceTotals(invoice([line({ unitPricePaise: 12350, gstRateBp: 0 })], { roundOff: true }));
    expect(up).toMatchObject({ roundOffPaise: 50, totalPaise: 12400 });
    const down = computeInvoiceTotals(invoice([line({ unitPricePaise: 12349, gstRateBp: 0 })], { roundOff: true }));
    expect(down).toMatchObject({ roundOffPaise: -49, totalPaise: 12300 });
    const off = computeInvoiceTotals(invoice([line({ unitPricePaise: 12349, gstRateBp: 0 })]));
    expect(off).toMatchObject({ roundOffPaise: 0, totalPaise: 12349 });
  });

  it('summarises tax by rate, one row per rate in ascending order', () => {
    const totals = computeInvoiceTotals(
      invoice([line(), line({ gstRateBp: 500, unitPricePaise: 2000 }), line({ unitPricePaise: 5000 })]),
    );
    expect(totals.taxByRate).toEqual([
      { gstRateBp: 500, taxablePaise: 2000, cgstPaise: 50, sgstPaise: 50, igstPaise: 0, cessPaise: 0 },
      { gstRateBp: 1800, taxablePaise: 15000, cgstPaise: 1350, sgstPaise: 1350, igstPaise: 0, cessPaise: 0 },
    ]);
  });
});

describe('computeInvoiceTotals, bad input', () => {
  it('needs at least one line', () => {
    expect(() => computeInvoiceTotals(invoice([]))).toThrow(new Invalid('An invoice needs at least one line'));
  });

  it.each<[string, Partial<TotalsLineInput>]>([
    ['Line 2: quantity (milli-units) must be a whole number at least 1, got 0', { qtyMilli: 0 }],
    ['Line 2: unit price (paise) must be a whole number at least 0, got -1', { unitPricePaise: -1 }],
    ['Line 2: cess rate (bp) must be a whole number between 0 and 10000, got 10001', { cessRateBp: 10001 }],
  ])('says what is wrong and what is allowed: "%s"', (message, overrides) => {
    expect(() => computeInvoiceTotals(invoice([line(), line(overrides)]))).toThrow(new Invalid(message));
  });

  it('refuses a negative bill discount amount in the words of the bill, not of a line', () => {
    const negative: Discount = { kind: 'amount', paise: -1 };
    expect(() => computeInvoiceTotals(invoice([line()], { billDiscount: negative }))).toThrow(
      'Bill discount: enter a discount of zero or more, in rupees and paise.',
    );
  });

  it('names the bill discount when a percentage of a huge bill cannot be computed exactly', () => {
    const huge = line({ qtyMilli: 1000, unitPricePaise: 2 * 10 ** 12, gstRateBp: 0 });
    const half: Discount = { kind: 'percent', bp: 5000 };
    expect(() => computeInvoiceTotals(invoice([huge], { billDiscount: half }))).toThrow(
      new Invalid('Bill discount: amount is too large to compute exactly'),
    );
  });

  it.each<[string, Partial<TotalsLineInput>]>([
    ['a zero quantity', { qtyMilli: 0 }],
    ['a fractional quantity', { qtyMilli: 1.5 }],
    ['a negative price', { unitPricePaise: -1 }],
    ['a fractional price', { unitPricePaise: 10.5 }],
    ['a rate that is not a GST slab', { gstRateBp: 1000 }],
    ['a cess above 100%', { cessRateBp: 10001 }],
    ['a negative cess', { cessRateBp: -1 }],
    ['a discount above the line amount', { discount: { kind: 'amount', paise: 10001 } }],
    ['a discount above 100%', { discount: { kind: 'percent', bp: 10001 } }],
    ['a negative discount', { discount: { kind: 'amount', paise: -1 } }],
    ['an amount too large to compute exactly', { qtyMilli: 10 ** 9, unitPricePaise: 10 ** 9 }],
  ])('rejects %s, naming the line', (_, overrides) => {
    expect(() => computeInvoiceTotals(invoice([line(), line(overrides)]))).toThrow(/^Line 2: /);
  });

  it('rejects a bill discount larger than the bill', () => {
    const tooMuch: Discount = { kind: 'amount', paise: 20001 };
    expect(() => computeInvoiceTotals(invoice([line(), line()], { billDiscount: tooMuch }))).toThrow(
      'Bill discount: the discount is more than the bill.',
    );
  });
});

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

const discountArb = (maxBp: number): fc.Arbitrary<{ kind: 'percent' | 'amount'; share: number } | null> =>
  fc.option(
    fc.record({
      kind: fc.constantFrom<'percent' | 'amount'>('percent', 'amount'),
      share: fc.integer({ min: 0, max: maxBp }),
    }),
  );

/** Discounts are drawn as a share of what they apply to, so an amount discount never exceeds it. */
function toDiscount(drawn: { kind: 'percent' | 'amount'; share: number } | null, basePaise: number): Discount | null {
  if (!drawn) return null;
  return drawn.kind === 'percent'
    ? { kind: 'percent', bp: drawn.share }
    : { kind: 'amount', paise: Math.floor((basePaise * drawn.share) / 10000) };
}

const lineArb = (inclusive: fc.Arbitrary<boolean>) =>
  fc.record({
    qtyMilli: fc.integer({ min: 1, max: 100_000 }),
    unitPricePaise: fc.integer({ min: 0, max: 10_000_000 }),
    priceIncludesTax: inclusive,
    gstRateBp: fc.constantFrom(...GST_RATES_BP),
    cessRateBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10000 })),
    discount: discountArb(10000),
  });

const grossOf = (drawn: { qtyMilli: number; unitPricePaise: number }): number =>
  Math.round((drawn.qtyMilli * drawn.unitPricePaise) / 1000);

const invoiceArb = (inclusive: fc.Arbitrary<boolean>) =>
  fc
    .record({
      lines: fc.array(lineArb(inclusive), { minLength: 1, maxLength: 8 }),
      billDiscount: discountArb(10000),
      interState: fc.boolean(),
      roundOff: fc.boolean(),
    })
    .map(({ lines, billDiscount, interState, roundOff }): TotalsInput => {
      const withLineDiscounts = lines.map((drawn) => ({
        ...drawn,
        discount: toDiscount(drawn.discount, grossOf(drawn)),
      }));
      // The bill discount applies to what is left after line discounts, so measure that first.
      const afterLineDiscounts = sum(computeInvoiceTotals(invoice(withLineDiscounts)).lines.map((l) => l.netPaise));
      return {
        lines: withLineDiscounts,
        billDiscount: toDiscount(billDiscount, afterLineDiscounts),
        interState,
        roundOff,
      };
    });

describe('computeInvoiceTotals, invariants', () => {
  it('total = taxable + tax + round-off, and gross − discount = Σ net', () => {
    fc.assert(
      fc.property(invoiceArb(fc.boolean()), (input) => {
        const totals = computeInvoiceTotals(input);
        expect(totals.totalPaise).toBe(totals.taxablePaise + totals.taxPaise + totals.roundOffPaise);
        expect(totals.grossPaise - totals.discountPaise).toBe(sum(totals.lines.map((l) => l.netPaise)));
        expect(totals.taxPaise).toBe(totals.cgstPaise + totals.sgstPaise + totals.igstPaise + totals.cessPaise);
      }),
      { numRuns: 500 },
    );
  });

  it('every figure is a whole number of paise and never negative, except the round-off', () => {
    fc.assert(
      fc.property(invoiceArb(fc.boolean()), (input) => {
        const { lines, taxByRate, roundOffPaise, ...figures } = computeInvoiceTotals(input);
        const all = [
          ...Object.values(figures),
          ...lines.flatMap((l) => Object.values(l)),
          ...taxByRate.flatMap((r) => Object.values(r)),
        ];
        for (const value of all) {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        expect(Number.isSafeInteger(roundOffPaise)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('round-off is at most 50 paise either way and leaves a whole-rupee total', () => {
    fc.assert(
      fc.property(invoiceArb(fc.boolean()), (input) => {
        const totals = computeInvoiceTotals({ ...input, roundOff: true });
        expect(Math.abs(totals.roundOffPaise)).toBeLessThanOrEqual(50);
        expect(totals.totalPaise % 100).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('a tax-inclusive invoice charges exactly what its lines come to after discounts', () => {
    fc.assert(
      fc.property(invoiceArb(fc.constant(true)), (input) => {
        const totals = computeInvoiceTotals(input);
        expect(sum(totals.lines.map((l) => l.totalPaise))).toBe(sum(totals.lines.map((l) => l.netPaise)));
      }),
      { numRuns: 500 },
    );
  });

  it('charges CGST equal to SGST on every line in-state, and only IGST inter-state', () => {
    fc.assert(
      fc.property(invoiceArb(fc.boolean()), (input) => {
        for (const l of computeInvoiceTotals(input).lines) {
          expect(l.cgstPaise).toBe(l.sgstPaise);
          if (input.interState) expect(l.cgstPaise).toBe(0);
          else expect(l.igstPaise).toBe(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the tax-by-rate rows add up to the invoice figures', () => {
    fc.assert(
      fc.property(invoiceArb(fc.boolean()), (input) => {
        const totals = computeInvoiceTotals(input);
        expect(sum(totals.taxByRate.map((r) => r.taxablePaise))).toBe(totals.taxablePaise);
        expect(sum(totals.taxByRate.map((r) => r.cgstPaise + r.sgstPaise + r.igstPaise + r.cessPaise))).toBe(
          totals.taxPaise,
        );
        expect(totals.taxByRate.map((r) => r.gstRateBp)).toEqual(
          [...new Set(input.lines.map((l) => l.gstRateBp))].sort((a, b) => a - b),
        );
      }),
      { numRuns: 300 },
    );
  });
});
