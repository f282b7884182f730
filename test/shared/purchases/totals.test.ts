import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../../../src-shared/errors';
import { GST_RATES_BP } from '../../../src-shared/gst/rates';
import {
  purchaseBillTotals,
  landedUnitCostPaise,
  returnedLineFigures,
  MAX_PURCHASE_RATE_PAISE,
  type PurchaseBillDraft,
  type PurchaseLineDraft,
  type PurchaseLineTotals,
} from '../../../src-shared/purchases/totals';
import { averageCostAfterPurchase, averageCostAfterReturn } from '../../../src-shared/purchases/average-cost';

const ITEM = '00000000-0000-4000-8000-000000000001';
const SAME_STATE = { shopStateCode: '27', supplierStateCode: '27' };
const OTHER_STATE = { shopStateCode: '27', supplierStateCode: '29' };

function line(overrides: Partial<PurchaseLineDraft> = {}): PurchaseLineDraft {
  return {
    itemId: ITEM,
    qtyMilli: 1000,
    freeQtyMilli: 0,
    ratePaise: 10000,
    discountPaise: 0,
    gstRateBp: 1800,
    cessRateBp: 0,
    hsn: '1905',
    ...overrides,
  };
}

function bill(lines: PurchaseLineDraft[], overrides: Partial<PurchaseBillDraft> = {}): PurchaseBillDraft {
  return { ratesIncludeTax: false, reverseCharge: false, freightPaise: 0, lines, ...overrides };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

function refusal(run: () => unknown): string | undefined {
  const error = caught(run);
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).shop?.key;
}

