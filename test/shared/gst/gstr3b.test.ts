// GSTR-3B from a month's figures: the portal JSON (rupees, GSTN's field names) and the tax payable by head after
// input tax credit is set off in the order of section 49(5)/49A CGST Act and rule 88A CGST Rules.
import { describe, it, expect } from 'vitest';
import { buildGstr3b, returnPeriod, setOff, type Gstr3bSource } from '../../../src-shared/gst/gstr3b';
import type { TaxFigures } from '../../../src-shared/contracts/tax';

function tax(overrides: Partial<TaxFigures> = {}): TaxFigures {
  return { taxablePaise: 0, cgstPaise: 0, sgstPaise: 0, igstPaise: 0, cessPaise: 0, ...overrides };
}

/** The heads setOff answers, keyed by head, so each expectation names the head it is about. */
function byHead(output: TaxFigures, itc: TaxFigures, reverseCharge: TaxFigures = tax()) {
  return Object.fromEntries(setOff(output, reverseCharge, itc).map(({ head, ...figures }) => [head, figures]));
}

const NO_TAX = { iamt: 0, camt: 0, samt: 0, csamt: 0 };

// June 2026 of a shop in Maharashtra: ₹1,00,000 of taxable sales (₹4,500 CGST and SGST, ₹1,200 IGST on goods sent to
// another state, ₹100 cess), ₹2,500 of nil-rated sales, one reverse-charge bill of ₹1,000 (₹25 + ₹25) and ₹50,000 of
// other purchases (₹2,000 CGST, ₹2,000 SGST, ₹1,500 IGST, ₹40 cess).
const june: Gstr3bSource = {
  gstin: '27AAPFU0939F1ZV',
  month: '2026-06',
  outward: tax({
    taxablePaise: 1_00_000_00,
    cgstPaise: 4_500_00,
    sgstPaise: 4_500_00,
    igstPaise: 1_200_00,
    cessPaise: 100_00,
  }),
  nilExemptPaise: 2_500_00,
  reverseCharge: tax({ taxablePaise: 1_000_00, cgstPaise: 25_00, sgstPaise: 25_00 }),
  otherPurchases: tax({
    taxablePaise: 50_000_00,
    cgstPaise: 2_000_00,
    sgstPaise: 2_000_00,
    igstPaise: 1_500_00,
    cessPaise: 40_00,
  }),
  counts: { purchaseBills: 4, debitNotes: 1 },
};

describe('returnPeriod', () => {
  it('writes a month as the portal’s MMYYYY', () => {
    expect(returnPeriod('2026-06')).toBe('062026');
    expect(returnPeriod('2027-12')).toBe('122027');
  });
});

