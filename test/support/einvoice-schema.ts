// A JSON Schema for the e-invoice Galla sends, written from the published definitions: the NIC e-invoice schema
// version 1.1 (einvoice1.gst.gov.in/Others/EinvoiceSchema; the IRP sandbox's "e-Invoice JSON schema" at
// einv-apisandbox.nic.in, with its lengths, patterns and ranges) for the sections Galla fills: TranDtls, DocDtls,
// SellerDtls, BuyerDtls, ItemList, ValDtls and RefDtls.PrecDocDtls. Stricter than the IRP where Galla's own data allows
// it (no extra keys), so a stray field fails a test. Beyond JSON Schema, einvoiceProblems checks the IRP's arithmetic
// validations (AssAmt = TotAmt − Discount, TotItemVal = AssAmt + taxes, ValDtls as the sum of the items).
import Ajv from 'ajv';

const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const text = (minLength: number, maxLength: number, pattern?: string) => ({
  type: 'string',
  minLength,
  maxLength,
  ...(pattern ? { pattern } : {}),
});
/** The schema's decimal(12,2) amounts: at most two decimals, 0 to 99,999,999,999.99 (RndOffAmt may be negative). */
const amount = { type: 'number', minimum: 0, maximum: 99999999999.99, multipleOf: 0.01 };
const signedAmount = { type: 'number', minimum: -99.99, maximum: 99.99, multipleOf: 0.01 };
const yesNo = { enum: ['Y', 'N'] };
const date = text(10, 10, '^[0-3][0-9]/[0-1][0-9]/20[0-9]{2}$');
const gstin = text(15, 15, '^[0-9]{2}[0-9A-Z]{13}$');
/** The state codes of the IRP's state master (01–38, 96 other country, 97 other territory). */
const stateCode = text(1, 2, '^(0?[1-9]|[12][0-9]|3[0-8]|96|97)$');
const address = {
  LglNm: text(1, 100),
  Addr1: text(1, 100),
  Loc: text(3, 50),
  Pin: { type: 'integer', minimum: 100000, maximum: 999999 },
  Stcd: stateCode,
};

export const EINVOICE_SCHEMA = object(
  {
    Version: { const: '1.1' },
    TranDtls: object(
      {
        TaxSch: { const: 'GST' },
        SupTyp: { enum: ['B2B', 'SEZWP', 'SEZWOP', 'EXPWP', 'EXPWOP', 'DEXP'] },
        RegRev: yesNo,
        IgstOnIntra: yesNo,
      },
      ['TaxSch', 'SupTyp'],
    ),
    DocDtls: object({
      Typ: { enum: ['INV', 'CRN', 'DBN'] },
      // The IRP's document number: 1–16 characters of letters, digits, "/" and "-", not starting with 0, "/" or "-".
      No: text(1, 16, '^[a-zA-Z1-9][a-zA-Z0-9/-]{0,15}$'),
      Dt: date,
    }),
    SellerDtls: object({ Gstin: gstin, ...address }),
    BuyerDtls: object({ Gstin: text(3, 15, '^([0-9]{2}[0-9A-Z]{13}|URP)$'), ...address, Pos: stateCode }),
    ItemList: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      items: object(
        {
          SlNo: text(1, 6),
          PrdDesc: text(3, 300),
          IsServc: yesNo,
          HsnCd: text(4, 8, '^[0-9]{4,8}$'),
          Qty: { type: 'number', minimum: 0, maximum: 9999999999.999, multipleOf: 0.001 },
          Unit: text(3, 8),
          UnitPrice: { type: 'number', minimum: 0, maximum: 999999999999.999, multipleOf: 0.001 },
          TotAmt: amount,
          Discount: amount,
          AssAmt: amount,
          GstRt: { enum: [0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40] },
          IgstAmt: amount,
          CgstAmt: amount,
          SgstAmt: amount,
          CesRt: { type: 'number', minimum: 0, maximum: 100 },
          CesAmt: amount,
          TotItemVal: amount,
        },
        ['SlNo', 'IsServc', 'HsnCd', 'UnitPrice', 'TotAmt', 'AssAmt', 'GstRt', 'TotItemVal'],
      ),
    },
    ValDtls: object(
      {
        AssVal: amount,
        CgstVal: amount,
        SgstVal: amount,
        IgstVal: amount,
        CesVal: amount,
        RndOffAmt: signedAmount,
        TotInvVal: amount,
      },
      ['AssVal', 'TotInvVal'],
    ),
    RefDtls: object({
      PrecDocDtls: { type: 'array', minItems: 1, items: object({ InvNo: text(1, 16), InvDt: date }) },
    }),
  },
  ['Version', 'TranDtls', 'DocDtls', 'SellerDtls', 'BuyerDtls', 'ItemList', 'ValDtls'],
);

const ajv = new Ajv({ allErrors: true, multipleOfPrecision: 6 });
const validate = ajv.compile(EINVOICE_SCHEMA);

interface Item {
  TotAmt: number;
  Discount?: number;
  AssAmt: number;
  IgstAmt?: number;
  CgstAmt?: number;
  SgstAmt?: number;
  CesAmt?: number;
  TotItemVal: number;
}
const paise = (rupees = 0) => Math.round(rupees * 100);

/** Where an e-invoice breaks the schema or the IRP's arithmetic checks (to the paisa). */
export function einvoiceProblems(json: unknown): string[] {
  validate(json);
  const problems = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  if (problems.length) return problems;
  const doc = json as { ItemList: Item[]; ValDtls: Record<string, number> };
  const sums = { AssVal: 0, CgstVal: 0, SgstVal: 0, IgstVal: 0, CesVal: 0 };
  for (const [i, it] of doc.ItemList.entries()) {
    if (paise(it.AssAmt) !== paise(it.TotAmt) - paise(it.Discount))
      problems.push(`/ItemList/${i} AssAmt ≠ TotAmt − Discount`);
    const taxes = paise(it.IgstAmt) + paise(it.CgstAmt) + paise(it.SgstAmt) + paise(it.CesAmt);
    if (paise(it.TotItemVal) !== paise(it.AssAmt) + taxes) problems.push(`/ItemList/${i} TotItemVal ≠ AssAmt + taxes`);
    sums.AssVal += paise(it.AssAmt);
    sums.CgstVal += paise(it.CgstAmt);
    sums.SgstVal += paise(it.SgstAmt);
    sums.IgstVal += paise(it.IgstAmt);
    sums.CesVal += paise(it.CesAmt);
  }
  for (const [key, sum] of Object.entries(sums))
    if (paise(doc.ValDtls[key]) !== sum) problems.push(`/ValDtls/${key} is not the sum of the items`);
  const total = Object.values(sums).reduce((a, b) => a + b, 0);
  if (paise(doc.ValDtls.TotInvVal) !== total + paise(doc.ValDtls.RndOffAmt))
    problems.push('/ValDtls/TotInvVal ≠ AssVal + taxes + RndOffAmt');
  return problems;
}