describe('purchaseBillTotals, worked by hand', () => {
  it('10 × ₹100.00 less ₹50.00 at 18 % from a supplier in the shop state: ₹950.00 taxable, ₹85.50 CGST and SGST, ₹1,121.00', () => {
    const totals = purchaseBillTotals(bill([line({ qtyMilli: 10_000, discountPaise: 5000 })]), SAME_STATE);
    expect(totals.lines[0]).toEqual({
      grossPaise: 100000,
      discountPaise: 5000,
      taxablePaise: 95000,
      cgstPaise: 8550,
      sgstPaise: 8550,
      igstPaise: 0,
      cessPaise: 0,
      taxPaise: 17100,
      freightPaise: 0,
      landedCostPaise: 95000,
      totalPaise: 112100,
    });
    expect(totals).toMatchObject({ interState: false, taxablePaise: 95000, roundOffPaise: 0, totalPaise: 112100 });
  });

  it('a supplier of another state charges IGST at the full rate', () => {
    const totals = purchaseBillTotals(bill([line({ qtyMilli: 10_000, discountPaise: 5000 })]), OTHER_STATE);
    expect(totals).toMatchObject({
      interState: true,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 17100,
      totalPaise: 112100,
    });
  });

  it('2 × ₹59.00 inclusive of 18 % is ₹100.00 taxable and ₹9.00 + ₹9.00 tax, ₹118.00 in all', () => {
    const totals = purchaseBillTotals(
      bill([line({ qtyMilli: 2000, ratePaise: 5900 })], { ratesIncludeTax: true }),
      SAME_STATE,
    );
    expect(totals.lines[0]).toMatchObject({ taxablePaise: 10000, cgstPaise: 900, sgstPaise: 900, totalPaise: 11800 });
  });

  it('28 % with 12 % cess on ₹100.00: ₹14.00 + ₹14.00 GST and ₹12.00 cess', () => {
    const totals = purchaseBillTotals(bill([line({ gstRateBp: 2800, cessRateBp: 1200 })]), SAME_STATE);
    expect(totals).toMatchObject({
      cgstPaise: 1400,
      sgstPaise: 1400,
      cessPaise: 1200,
      taxPaise: 4000,
      totalPaise: 14000,
    });
  });

  it('₹10.01 freight over lines of ₹300.00 and ₹100.00 taxable: ₹7.51 and ₹2.50, landed cost, not taxable value', () => {
    const totals = purchaseBillTotals(
      bill([line({ qtyMilli: 3000, gstRateBp: 500 }), line({ gstRateBp: 500 })], { freightPaise: 1001 }),
      SAME_STATE,
    );
    expect(totals.lines.map((l) => l.freightPaise)).toEqual([751, 250]);
    expect(totals.lines.map((l) => l.landedCostPaise)).toEqual([30751, 10250]);
    expect(totals.lines.map((l) => l.taxablePaise)).toEqual([30000, 10000]);
    // 5 % on ₹400.00 = ₹20.00; ₹400.00 + ₹20.00 + ₹10.01 = ₹430.01, rounded to ₹430.00.
    expect(totals).toMatchObject({ taxPaise: 2000, freightPaise: 1001, roundOffPaise: -1, totalPaise: 43000 });
  });

  it('a line worth nothing (nil-rate free sample) takes no freight while another line has value', () => {
    const totals = purchaseBillTotals(
      bill([line({ ratePaise: 0, qtyMilli: 9000 }), line({ ratePaise: 10000, qtyMilli: 1000 })], { freightPaise: 500 }),
      SAME_STATE,
    );
    expect(totals.lines.map((l) => l.freightPaise)).toEqual([0, 500]);
  });

  it('freight on a bill of free goods only is spread by quantity received', () => {
    const totals = purchaseBillTotals(
      bill([line({ ratePaise: 0, freeQtyMilli: 3000 }), line({ ratePaise: 0, qtyMilli: 1000 })], { freightPaise: 500 }),
      SAME_STATE,
    );
    expect(totals.lines.map((l) => l.freightPaise)).toEqual([400, 100]);
  });

  it('free quantity adds stock, not charge: 10 bought + 2 free for ₹1,000.00 landed is ₹83.33 a unit', () => {
    const totals = purchaseBillTotals(bill([line({ qtyMilli: 10_000, freeQtyMilli: 2000, gstRateBp: 0 })]), SAME_STATE);
    expect(totals.totalPaise).toBe(100000);
    expect(landedUnitCostPaise(totals.lines[0]!.landedCostPaise, 10_000, 2000)).toBe(8333);
  });

  it('reverse charge (CGST Act s.9(3)/9(4)): the tax is worked out but the supplier is owed the bill without it', () => {
    const totals = purchaseBillTotals(
      bill([line({ qtyMilli: 10_000, gstRateBp: 500 })], { reverseCharge: true, freightPaise: 250 }),
      OTHER_STATE,
    );
    expect(totals).toMatchObject({
      taxablePaise: 100000,
      igstPaise: 5000,
      taxPaise: 5000,
      reverseChargeTaxPaise: 5000,
      roundOffPaise: 50,
      totalPaise: 100300,
    });
    expect(totals.lines[0]!.totalPaise).toBe(100250);
  });

  it('rounds the bill to the rupee, half away from zero', () => {
    const half = purchaseBillTotals(bill([line({ ratePaise: 1050, gstRateBp: 0 })]), SAME_STATE);
    expect(half).toMatchObject({ roundOffPaise: 50, totalPaise: 1100 });
    const below = purchaseBillTotals(bill([line({ ratePaise: 1049, gstRateBp: 0 })]), SAME_STATE);
    expect(below).toMatchObject({ roundOffPaise: -49, totalPaise: 1000 });
  });
});

