// A JSON Schema for the GSTR-1 Galla writes, from the public field definitions: the GSTN GSTR-1 API's "Save GSTR1"
// payload (developer.gst.gov.in, returns API: b2b, b2cl, b2cs, cdnr, cdnur, nil, hsn, doc_issue and their fields), the
// GSTR-1 offline tool's Excel template and its Help Instruction sheet (formats: invoice numbers of at most 16 characters
// of letters, digits, "-" and "/"; dd-mm-yyyy dates; the UQC master list; note types; Table 13's document kinds), and
// the keys the india-compliance app for ERPNext writes (india_compliance/gst_returns/fields/gstr1.py), with Table 12's
// hsn_b2b / hsn_b2c split of the GSTN advisory on Phase-3 HSN reporting (from the May 2025 period).
// Stricter than the portal where Galla's own data allows it (no extra keys anywhere), so a stray field fails a test.

import Ajv from 'ajv';

const amount = { type: 'number', multipleOf: 0.01 };
/** GST state codes (01–38), 96 (other country) and 97 (other territory), as the portal's place of supply. */
const pos = { type: 'string', pattern: '^(0[1-9]|[12][0-9]|3[0-8]|96|97)$' };
const date = { type: 'string', pattern: '^(0[1-9]|[12][0-9]|3[01])-(0[1-9]|1[0-2])-20[0-9]{2}$' };
/** The GSTIN format as the e-invoice and return schemas publish it (15 characters, entity code, "Z" by default). */
const gstin = { type: 'string', pattern: '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][Z1-9A-J][0-9A-Z]$' };
/** Rule 46(b): a consecutive serial of at most 16 characters of letters, digits, "-" and "/". */
const documentNumber = { type: 'string', minLength: 1, maxLength: 16, pattern: '^[A-Za-z0-9/-]+$' };
/** The rates the portal's rate lists offer. */
const rt = { enum: [0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40] };
/** The offline tool's UQC master. */
const uqc = {
  enum: [
    'BAG',
    'BAL',
    'BDL',
    'BKL',
    'BOU',
    'BOX',
    'BTL',
    'BUN',
    'CAN',
    'CBM',
    'CCM',
    'CMS',
    'CTN',
    'DOZ',
    'DRM',
    'GGK',
    'GMS',
    'GRS',
    'GYD',
    'KGS',
    'KLR',
    'KME',
    'LTR',
    'MLT',
    'MTR',
    'MTS',
    'NOS',
    'OTH',
    'PAC',
    'PCS',
    'PRS',
    'QTL',
    'ROL',
    'SET',
    'SQF',
    'SQM',
    'SQY',
    'TBS',
    'TGM',
    'THD',
    'TON',
    'TUB',
    'UGS',
    'UNT',
    'YDS',
    'NA',
  ],
};

const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const list = (items: unknown, minItems = 0) => ({ type: 'array', minItems, items });

const fullTax = { txval: amount, iamt: amount, camt: amount, samt: amount, csamt: amount };
const items = list(object({ num: { type: 'integer', minimum: 1 }, itm_det: object({ rt, ...fullTax }) }), 1);
/** B2CL and CDNUR are inter-state: IGST and cess only. */
const igstItems = list(
  object({ num: { type: 'integer', minimum: 1 }, itm_det: object({ rt, txval: amount, iamt: amount, csamt: amount }) }),
  1,
);
const hsnRows = list(
  object({
    num: { type: 'integer', minimum: 1 },
    hsn_sc: { type: 'string', pattern: '^[0-9]{4}([0-9]{2}){0,2}$' },
    desc: { type: 'string', maxLength: 30 },
    uqc,
    qty: { type: 'number' },
    rt,
    ...fullTax,
  }),
);

export const GSTR1_SCHEMA = object({
  gstin,
  fp: { type: 'string', pattern: '^(0[1-9]|1[0-2])20[0-9]{2}$' },
  b2b: list(
    object({
      ctin: gstin,
      inv: list(
        object({
          inum: documentNumber,
          idt: date,
          val: amount,
          pos,
          rchrg: { enum: ['Y', 'N'] },
          inv_typ: { enum: ['R', 'SEWP', 'SEWOP', 'DE'] },
          itms: items,
        }),
        1,
      ),
    }),
  ),
  b2cl: list(
    object({
      pos,
      inv: list(object({ inum: documentNumber, idt: date, val: amount, itms: igstItems }), 1),
    }),
  ),
  b2cs: list(
    object({
      sply_ty: { enum: ['INTRA', 'INTER'] },
      pos,
      typ: { enum: ['OE', 'E'] },
      rt,
      ...fullTax,
    }),
  ),
  cdnr: list(
    object({
      ctin: gstin,
      nt: list(
        object({
          ntty: { enum: ['C', 'D'] },
          nt_num: documentNumber,
          nt_dt: date,
          val: amount,
          pos,
          rchrg: { enum: ['Y', 'N'] },
          inv_typ: { enum: ['R', 'SEWP', 'SEWOP', 'DE'] },
          itms: items,
        }),
        1,
      ),
    }),
  ),
  cdnur: list(
    object({
      typ: { enum: ['B2CL', 'EXPWP', 'EXPWOP'] },
      ntty: { enum: ['C', 'D'] },
      nt_num: documentNumber,
      nt_dt: date,
      val: amount,
      pos,
      itms: igstItems,
    }),
  ),
  nil: object({
    inv: list(
      object({
        sply_ty: { enum: ['INTRB2B', 'INTRAB2B', 'INTRB2C', 'INTRAB2C'] },
        nil_amt: amount,
        expt_amt: amount,
        ngsup_amt: amount,
      }),
    ),
  }),
  /** Before May 2025 one list (`data`); from it, the B2B and B2C tabs, both present. */
  hsn: {
    oneOf: [object({ data: hsnRows }), object({ hsn_b2b: hsnRows, hsn_b2c: hsnRows })],
  },
  doc_issue: object({
    doc_det: list(
      object({
        doc_num: { type: 'integer', minimum: 1, maximum: 12 },
        docs: list(
          object({
            num: { type: 'integer', minimum: 1 },
            from: documentNumber,
            to: documentNumber,
            totnum: { type: 'integer', minimum: 1 },
            cancel: { type: 'integer', minimum: 0 },
            net_issue: { type: 'integer', minimum: 0 },
          }),
          1,
        ),
      }),
    ),
  }),
});

const ajv = new Ajv({ allErrors: true, multipleOfPrecision: 6 });
const validate = ajv.compile(GSTR1_SCHEMA);

/** Where a GSTR-1 breaks the schema, and Table 13's net_issue = totnum − cancel (beyond what JSON Schema can say). */
export function gstr1Problems(json: unknown): string[] {
  validate(json);
  const problems = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  const docs =
    (json as { doc_issue?: { doc_det?: { docs: { totnum: number; cancel: number; net_issue: number }[] }[] } })
      .doc_issue?.doc_det ?? [];
  for (const row of docs.flatMap((kind) => kind.docs))
    if (row.net_issue !== row.totnum - row.cancel) problems.push(`/doc_issue net_issue is not totnum − cancel`);
  return problems;
}
