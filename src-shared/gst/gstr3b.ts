// GSTR-3B for a month, as the GST portal takes it, from the month's figures in paise. Amounts are summed in paise and
// turned into rupees once, at the end (rupees = paise / 100, two decimals exactly), so no rounding creeps in.
//
// Field names and table numbers: the GSTR-3B JSON of GSTN's Returns API and offline utility (GSTR-3B "save" payload,
// https://developer.gst.gov.in/apiportal/taxpayer/returns → GSTR3B; the same JSON is written by the portal's offline
// tool and, readably, by ERPNext's gstr_3b_report template):
//   gstin, ret_period (MMYYYY);
//   sup_details.osup_det      3.1(a) outward taxable supplies (other than zero rated, nil rated and exempted);
//   sup_details.osup_zero     3.1(b) zero rated (exports, SEZ) — a retail counter makes none;
//   sup_details.osup_nil_exmp 3.1(c) other outward supplies, nil rated and exempted (our 0 % lines);
//   sup_details.isup_rev      3.1(d) inward supplies liable to reverse charge;
//   sup_details.osup_nongst   3.1(e) non-GST outward supplies — none;
//   txval taxable value, iamt IGST, camt CGST, samt SGST/UTGST, csamt cess;
//   itc_elg.itc_avl[].ty      4(A): IMPG import of goods, IMPS import of services, ISRC inward supplies liable to
//                             reverse charge (4(A)(3)), ISD input service distributor, OTH all other ITC (4(A)(5));
//   itc_elg.itc_rev[].ty      4(B) ITC reversed: RUL rules 42 & 43 and section 17(5), OTH others;
//   itc_elg.itc_net           4(C) net ITC available = 4(A) − 4(B);
//   itc_elg.itc_inelg[].ty    4(D) ineligible ITC: RUL section 17(5), OTH others.
// A debit note (our return to the supplier) lowers the ITC of the month it is issued in, as the supplier's credit
// note does in their GSTR-1 (section 34 CGST Act): purchases are taken net of returns, like sales.
import type { Gstr3bHead, Gstr3bJson, Gstr3bReport, TaxHead } from '../contracts/gstr3b';
import type { TaxFigures } from '../contracts/tax';

export interface Gstr3bSource {
  gstin: string;
  /** YYYY-MM. */
  month: string;
  /** Sales at a rate above 0 %, net of credit notes. */
  outward: TaxFigures;
  /** Sales at 0 % (nil rated or exempt), net of credit notes: taxable value only. */
  nilExemptPaise: number;
  /** Purchase bills under reverse charge, net of their debit notes: the tax is the shop's to pay. */
  reverseCharge: TaxFigures;
  /** All other purchase bills, net of their debit notes: their tax is the shop's input tax credit. */
  otherPurchases: TaxFigures;
  counts: { purchaseBills: number; debitNotes: number };
}

const zero = (): TaxFigures => ({ taxablePaise: 0, cgstPaise: 0, sgstPaise: 0, igstPaise: 0, cessPaise: 0 });
const rupees = (paise: number): number => paise / 100;

const supply = (tax: TaxFigures) => ({
  txval: rupees(tax.taxablePaise),
  iamt: rupees(tax.igstPaise),
  camt: rupees(tax.cgstPaise),
  samt: rupees(tax.sgstPaise),
  csamt: rupees(tax.cessPaise),
});
const taxOnly = (tax: TaxFigures) => {
  const { iamt, camt, samt, csamt } = supply(tax);
  return { iamt, camt, samt, csamt };
};

const HEAD_FIELD = { igst: 'igstPaise', cgst: 'cgstPaise', sgst: 'sgstPaise', cess: 'cessPaise' } as const;

/**
 * Sets off input tax credit against output tax, head by head, in the order the law lays down (section 49(5) and 49A
 * CGST Act, rule 88A CGST Rules): IGST credit first against IGST, then CGST, then SGST; CGST credit against CGST, then
 * IGST (never SGST); SGST credit against SGST, then IGST (never CGST); cess credit against cess only. Tax under
 * reverse charge is paid in cash (section 49(4): the credit ledger pays only output tax).
 */