describe('purchaseBillTotals refuses, in shop language', () => {
  it.each([
    ['no lines', bill([]), 'purchaseNoLines'],
    ['a zero quantity', bill([line({ qtyMilli: 0 })]), 'purchaseLineQty'],
    ['a negative quantity', bill([line({ qtyMilli: -1000 })]), 'purchaseLineQty'],
    ['a negative free quantity', bill([line({ freeQtyMilli: -1 })]), 'purchaseLineFreeQty'],
    ['a rate above the sanity bound', bill([line({ ratePaise: MAX_PURCHASE_RATE_PAISE + 1 })]), 'purchaseLineRate'],
    ['a GST rate that is no slab', bill([line({ gstRateBp: 1000 })]), 'purchaseLineGstRate'],
    ['a cess rate above 100 %', bill([line({ cessRateBp: 10_001 })]), 'purchaseLineCess'],
    ['a negative cess rate', bill([line({ cessRateBp: -1 })]), 'purchaseLineCess'],
    ['a negative discount', bill([line({ discountPaise: -1 })]), 'lineDiscountAmount'],
    ['a discount in part-paise', bill([line({ discountPaise: 0.5 })]), 'lineDiscountAmount'],
    ['a discount above the line', bill([line({ discountPaise: 10001 })]), 'lineDiscountAboveAmount'],
    [
      'a line whose amount is too large to add up exactly',
      bill([line({ qtyMilli: 99_999_000, ratePaise: MAX_PURCHASE_RATE_PAISE })]),
      'amountTooLarge',
    ],
    ['negative freight', bill([line()], { freightPaise: -1 }), 'purchaseFreight'],
    [
      'tax-inclusive rates under reverse charge',
      bill([line()], { reverseCharge: true, ratesIncludeTax: true }),
      'purchaseReverseChargeInclusive',
    ],
  ])('%s', (_, draft, key) => {
    expect(refusal(() => purchaseBillTotals(draft, SAME_STATE))).toBe(key);
  });

  it('names the line at fault', () => {
    const error = caught(() => purchaseBillTotals(bill([line(), line({ qtyMilli: 0 })]), SAME_STATE));
    expect((error as Invalid).message).toBe('Line 2: enter a quantity above zero, up to 99,999.');
    const discount = caught(() =>
      purchaseBillTotals(bill([line(), line(), line({ discountPaise: 10_001 })]), SAME_STATE),
    );
    expect((discount as Invalid).shop).toEqual({ key: 'lineDiscountAboveAmount', params: { line: 3 } });
  });
});

const lineArb = fc.record({
  itemId: fc.constant(ITEM),
  qtyMilli: fc.integer({ min: 1, max: 99_999_000 }),
  freeQtyMilli: fc.integer({ min: 0, max: 10_000_000 }),
  ratePaise: fc.integer({ min: 0, max: 1_000_000 }),
  discountShareBp: fc.integer({ min: 0, max: 10_000 }),
  gstRateBp: fc.constantFrom(...GST_RATES_BP),
  cessRateBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
  hsn: fc.constant('1905'),
});

const billArb = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }),
    ratesIncludeTax: fc.boolean(),
    reverseCharge: fc.boolean(),
    freightPaise: fc.integer({ min: 0, max: 5_000_000 }),
    interState: fc.boolean(),
  })
  .map(({ lines, interState, ...rest }) => ({
    draft: {
      ...rest,
      ratesIncludeTax: rest.ratesIncludeTax && !rest.reverseCharge,
      lines: lines.map(({ discountShareBp, ...l }) => ({
        ...l,
        // A discount up to the line's gross, whatever the quantity and rate drawn.
        discountPaise: Math.floor((Math.round((l.qtyMilli * l.ratePaise) / 1000) * discountShareBp) / 10_000),
      })),
    } satisfies PurchaseBillDraft,
    ctx: interState ? OTHER_STATE : SAME_STATE,
  }));

const FIGURES: (keyof PurchaseLineTotals)[] = [
  'grossPaise',
  'discountPaise',
  'taxablePaise',
  'cgstPaise',
  'sgstPaise',
  'igstPaise',
  'cessPaise',
  'taxPaise',
  'freightPaise',
  'landedCostPaise',
];