describe('buildGstr3b, a month worked by hand', () => {
  it('fills table 3.1 in rupees: outward taxable, nil rated, reverse charge; zero rated and non-GST are nil', () => {
    const report = buildGstr3b(june);
    expect(report.json.gstin).toBe('27AAPFU0939F1ZV');
    expect(report.json.ret_period).toBe('062026');
    expect(report.json.sup_details).toEqual({
      osup_det: { txval: 100000, iamt: 1200, camt: 4500, samt: 4500, csamt: 100 },
      osup_zero: { txval: 0, iamt: 0, csamt: 0 },
      osup_nil_exmp: { txval: 2500 },
      isup_rev: { txval: 1000, iamt: 0, camt: 25, samt: 25, csamt: 0 },
      osup_nongst: { txval: 0 },
    });
  });

  it('keeps paise as two decimals of a rupee', () => {
    const odd = buildGstr3b({ ...june, outward: tax({ taxablePaise: 12345, cgstPaise: 1, sgstPaise: 99 }) });
    expect(odd.json.sup_details.osup_det).toEqual({ txval: 123.45, iamt: 0, camt: 0.01, samt: 0.99, csamt: 0 });
  });

  it('fills table 4: reverse-charge tax as ISRC credit, other bills as OTH, net credit = 4(A) − 4(B), nothing else', () => {
    const report = buildGstr3b(june);
    expect(report.json.itc_elg).toEqual({
      itc_avl: [
        { ty: 'IMPG', ...NO_TAX },
        { ty: 'IMPS', ...NO_TAX },
        { ty: 'ISRC', iamt: 0, camt: 25, samt: 25, csamt: 0 },
        { ty: 'ISD', ...NO_TAX },
        { ty: 'OTH', iamt: 1500, camt: 2000, samt: 2000, csamt: 40 },
      ],
      itc_rev: [
        { ty: 'RUL', ...NO_TAX },
        { ty: 'OTH', ...NO_TAX },
      ],
      itc_net: { iamt: 1500, camt: 2025, samt: 2025, csamt: 40 },
      itc_inelg: [
        { ty: 'RUL', ...NO_TAX },
        { ty: 'OTH', ...NO_TAX },
      ],
    });
  });

  it('carries the figures in paise for the readable page; the credit carries no taxable value', () => {
    const report = buildGstr3b(june);
    expect(report).toMatchObject({
      month: '2026-06',
      outward: june.outward,
      nilExemptPaise: 2_500_00,
      reverseCharge: june.reverseCharge,
      itcReverseCharge: { ...june.reverseCharge, taxablePaise: 0 },
      itcOther: { ...june.otherPurchases, taxablePaise: 0 },
      counts: { purchaseBills: 4, debitNotes: 1 },
    });
  });

  it('sets off the credit head by head and adds the reverse-charge tax to the cash', () => {
    const report = buildGstr3b(june);
    // IGST credit 1,500 pays IGST 1,200, then 300 of CGST (4,500 → 4,200). CGST credit 2,025 leaves 2,175 of CGST;
    // SGST credit 2,025 leaves 2,475 of SGST; cess credit 40 leaves 60. Cash adds the ₹25 + ₹25 reverse charge.
    expect(report.heads).toEqual([
      {
        head: 'igst',
        outputPaise: 1_200_00,
        reverseChargePaise: 0,
        itcPaise: 1_500_00,
        paidByItcPaise: 1_200_00,
        cashPaise: 0,
        itcCarriedPaise: 0,
      },
      {
        head: 'cgst',
        outputPaise: 4_500_00,
        reverseChargePaise: 25_00,
        itcPaise: 2_025_00,
        paidByItcPaise: 2_325_00,
        cashPaise: 2_200_00,
        itcCarriedPaise: 0,
      },
      {
        head: 'sgst',
        outputPaise: 4_500_00,
        reverseChargePaise: 25_00,
        itcPaise: 2_025_00,
        paidByItcPaise: 2_025_00,
        cashPaise: 2_500_00,
        itcCarriedPaise: 0,
      },
      {
        head: 'cess',
        outputPaise: 100_00,
        reverseChargePaise: 0,
        itcPaise: 40_00,
        paidByItcPaise: 40_00,
        cashPaise: 60_00,
        itcCarriedPaise: 0,
      },
    ]);
    expect(report.cashTotalPaise).toBe(0 + 2_200_00 + 2_500_00 + 60_00);
  });

  it('a month with no figures has nothing to pay and an all-zero return', () => {
    const empty = buildGstr3b({
      ...june,
      outward: tax(),
      nilExemptPaise: 0,
      reverseCharge: tax(),
      otherPurchases: tax(),
    });
    expect(empty.json.itc_elg.itc_net).toEqual(NO_TAX);
    expect(empty.heads.map((head) => head.cashPaise)).toEqual([0, 0, 0, 0]);
    expect(empty.cashTotalPaise).toBe(0);
  });
});