export function setOff(output: TaxFigures, reverseCharge: TaxFigures, itc: TaxFigures): Gstr3bHead[] {
  const due: Record<TaxHead, number> = {
    igst: Math.max(0, output.igstPaise),
    cgst: Math.max(0, output.cgstPaise),
    sgst: Math.max(0, output.sgstPaise),
    cess: Math.max(0, output.cessPaise),
  };
  const credit: Record<TaxHead, number> = {
    igst: Math.max(0, itc.igstPaise),
    cgst: Math.max(0, itc.cgstPaise),
    sgst: Math.max(0, itc.sgstPaise),
    cess: Math.max(0, itc.cessPaise),
  };
  const paid: Record<TaxHead, number> = { igst: 0, cgst: 0, sgst: 0, cess: 0 };
  const use = (from: TaxHead, against: TaxHead) => {
    const amount = Math.min(credit[from], due[against]);
    credit[from] -= amount;
    due[against] -= amount;
    paid[against] += amount;
  };
  use('igst', 'igst');
  use('igst', 'cgst');
  use('igst', 'sgst');
  use('cgst', 'cgst');
  use('cgst', 'igst');
  use('sgst', 'sgst');
  use('sgst', 'igst');
  use('cess', 'cess');
  return (['igst', 'cgst', 'sgst', 'cess'] as const).map((head) => ({
    head,
    outputPaise: output[HEAD_FIELD[head]],
    reverseChargePaise: reverseCharge[HEAD_FIELD[head]],
    itcPaise: itc[HEAD_FIELD[head]],
    paidByItcPaise: paid[head],
    cashPaise: due[head] + Math.max(0, reverseCharge[HEAD_FIELD[head]]),
    itcCarriedPaise: credit[head],
  }));
}

/** YYYY-MM → MMYYYY, the portal's return period. */
export const returnPeriod = (month: string): string => `${month.slice(5, 7)}${month.slice(0, 4)}`;

export function buildGstr3b(source: Gstr3bSource): Gstr3bReport {
  // The tax paid under reverse charge is credit again once paid (4(A)(3)); the taxable value is not part of table 4.
  const itcReverseCharge = { ...source.reverseCharge, taxablePaise: 0 };
  const itcOther = { ...source.otherPurchases, taxablePaise: 0 };
  const itcNet = zero();
  for (const key of ['cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const)
    itcNet[key] = itcReverseCharge[key] + itcOther[key];
  const none = taxOnly(zero());
  const json: Gstr3bJson = {
    gstin: source.gstin,
    ret_period: returnPeriod(source.month),
    sup_details: {
      osup_det: supply(source.outward),
      osup_zero: { txval: 0, iamt: 0, csamt: 0 },
      osup_nil_exmp: { txval: rupees(source.nilExemptPaise) },
      isup_rev: supply(source.reverseCharge),
      osup_nongst: { txval: 0 },
    },
    itc_elg: {
      itc_avl: [
        { ty: 'IMPG', ...none },
        { ty: 'IMPS', ...none },
        { ty: 'ISRC', ...taxOnly(itcReverseCharge) },
        { ty: 'ISD', ...none },
        { ty: 'OTH', ...taxOnly(itcOther) },
      ],
      itc_rev: [
        { ty: 'RUL', ...none },
        { ty: 'OTH', ...none },
      ],
      itc_net: taxOnly(itcNet),
      itc_inelg: [
        { ty: 'RUL', ...none },
        { ty: 'OTH', ...none },
      ],
    },
  };
  const heads = setOff(source.outward, source.reverseCharge, itcNet);
  return {
    month: source.month,
    json,
    outward: source.outward,
    nilExemptPaise: source.nilExemptPaise,
    reverseCharge: source.reverseCharge,
    itcReverseCharge,
    itcOther,
    heads,
    cashTotalPaise: heads.reduce((sum, head) => sum + head.cashPaise, 0),
    counts: source.counts,
  };
}
