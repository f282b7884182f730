// GSTR-1 as the GST portal's offline tool imports it: field names as the portal spells them, amounts in rupees.
// Names and shapes follow the GSTN GSTR-1 API (developer.gst.gov.in, "GSTR-1 Save": b2b, b2cl, b2cs, cdnr, cdnur, nil,
// hsn, doc_issue) as the india-compliance app for ERPNext writes them (india_compliance/gst_returns/fields/gstr1.py).
import { z } from 'zod';

const rupees = z.number();
const portalTax = { txval: rupees, iamt: rupees, camt: rupees, samt: rupees, csamt: rupees };
/** Inter-state sections (B2CL, CDNUR) carry IGST and cess only. */
const igstTax = { txval: rupees, iamt: rupees, csamt: rupees };
const items = z.array(z.object({ num: z.int(), itm_det: z.object({ ...portalTax, rt: z.number() }) }));
const igstItems = z.array(z.object({ num: z.int(), itm_det: z.object({ ...igstTax, rt: z.number() }) }));
const document = { val: rupees, pos: z.string(), rchrg: z.literal('N'), inv_typ: z.literal('R'), itms: items };

const hsnRow = z.object({
  num: z.int(),
  hsn_sc: z.string(),
  desc: z.string(),
  uqc: z.string(),
  qty: z.number(),
  rt: z.number(),
  ...portalTax,
});

export const gstr1Json = z.object({
  gstin: z.string(),
  /** The return period as MMYYYY. */
  fp: z.string(),
  /** Table 4A: invoices to registered buyers, by buyer GSTIN. */
  b2b: z.array(
    z.object({ ctin: z.string(), inv: z.array(z.object({ inum: z.string(), idt: z.string(), ...document })) }),
  ),
  /** Table 5: inter-state invoices to unregistered buyers above the B2C (Large) limit, by place of supply. */
  b2cl: z.array(
    z.object({
      pos: z.string(),
      inv: z.array(z.object({ inum: z.string(), idt: z.string(), val: rupees, itms: igstItems })),
    }),
  ),
  /** Table 7: the other sales to unregistered buyers, net of their credit notes, by place of supply and rate. */
  b2cs: z.array(
    z.object({
      sply_ty: z.enum(['INTRA', 'INTER']),
      pos: z.string(),
      typ: z.literal('OE'),
      rt: z.number(),
      ...portalTax,
    }),
  ),
  /** Table 9B: credit notes to registered buyers. */
  cdnr: z.array(
    z.object({
      ctin: z.string(),
      nt: z.array(z.object({ ntty: z.literal('C'), nt_num: z.string(), nt_dt: z.string(), ...document })),
    }),
  ),
  /** Table 9B: credit notes to unregistered buyers against B2C (Large) invoices. */
  cdnur: z.array(
    z.object({
      typ: z.literal('B2CL'),
      ntty: z.literal('C'),
      nt_num: z.string(),
      nt_dt: z.string(),
      val: rupees,
      pos: z.string(),
      itms: igstItems,
    }),
  ),
  /** Table 8: nil-rated, exempt and non-GST supplies by who bought and from where. */
  nil: z.object({
    inv: z.array(
      z.object({
        sply_ty: z.enum(['INTRB2B', 'INTRAB2B', 'INTRB2C', 'INTRAB2C']),
        nil_amt: rupees,
        expt_amt: rupees,
        ngsup_amt: rupees,
      }),
    ),
  }),
  /** Table 12: one list before the May 2025 period (`data`), split into B2B and B2C from it. */
  hsn: z.object({
    data: z.array(hsnRow).optional(),
    hsn_b2b: z.array(hsnRow).optional(),
    hsn_b2c: z.array(hsnRow).optional(),
  }),
  /** Table 13: serial ranges of the documents issued in the period. */
  doc_issue: z.object({
    doc_det: z.array(
      z.object({
        doc_num: z.int(),
        docs: z.array(
          z.object({
            num: z.int(),
            from: z.string(),
            to: z.string(),
            totnum: z.int(),
            cancel: z.int(),
            net_issue: z.int(),
          }),
        ),
      }),
    ),
  }),
});

export type Gstr1Json = z.infer<typeof gstr1Json>;
export type Gstr1HsnRow = z.infer<typeof hsnRow>;