describe('setOff, the order of rule 88A', () => {
  it('IGST credit pays IGST first, then CGST, then SGST, and the rest is carried', () => {
    const heads = byHead(tax({ igstPaise: 1000, cgstPaise: 500, sgstPaise: 400 }), tax({ igstPaise: 2500 }));
    expect(heads.igst).toMatchObject({ paidByItcPaise: 1000, cashPaise: 0, itcCarriedPaise: 600 });
    expect(heads.cgst).toMatchObject({ paidByItcPaise: 500, cashPaise: 0, itcCarriedPaise: 0 });
    expect(heads.sgst).toMatchObject({ paidByItcPaise: 400, cashPaise: 0, itcCarriedPaise: 0 });
  });

  it('IGST credit that runs out on CGST leaves SGST to cash', () => {
    const heads = byHead(tax({ igstPaise: 1000, cgstPaise: 500, sgstPaise: 400 }), tax({ igstPaise: 1200 }));
    expect(heads.cgst).toMatchObject({ paidByItcPaise: 200, cashPaise: 300 });
    expect(heads.sgst).toMatchObject({ paidByItcPaise: 0, cashPaise: 400 });
    expect(heads.igst).toMatchObject({ paidByItcPaise: 1000, cashPaise: 0, itcCarriedPaise: 0 });
  });

  it('IGST credit is used before CGST and SGST credit against IGST', () => {
    const heads = byHead(tax({ igstPaise: 1000 }), tax({ igstPaise: 1000, cgstPaise: 300, sgstPaise: 200 }));
    expect(heads.igst).toMatchObject({ paidByItcPaise: 1000, cashPaise: 0, itcCarriedPaise: 0 });
    expect(heads.cgst).toMatchObject({ itcCarriedPaise: 300 });
    expect(heads.sgst).toMatchObject({ itcCarriedPaise: 200 });
  });

  it('CGST credit pays CGST, then IGST, never SGST', () => {
    const heads = byHead(tax({ igstPaise: 300, cgstPaise: 100, sgstPaise: 700 }), tax({ cgstPaise: 1000 }));
    expect(heads.cgst).toMatchObject({ paidByItcPaise: 100, cashPaise: 0, itcCarriedPaise: 600 });
    expect(heads.igst).toMatchObject({ paidByItcPaise: 300, cashPaise: 0 });
    expect(heads.sgst).toMatchObject({ paidByItcPaise: 0, cashPaise: 700 });
  });

  it('SGST credit pays SGST, then IGST, never CGST', () => {
    const heads = byHead(tax({ igstPaise: 300, cgstPaise: 700, sgstPaise: 100 }), tax({ sgstPaise: 1000 }));
    expect(heads.sgst).toMatchObject({ paidByItcPaise: 100, cashPaise: 0, itcCarriedPaise: 600 });
    expect(heads.igst).toMatchObject({ paidByItcPaise: 300, cashPaise: 0 });
    expect(heads.cgst).toMatchObject({ paidByItcPaise: 0, cashPaise: 700 });
  });

  it('CGST and SGST credit share what IGST is left owing, CGST first', () => {
    const heads = byHead(
      tax({ igstPaise: 500, cgstPaise: 100, sgstPaise: 100 }),
      tax({ cgstPaise: 400, sgstPaise: 400 }),
    );
    // CGST credit: 100 on CGST, 300 on IGST; SGST credit: 100 on SGST, the last 200 of IGST, 100 carried.
    expect(heads.igst).toMatchObject({ paidByItcPaise: 500, cashPaise: 0 });
    expect(heads.cgst).toMatchObject({ paidByItcPaise: 100, itcCarriedPaise: 0 });
    expect(heads.sgst).toMatchObject({ paidByItcPaise: 100, itcCarriedPaise: 100 });
  });

  it('cess credit pays cess only; IGST credit never pays cess', () => {
    const heads = byHead(tax({ cessPaise: 500, cgstPaise: 100 }), tax({ cessPaise: 800, igstPaise: 1000 }));
    expect(heads.cess).toMatchObject({ paidByItcPaise: 500, cashPaise: 0, itcCarriedPaise: 300 });
    expect(heads.cgst).toMatchObject({ paidByItcPaise: 100, cashPaise: 0 });
    expect(heads.igst).toMatchObject({ itcCarriedPaise: 900 });
    const noCessCredit = byHead(tax({ cessPaise: 500 }), tax({ igstPaise: 1000 }));
    expect(noCessCredit.cess).toMatchObject({ paidByItcPaise: 0, cashPaise: 500 });
  });

  it('reverse-charge tax is paid in cash even with credit to spare', () => {
    const heads = byHead(tax(), tax({ cgstPaise: 1000, sgstPaise: 1000 }), tax({ cgstPaise: 250, sgstPaise: 250 }));
    expect(heads.cgst).toMatchObject({
      reverseChargePaise: 250,
      paidByItcPaise: 0,
      cashPaise: 250,
      itcCarriedPaise: 1000,
    });
    expect(heads.sgst).toMatchObject({
      reverseChargePaise: 250,
      paidByItcPaise: 0,
      cashPaise: 250,
      itcCarriedPaise: 1000,
    });
  });

  it('a month where returns exceed sales owes nothing on that head, and a negative credit pays nothing', () => {
    // Credit notes larger than the month's sales (negative output), debit notes larger than its bills (negative credit).
    const heads = byHead(
      tax({ igstPaise: -400, cgstPaise: 300, sgstPaise: 300 }),
      tax({ igstPaise: 200, cgstPaise: -100, sgstPaise: -100 }),
      tax({ cgstPaise: -50 }),
    );
    expect(heads.igst).toMatchObject({ outputPaise: -400, paidByItcPaise: 0, cashPaise: 0 });
    // IGST credit 200 goes to CGST (300 → 100); the negative CGST and SGST credit pays nothing.
    expect(heads.cgst).toMatchObject({ itcPaise: -100, paidByItcPaise: 200, cashPaise: 100, itcCarriedPaise: 0 });
    expect(heads.sgst).toMatchObject({ itcPaise: -100, paidByItcPaise: 0, cashPaise: 300, itcCarriedPaise: 0 });
    // A negative reverse-charge figure (a debit note on an earlier month's bill) adds nothing to the cash.
    expect(heads.cgst?.reverseChargePaise).toBe(-50);
  });

  it('a negative IGST output is not a credit for the other heads', () => {
    const heads = byHead(tax({ igstPaise: -400, cgstPaise: 300 }), tax({ cgstPaise: 100 }));
    expect(heads.cgst).toMatchObject({ paidByItcPaise: 100, cashPaise: 200, itcCarriedPaise: 0 });
    expect(heads.igst).toMatchObject({ paidByItcPaise: 0, cashPaise: 0, itcCarriedPaise: 0 });
  });

  it('a negative cess output owes nothing and a negative cess credit pays nothing', () => {
    expect(byHead(tax({ cessPaise: -70 }), tax({ cessPaise: 50 })).cess).toMatchObject({
      paidByItcPaise: 0,
      cashPaise: 0,
      itcCarriedPaise: 50,
    });
    expect(byHead(tax({ cessPaise: 70 }), tax({ cessPaise: -50 })).cess).toMatchObject({
      paidByItcPaise: 0,
      cashPaise: 70,
      itcCarriedPaise: 0,
    });
  });
});
