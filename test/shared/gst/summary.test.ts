import { describe, it, expect } from 'vitest';
import { summariseGst, type GstRegisterLine } from '../../../src-shared/gst/summary';

/** A register line: an HSN code sold in one unit at one rate, with its figures in paise. */
function registerLine(overrides: Partial<GstRegisterLine>): GstRegisterLine {
  return {
    hsn: '1006',
    unit: 'KGS',
    gstRateBp: 500,
    qtyMilli: 1000,
    valuePaise: 0,
    taxablePaise: 0,
    cgstPaise: 0,
    sgstPaise: 0,
    igstPaise: 0,
    cessPaise: 0,
    ...overrides,
  };
}

const water = registerLine({ hsn: '2201', unit: 'NOS', gstRateBp: 1800, qtyMilli: 2000 });
// Listed out of order on purpose: the summary sorts, whatever order the bills came in.
const register: GstRegisterLine[] = [
  { ...water, valuePaise: 23600, taxablePaise: 20000, cgstPaise: 1800, sgstPaise: 1800 },
  registerLine({ qtyMilli: 5000, valuePaise: 26250, taxablePaise: 25000, cgstPaise: 625, sgstPaise: 625 }),
  registerLine({
    hsn: '2202',
    unit: 'NOS',
    gstRateBp: 4000,
    valuePaise: 15000,
    taxablePaise: 10000,
    igstPaise: 4000,
    cessPaise: 1000,
  }),
  registerLine({ unit: 'BAG', valuePaise: 105000, taxablePaise: 100000, igstPaise: 5000 }),
  registerLine({ unit: 'BAG', gstRateBp: 1800, valuePaise: 1180, taxablePaise: 1000, cgstPaise: 90, sgstPaise: 90 }),
  registerLine({ qtyMilli: 2000, valuePaise: 10500, taxablePaise: 10000, cgstPaise: 250, sgstPaise: 250 }),
];

describe('summariseGst, the GST report of the counter and the server', () => {
  it('has no rows and zero totals for an empty register', () => {
    const zero = {
      valuePaise: 0,
      taxablePaise: 0,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 0,
      cessPaise: 0,
      taxPaise: 0,
    };
    expect(summariseGst([])).toEqual({ byRate: [], byHsn: [], totals: zero });
  });

  it('sums every figure per rate, lowest rate first, with tax = CGST + SGST + IGST + cess', () => {
    expect(summariseGst(register).byRate).toEqual([
      {
        gstRateBp: 500,
        valuePaise: 141750,
        taxablePaise: 135000,
        cgstPaise: 875,
        sgstPaise: 875,
        igstPaise: 5000,
        cessPaise: 0,
        taxPaise: 6750,
      },
      {
        gstRateBp: 1800,
        valuePaise: 24780,
        taxablePaise: 21000,
        cgstPaise: 1890,
        sgstPaise: 1890,
        igstPaise: 0,
        cessPaise: 0,
        taxPaise: 3780,
      },
      {
        gstRateBp: 4000,
        valuePaise: 15000,
        taxablePaise: 10000,
        cgstPaise: 0,
        sgstPaise: 0,
        igstPaise: 4000,
        cessPaise: 1000,
        taxPaise: 5000,
      },
    ]);
  });

  it('keeps one HSN row per code, unit and rate with its quantity, sorted by code, then rate, then unit', () => {
    const rows = summariseGst(register).byHsn;
    expect(rows.map(({ hsn, unit, gstRateBp, qtyMilli }) => [hsn, unit, gstRateBp, qtyMilli])).toEqual([
      ['1006', 'BAG', 500, 1000],
      ['1006', 'KGS', 500, 7000],
      ['1006', 'BAG', 1800, 1000],
      ['2201', 'NOS', 1800, 2000],
      ['2202', 'NOS', 4000, 1000],
    ]);
    expect(rows[1]).toEqual({
      hsn: '1006',
      unit: 'KGS',
      gstRateBp: 500,
      qtyMilli: 7000,
      valuePaise: 36750,
      taxablePaise: 35000,
      cgstPaise: 875,
      sgstPaise: 875,
      igstPaise: 0,
      cessPaise: 0,
      taxPaise: 1750,
    });
    expect(rows[4]).toMatchObject({ igstPaise: 4000, cessPaise: 1000, taxPaise: 5000 });
  });

  it('totals the whole register, and the totals carry no quantity (units cannot be added)', () => {
    expect(summariseGst(register).totals).toEqual({
      valuePaise: 181530,
      taxablePaise: 166000,
      cgstPaise: 2765,
      sgstPaise: 2765,
      igstPaise: 9000,
      cessPaise: 1000,
      taxPaise: 15530,
    });
  });

  it('subtracts a returned line from the rate and HSN it was sold at', () => {
    const sold = registerLine({
      qtyMilli: 5000,
      valuePaise: 26250,
      taxablePaise: 25000,
      cgstPaise: 625,
      sgstPaise: 625,
    });
    const returned = registerLine({
      qtyMilli: -1000,
      valuePaise: -5250,
      taxablePaise: -5000,
      cgstPaise: -125,
      sgstPaise: -125,
    });
    const summary = summariseGst([sold, returned]);
    expect(summary.byHsn).toEqual([
      {
        hsn: '1006',
        unit: 'KGS',
        gstRateBp: 500,
        qtyMilli: 4000,
        valuePaise: 21000,
        taxablePaise: 20000,
        cgstPaise: 500,
        sgstPaise: 500,
        igstPaise: 0,
        cessPaise: 0,
        taxPaise: 1000,
      },
    ]);
    expect(summary.byRate).toEqual([
      {
        gstRateBp: 500,
        valuePaise: 21000,
        taxablePaise: 20000,
        cgstPaise: 500,
        sgstPaise: 500,
        igstPaise: 0,
        cessPaise: 0,
        taxPaise: 1000,
      },
    ]);
  });
});
