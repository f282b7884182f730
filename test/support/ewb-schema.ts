// A JSON Schema for the e-way bill bulk-upload file Galla writes, from NIC's published field definitions: the e-way bill
// portal's "e-Way Bill JSON Preparation" format for Bulk Generation (docs.ewaybillgst.gov.in → Tools; version
// 1.0.0621) and the GENEWAYBILL request of the e-way bill API (docs.ewaybillgst.gov.in → API), whose field lengths and
// masters it repeats: supplyType O/I, subSupplyType 1–12, docType INV/BIL/BOE/CHL/CNT/OTH, docDate dd/mm/yyyy, GSTIN or
// "URP", 6-digit PIN codes, state codes 1–38 and 97/99, transMode 1–4, transDistance 0–4000 km, vehicleType R/O,
// qtyUnit from the UQC master, rates in per cent from the GST rate list.
// Stricter than the portal where Galla's own data allows (no extra keys), so a stray field fails a test. Also used by
// the e-way bill stand-in (test/support/ewb-standin.ts) to check the API requests it receives.
import Ajv from 'ajv';

const amount = { type: 'number', minimum: 0, multipleOf: 0.01 };
const gstin = { type: 'string', pattern: '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][Z1-9A-J][0-9A-Z]$' };
const stateCode = { type: 'integer', enum: [...Array.from({ length: 38 }, (_, i) => i + 1), 97, 99] };
const pincode = { type: 'integer', minimum: 100000, maximum: 999999 };
const text = (maxLength: number) => ({ type: 'string', maxLength });
const rate = { enum: [0, 0.05, 0.125, 0.25, 0.5, 0.75, 1.5, 3, 5, 6, 7.5, 9, 12, 14, 18, 20, 28, 40] };
const uqc = {
  enum: ['BAG', 'BOX', 'BTL', 'CTN', 'DOZ', 'GMS', 'KGS', 'KLR', 'LTR', 'MLT', 'MTR', 'NOS', 'PAC', 'PCS', 'OTH'],
};

function object(properties: Record<string, unknown>) {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

const item = object({
  itemNo: { type: 'integer', minimum: 1 },
  productName: text(100),
  productDesc: text(100),
  hsnCode: { type: 'integer', minimum: 100, maximum: 99999999 },
  quantity: { type: 'number', minimum: 0 },
  qtyUnit: uqc,
  taxableAmount: amount,
  sgstRate: rate,
  cgstRate: rate,
  igstRate: rate,
  cessRate: { type: 'number', minimum: 0, maximum: 400 },
  cessNonAdvol: { type: 'number', minimum: 0 },
});

const billFields = {
  supplyType: { enum: ['O', 'I'] },
  subSupplyType: { type: 'integer', minimum: 1, maximum: 12 },
  subSupplyDesc: text(20),
  docType: { enum: ['INV', 'BIL', 'BOE', 'CHL', 'CNT', 'OTH'] },
  docNo: { type: 'string', pattern: '^[A-Za-z0-9/-]{1,16}$' },
  docDate: { type: 'string', pattern: '^(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])/20[0-9]{2}$' },
  fromGstin: gstin,
  fromTrdName: text(100),
  fromAddr1: text(120),
  fromAddr2: text(120),
  fromPlace: text(50),
  fromPincode: pincode,
  fromStateCode: stateCode,
  actFromStateCode: stateCode,
  toGstin: { anyOf: [gstin, { const: 'URP' }] },
  toTrdName: text(100),
  toAddr1: text(120),
  toAddr2: text(120),
  toPlace: text(50),
  toPincode: pincode,
  toStateCode: stateCode,
  actToStateCode: stateCode,
  transType: { enum: [1, 2, 3, 4] },
  totalValue: amount,
  cgstValue: amount,
  sgstValue: amount,
  igstValue: amount,
  cessValue: amount,
  cessNonAdvolValue: amount,
  otherValue: { type: 'number', multipleOf: 0.01 },
  totInvValue: amount,
  transporterId: { anyOf: [{ const: '' }, { type: 'string', pattern: '^[0-9A-Z]{15}$' }] },
  transporterName: text(100),
  transDocNo: text(15),
  transDocDate: { type: 'string' },
  vehicleNo: { type: 'string', pattern: '^[0-9A-Z]{0,15}$' },
  vehicleType: { enum: ['R', 'O'] },
  mainHsnCode: { type: 'integer', minimum: 100, maximum: 99999999 },
  itemList: { type: 'array', items: item, minItems: 1, maxItems: 250 },
};

/** The bulk file: a version and the bills, each with the user's GSTIN. */
export const EWB_BULK_SCHEMA = object({
  version: { const: '1.0.0621' },
  billLists: {
    type: 'array',
    minItems: 1,
    items: object({
      userGstin: gstin,
      ...billFields,
      transMode: { enum: [1, 2, 3, 4] },
      transDistance: { type: 'integer', minimum: 0, maximum: 4000 },
    }),
  },
});

/** GENEWAYBILL's body: transMode and transDistance are strings there. */
export const EWB_API_SCHEMA = object({
  ...billFields,
  transMode: { enum: ['1', '2', '3', '4'] },
  transDistance: { type: 'string', pattern: '^([0-9]|[1-9][0-9]{1,2}|[1-3][0-9]{3}|4000)$' },
});

const ajv = new Ajv({ allErrors: true, multipleOfPrecision: 6 });
const validateBulk = ajv.compile(EWB_BULK_SCHEMA);
const validateApi = ajv.compile(EWB_API_SCHEMA);

const problemsOf = (errors: typeof validateBulk.errors) =>
  (errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);

/** Where a bulk file breaks the schema; also each bill's total = value + taxes + other (the portal checks it). */
export function ewbBulkProblems(json: unknown): string[] {
  validateBulk(json);
  const problems = problemsOf(validateBulk.errors);
  const bills = (json as { billLists?: Record<string, number>[] }).billLists ?? [];
  for (const bill of bills) {
    const sum = ['totalValue', 'cgstValue', 'sgstValue', 'igstValue', 'cessValue', 'otherValue'].reduce(
      (total, key) => total + Math.round((bill[key] ?? 0) * 100),
      0,
    );
    if (sum !== Math.round((bill.totInvValue ?? 0) * 100)) problems.push(`/billLists totInvValue is not the sum`);
  }
  return problems;
}

export function ewbApiProblems(json: unknown): string[] {
  validateApi(json);
  return problemsOf(validateApi.errors);
}
