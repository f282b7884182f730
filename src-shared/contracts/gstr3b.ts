// GSTR-3B for a month: the portal's JSON (field names as GSTN spells them, amounts in rupees) and the tax payable by
// head in paise, for the owner's page and the download. Built by src-shared/gst/gstr3b.ts.
import { z } from 'zod';
import { taxFigures } from './tax';

const rupees = z.number();
/** Taxable value and the four taxes (GSTN: txval, iamt, camt, samt, csamt). */
const portalSupply = z.object({ txval: rupees, iamt: rupees, camt: rupees, samt: rupees, csamt: rupees });
/** The four taxes without a taxable value, as table 4 carries them. */
const portalTax = z.object({ iamt: rupees, camt: rupees, samt: rupees, csamt: rupees });

export const gstr3bJson = z.object({
  gstin: z.string(),
  /** The return period as MMYYYY. */
  ret_period: z.string(),
  sup_details: z.object({
    osup_det: portalSupply,
    osup_zero: z.object({ txval: rupees, iamt: rupees, csamt: rupees }),
    osup_nil_exmp: z.object({ txval: rupees }),
    isup_rev: portalSupply,
    osup_nongst: z.object({ txval: rupees }),
  }),
  itc_elg: z.object({
    itc_avl: z.array(portalTax.extend({ ty: z.enum(['IMPG', 'IMPS', 'ISRC', 'ISD', 'OTH']) })),
    itc_rev: z.array(portalTax.extend({ ty: z.enum(['RUL', 'OTH']) })),
    itc_net: portalTax,
    itc_inelg: z.array(portalTax.extend({ ty: z.enum(['RUL', 'OTH']) })),
  }),
});
export type Gstr3bJson = z.infer<typeof gstr3bJson>;

export const TAX_HEADS = ['igst', 'cgst', 'sgst', 'cess'] as const;
export type TaxHead = (typeof TAX_HEADS)[number];

/** One tax head's settlement: output tax, what input tax credit pays of it, and what is left to pay in cash. */
export const gstr3bHead = z.object({
  head: z.enum(TAX_HEADS),
  /** Tax on outward supplies (3.1(a)): may be paid from input tax credit. */
  outputPaise: z.int(),
  /** Tax on inward supplies under reverse charge (3.1(d)): paid in cash only. */
  reverseChargePaise: z.int(),
  /** Eligible input tax credit of this head (4(C)). */
  itcPaise: z.int(),
  /** Credit of any head used against this head's output tax. */
  paidByItcPaise: z.int(),
  cashPaise: z.int(),
  /** This head's credit left over, carried to next month. */
  itcCarriedPaise: z.int(),
});
export type Gstr3bHead = z.infer<typeof gstr3bHead>;

export const gstr3bReport = z.object({
  month: z.string(),
  json: gstr3bJson,
  /** The same figures in paise, for the readable page. */
  outward: taxFigures,
  nilExemptPaise: z.int(),
  reverseCharge: taxFigures,
  itcReverseCharge: taxFigures,
  itcOther: taxFigures,
  heads: z.array(gstr3bHead),
  cashTotalPaise: z.int(),
  counts: z.object({ purchaseBills: z.int(), debitNotes: z.int() }),
});
export type Gstr3bReport = z.infer<typeof gstr3bReport>;
