// GSTR-1 as the GST portal's offline tool imports it: field names as the portal spells them, amounts in rupees.
import { z } from 'zod';

const rupees = z.number();
const portalTax = { txval: rupees, iamt: rupees, camt: rupees, samt: rupees, csamt: rupees };
const items = z.array(z.object({ num: z.int(), itm_det: z.object({ ...portalTax, rt: z.number() }) }));
const document = { val: rupees, pos: z.string(), rchrg: z.literal('N'), inv_typ: z.literal('R'), itms: items };

export const gstr1Json = z.object({
  gstin: z.string(),
  /** The return period as MMYYYY. */
  fp: z.string(),
  b2b: z.array(
    z.object({ ctin: z.string(), inv: z.array(z.object({ inum: z.string(), idt: z.string(), ...document })) }),
  ),
  b2cs: z.array(
    z.object({
      sply_ty: z.enum(['INTRA', 'INTER']),
      pos: z.string(),
      typ: z.literal('OE'),
      rt: z.number(),
      ...portalTax,
    }),
  ),
  hsn: z.object({
    data: z.array(
      z.object({
        num: z.int(),
        hsn_sc: z.string(),
        desc: z.string(),
        uqc: z.string(),
        qty: z.number(),
        rt: z.number(),
        val: rupees,
        ...portalTax,
      }),
    ),
  }),
  cdnr: z.array(
    z.object({
      ctin: z.string(),
      nt: z.array(z.object({ ntty: z.literal('C'), nt_num: z.string(), nt_dt: z.string(), ...document })),
    }),
  ),
});

export type Gstr1Json = z.infer<typeof gstr1Json>;