describe('purchaseBillTotals, properties', () => {
  it('every bill figure is the sum of its lines, in whole paise, and the total is whole rupees with no drift', () => {
    fc.assert(
      fc.property(billArb, ({ draft, ctx }) => {
        const totals = purchaseBillTotals(draft, ctx);
        for (const figure of FIGURES) {
          const sum = totals.lines.reduce((acc, l) => acc + l[figure], 0);
          expect(totals[figure as keyof typeof totals]).toBe(sum);
        }
        const linesTotal = totals.lines.reduce((acc, l) => acc + l.totalPaise, 0);
        expect(totals.totalPaise).toBe(linesTotal + totals.roundOffPaise);
        expect(totals.totalPaise % 100).toBe(0);
        expect(Math.abs(totals.roundOffPaise)).toBeLessThanOrEqual(50);
        expect(totals.freightPaise).toBe(draft.freightPaise);
        for (const [index, l] of totals.lines.entries()) {
          for (const figure of [...FIGURES, 'totalPaise'] as const) expect(Number.isSafeInteger(l[figure])).toBe(true);
          expect(l.cgstPaise).toBe(l.sgstPaise);
          expect(ctx === OTHER_STATE ? l.cgstPaise : l.igstPaise).toBe(0);
          expect(l.landedCostPaise).toBe(l.taxablePaise + l.freightPaise);
          expect(l.totalPaise).toBe(l.taxablePaise + (draft.reverseCharge ? 0 : l.taxPaise) + l.freightPaise);
          const source = draft.lines[index]!;
          // Tax-inclusive: the supplier is owed exactly the rate × quantity less the discount, tax inside it.
          if (draft.ratesIncludeTax) expect(l.taxablePaise + l.taxPaise).toBe(l.grossPaise - l.discountPaise);
          else expect(l.taxablePaise).toBe(l.grossPaise - source.discountPaise);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('under reverse charge the bill owes the supplier no tax, whatever the tax works out to', () => {
    fc.assert(
      fc.property(billArb, ({ draft, ctx }) => {
        const plain = purchaseBillTotals({ ...draft, reverseCharge: false }, ctx);
        const reverse = purchaseBillTotals({ ...draft, reverseCharge: true, ratesIncludeTax: false }, ctx);
        const exclusive = purchaseBillTotals({ ...draft, reverseCharge: false, ratesIncludeTax: false }, ctx);
        expect(reverse.taxPaise).toBe(exclusive.taxPaise);
        expect(reverse.reverseChargeTaxPaise).toBe(reverse.taxPaise);
        expect(plain.reverseChargeTaxPaise).toBe(0);
        expect(reverse.totalPaise - reverse.roundOffPaise).toBe(reverse.taxablePaise + reverse.freightPaise);
      }),
      { numRuns: 200 },
    );
  });
});

describe('returnedLineFigures', () => {
  const billLine = {
    qtyMilli: 3000,
    taxablePaise: 10000,
    cgstPaise: 251,
    sgstPaise: 251,
    igstPaise: 0,
    cessPaise: 7,
    freightPaise: 101,
  };

  it('a third of a line of ₹100.00 is ₹33.33, and the three thirds give back every paisa', () => {
    const parts = [0, 1000, 2000].map((before) => returnedLineFigures(billLine, before, 1000));
    expect(parts.map((p) => p.taxablePaise)).toEqual([3333, 3334, 3333]);
    expect(parts.reduce((sum, p) => sum + p.cgstPaise, 0)).toBe(251);
  });

  it('refuses more than is left on the line, saying how much is', () => {
    expect(() => returnedLineFigures(billLine, 2500, 1000)).toThrow('Only 0.5 of this line can still be returned.');
    expect(() => returnedLineFigures(billLine, 0, 0)).toThrow(Invalid);
  });

  it('any split of a line into returns adds up to the whole line exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
        (
          qtyMilli,
          [taxablePaise = 0, cgstPaise = 0, sgstPaise = 0, igstPaise = 0, cessPaise = 0, freightPaise = 0],
          weights,
        ) => {
          const full = { qtyMilli, taxablePaise, cgstPaise, sgstPaise, igstPaise, cessPaise, freightPaise };
          // Cut the quantity into pieces by the weights; every piece at least one milli-unit.
          const cuts = weights.map((w) => Math.max(1, Math.floor((qtyMilli * w) / weights.reduce((a, b) => a + b, 0))));
          const pieces: number[] = [];
          let left = qtyMilli;
          for (const cut of cuts) {
            if (left === 0) break;
            const piece = Math.min(cut, left);
            pieces.push(piece);
            left -= piece;
          }
          if (left > 0) pieces.push(left);
          let before = 0;
          const sums = { taxablePaise: 0, cgstPaise: 0, sgstPaise: 0, igstPaise: 0, cessPaise: 0, freightPaise: 0 };
          for (const piece of pieces) {
            const part = returnedLineFigures(full, before, piece);
            for (const key of Object.keys(sums) as (keyof typeof sums)[]) {
              expect(part[key]).toBeGreaterThanOrEqual(0);
              sums[key] += part[key];
            }
            before += piece;
          }
          expect(sums).toEqual({ taxablePaise, cgstPaise, sgstPaise, igstPaise, cessPaise, freightPaise });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('moving-average cost', () => {
  it('10 on hand at ₹50.00 and 10 more landed for ₹700.00 average ₹60.00', () => {
    expect(averageCostAfterPurchase({ stockMilli: 10_000, costPaise: 5000 }, 10_000, 70000)).toBe(6000);
  });

  it('with no stock on hand (or less), the receipt sets the cost', () => {
    expect(averageCostAfterPurchase({ stockMilli: 0, costPaise: 5000 }, 12_000, 100000)).toBe(8333);
    expect(averageCostAfterPurchase({ stockMilli: -2000, costPaise: 99999 }, 4000, 20000)).toBe(5000);
  });

  it('a return at the bill cost takes its value out; the rest keeps its cost', () => {
    // 20 at ₹60.00 (₹1,200.00); 10 go back at ₹70.00 (₹700.00): 10 left worth ₹500.00.
    expect(averageCostAfterReturn({ stockMilli: 20_000, costPaise: 6000 }, 10_000, 7000)).toBe(5000);
  });

  it('rounds the average to the paisa, half a paisa up', () => {
    // ₹0.01 landed for 2 units is half a paisa a unit.
    expect(averageCostAfterPurchase({ stockMilli: 0, costPaise: 0 }, 2000, 1)).toBe(1);
    expect(averageCostAfterPurchase({ stockMilli: 0, costPaise: 0 }, 3000, 1)).toBe(0);
    // 1 on hand at ₹0.01 and 1 more for ₹0.02: ₹0.015 a unit, ₹0.02.
    expect(averageCostAfterPurchase({ stockMilli: 1000, costPaise: 1 }, 1000, 2)).toBe(2);
  });

  it('a return that takes out a little more value than the stock held leaves 0, not a paisa above', () => {
    // 1 kg at ₹0.95; 700 g go back at ₹1.36 a kg (₹0.952): the 300 g left are worth −₹0.002, −0.67 paisa a kg,
    // which rounds away from zero to −1 paisa and is shown as 0.
    expect(averageCostAfterReturn({ stockMilli: 1000, costPaise: 95 }, 700, 136)).toBe(0);
  });

  it('a return never leaves a negative cost, and returning all the stock leaves the bill cost', () => {
    expect(averageCostAfterReturn({ stockMilli: 2000, costPaise: 100 }, 1000, 5000)).toBe(0);
    expect(averageCostAfterReturn({ stockMilli: 1000, costPaise: 100 }, 1000, 5000)).toBe(5000);
    expect(averageCostAfterReturn({ stockMilli: 500, costPaise: 100 }, 1000, 5000)).toBe(5000);
  });

  it('a purchase average lies between the old cost and the receipt unit cost; a return never goes below zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (stockMilli, costPaise, receivedMilli, landedCostPaise) => {
          const after = averageCostAfterPurchase({ stockMilli, costPaise }, receivedMilli, landedCostPaise);
          const unit = landedUnitCostPaise(landedCostPaise, receivedMilli, 0);
          expect(Number.isSafeInteger(after)).toBe(true);
          if (stockMilli <= 0) expect(after).toBe(unit);
          else {
            expect(after).toBeGreaterThanOrEqual(Math.min(costPaise, unit) - 1);
            expect(after).toBeLessThanOrEqual(Math.max(costPaise, unit) + 1);
          }
          const back = averageCostAfterReturn({ stockMilli, costPaise }, receivedMilli, unit);
          expect(back).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 400 },
    );
  });
});
