// GSTR-2B matching: the owner uploads the GSTR-2B JSON downloaded from the GST portal; its supplier invoices (and the
// suppliers' credit notes) are matched against the purchase bills (and debit notes) the counters recorded.
//
// The file's shape is GSTN's GSTR-2B JSON (GSTR-2B API and the portal's "Download GSTR-2B details (JSON)", schema in
// GSTN's "GSTR-2B JSON" document on https://tutorial.gst.gov.in/userguide/returns/index.htm#t=Manual_gstr2b.htm and
// the API at https://developer.gst.gov.in/apiportal/taxpayer/gstr2b):
//   data.gstin               the recipient's (this shop's) GSTIN;
//   data.rtnprd              the return period, MMYYYY;
//   data.docdata.b2b[]       per supplier: ctin (supplier GSTIN), trdnm (trade name), and inv[]: inum (invoice
//                            number), dt (invoice date, dd-mm-yyyy), val (invoice value), rev ('Y' under reverse
//                            charge), items[]: txval, igst, cgst, sgst, cess (rupees, per rate);
//   data.docdata.cdnr[]      per supplier: ctin, trdnm, and nt[]: ntnum (note number), typ ('C' credit / 'D' debit),
//                            dt, val, items[] as above.
// Amounts are rupees with up to two decimals; they are turned into paise at once and compared in paise.
import { z } from 'zod';
import { Invalid } from '../errors';

/** Taxable value and tax may differ by this much (₹1, either way, on each) and still match: the portal rounds per rate. */
export const TWO_B_TOLERANCE_PAISE = 100;

const rupees = z.number().finite();
const portalDate = z.string().regex(/^\d{2}-\d{2}-\d{4}$/, 'must be a date dd-mm-yyyy');
const item = z.looseObject({
  txval: rupees,
  igst: rupees.optional(),
  cgst: rupees.optional(),
  sgst: rupees.optional(),
  cess: rupees.optional(),
});
const supplier = { ctin: z.string().min(1), trdnm: z.string().optional() };
const gstr2bFile = z.looseObject({
  data: z.looseObject({
    gstin: z.string(),
    rtnprd: z.string().regex(/^(0[1-9]|1[0-2])\d{4}$/, 'must be a period MMYYYY'),
    docdata: z.looseObject({
      b2b: z
        .array(
          z.looseObject({
            ...supplier,
            inv: z.array(
              z.looseObject({
                inum: z.string().min(1),
                dt: portalDate,
                val: rupees,
                rev: z.string().optional(),
                items: z.array(item),
              }),
            ),
          }),
        )
        .optional(),
      cdnr: z
        .array(
          z.looseObject({
            ...supplier,
            nt: z.array(
              z.looseObject({
                ntnum: z.string().min(1),
                typ: z.string().optional(),
                dt: portalDate,
                val: rupees,
                items: z.array(item),
              }),
            ),
          }),
        )
        .optional(),
    }),
  }),
});

/** One document as both sides are compared: the supplier's invoice (or credit note) with its figures in paise. */
export interface TwoBDocument {
  kind: 'invoice' | 'credit_note';
  supplierGstin: string;
  supplierName: string;
  /** As the supplier wrote it. */
  number: string;
  /** yyyy-mm-dd */
  date: string;
  valuePaise: number;
  taxablePaise: number;
  taxPaise: number;
}

export interface BookDocument extends TwoBDocument {
  /** Our own document number (purchase bill or debit note). */
  ourNumber: string;
}

export interface Gstr2bFile {
  gstin: string;
  /** yyyy-mm */
  month: string;
  documents: TwoBDocument[];
}

/** What the owner is told is wrong in the file: the portal's field, in words (the last one named in the path). */
const FIELD_WORDS: Record<string, string> = {
  data: 'the return data',
  gstin: 'the GSTIN',
  rtnprd: 'the return period',
  docdata: 'the document list',
  b2b: 'the B2B invoices',
  cdnr: 'the credit notes',
  ctin: "a supplier's GSTIN",
  inv: "a supplier's invoices",
  nt: "a supplier's notes",
  inum: 'an invoice number',
  ntnum: 'a note number',
  dt: 'a document date',
  val: 'a document value',
  items: "a document's items",
  txval: 'a taxable value',
  igst: 'an IGST amount',
  cgst: 'a CGST amount',
  sgst: 'an SGST amount',
  cess: 'a cess amount',
};
function fieldName(path: PropertyKey[]): string {
  const named = path.filter((part): part is string => typeof part === 'string');
  return FIELD_WORDS[named[named.length - 1] ?? 'data'] ?? 'the return data';
}

const paise = (amount: number | undefined): number => Math.round((amount ?? 0) * 100);
const isoDate = (portal: string): string => `${portal.slice(6, 10)}-${portal.slice(3, 5)}-${portal.slice(0, 2)}`;

/**
 * Reads an uploaded file as the portal's GSTR-2B for this shop and month, or refuses it with a message the owner can
 * act on (in the shop-language catalogue, English and Hindi). Nothing is stored either way.
 */
export function readGstr2b(text: string, expected: { gstin: string; month: string }): Gstr2bFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Invalid({ key: 'gstr2bNotJson' });
  }
  const parsed = gstr2bFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Invalid({
      key: 'gstr2bNotPortalShape',
      params: { field: fieldName(issue.path) },
    });
  }
  const { data } = parsed.data;
  const gstin = data.gstin.trim().toUpperCase();
  if (gstin !== expected.gstin.toUpperCase())
    throw new Invalid({ key: 'gstr2bOtherGstin', params: { gstin, shopGstin: expected.gstin } });
  const month = `${data.rtnprd.slice(2)}-${data.rtnprd.slice(0, 2)}`;
  if (month !== expected.month)
    throw new Invalid({
      key: 'gstr2bOtherMonth',
      params: { period: monthLabel(month), month: monthLabel(expected.month) },
    });
  const documents: TwoBDocument[] = [];
  const sums = (items: z.infer<typeof item>[]) => ({
    taxablePaise: items.reduce((sum, row) => sum + paise(row.txval), 0),
    taxPaise: items.reduce(
      (sum, row) => sum + paise(row.igst) + paise(row.cgst) + paise(row.sgst) + paise(row.cess),
      0,
    ),
  });
  for (const row of data.docdata.b2b ?? [])
    for (const invoice of row.inv)
      documents.push({
        kind: 'invoice',
        supplierGstin: row.ctin.trim().toUpperCase(),
        supplierName: row.trdnm ?? '',
        number: invoice.inum,
        date: isoDate(invoice.dt),
        valuePaise: paise(invoice.val),
        ...sums(invoice.items),
      });
  // A supplier's debit note ('D') raises what was billed; only credit notes ('C') stand against our returns.
  for (const row of data.docdata.cdnr ?? [])
    for (const note of row.nt)
      if ((note.typ ?? 'C') === 'C')
        documents.push({
          kind: 'credit_note',
          supplierGstin: row.ctin.trim().toUpperCase(),
          supplierName: row.trdnm ?? '',
          number: note.ntnum,
          date: isoDate(note.dt),
          valuePaise: paise(note.val),
          ...sums(note.items),
        });
  return { gstin, month, documents };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** yyyy-mm → "Jun 2026". */
export const monthLabel = (month: string): string => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/**
 * Invoice numbers as suppliers and the portal write them differ in case, separators and leading zeros
 * ("inv/0042" and "INV-42"): compare letters and digits only, upper case, each run of digits without leading zeros.
 */
export function normaliseInvoiceNumber(number: string): string {
  return number
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/\d+/g, (digits) => String(Number.parseInt(digits, 10)));
}

export interface MatchedPair {
  twoB: TwoBDocument;
  books: BookDocument;
}

export interface Reconciliation {
  matched: MatchedPair[];
  /** In the supplier's GSTR-2B, not in our books: a bill not yet recorded (or recorded under another number). */
  missingInBooks: TwoBDocument[];
  /** In our books, not in GSTR-2B: the supplier has not filed it yet; its credit is not safe to claim. */
  missingIn2b: BookDocument[];
  /** The same document on both sides, with a different date, taxable value or tax (beyond the tolerance). */
  mismatched: (MatchedPair & { differences: ('date' | 'taxable' | 'tax')[] })[];
}

const within = (a: number, b: number) => Math.abs(a - b) <= TWO_B_TOLERANCE_PAISE;

/**
 * Invoices are paired by supplier GSTIN + normalised invoice number; a pair agreeing on date, taxable value and tax
 * (each within ₹1) is matched, otherwise mismatched. The suppliers' credit notes carry their own numbers, not ours, so
 * they pair with our debit notes of the same supplier by taxable value and tax (within ₹1), the nearest date first.
 */
export function reconcile2b(twoB: TwoBDocument[], books: BookDocument[]): Reconciliation {
  const result: Reconciliation = { matched: [], missingInBooks: [], missingIn2b: [], mismatched: [] };
  const left = new Set(books);
  const key = (doc: TwoBDocument) => `${doc.supplierGstin}|${normaliseInvoiceNumber(doc.number)}`;
  const bookInvoices = new Map<string, BookDocument>();
  for (const doc of books) if (doc.kind === 'invoice') bookInvoices.set(key(doc), doc);
  for (const doc of twoB.filter((entry) => entry.kind === 'invoice')) {
    const ours = bookInvoices.get(key(doc));
    if (!ours || !left.has(ours)) {
      result.missingInBooks.push(doc);
      continue;
    }
    left.delete(ours);
    const differences: ('date' | 'taxable' | 'tax')[] = [];
    if (ours.date !== doc.date) differences.push('date');
    if (!within(ours.taxablePaise, doc.taxablePaise)) differences.push('taxable');
    if (!within(ours.taxPaise, doc.taxPaise)) differences.push('tax');
    if (differences.length === 0) result.matched.push({ twoB: doc, books: ours });
    else result.mismatched.push({ twoB: doc, books: ours, differences });
  }
  for (const doc of twoB.filter((entry) => entry.kind === 'credit_note')) {
    const days = (date: string) => Math.abs(Date.parse(date) - Date.parse(doc.date));
    const ours = [...left]
      .filter(
        (candidate) =>
          candidate.kind === 'credit_note' &&
          candidate.supplierGstin === doc.supplierGstin &&
          within(candidate.taxablePaise, doc.taxablePaise) &&
          within(candidate.taxPaise, doc.taxPaise),
      )
      .sort((a, b) => days(a.date) - days(b.date))[0];
    if (!ours) {
      result.missingInBooks.push(doc);
      continue;
    }
    left.delete(ours);
    result.matched.push({ twoB: doc, books: ours });
  }
  result.missingIn2b.push(...left);
  return result;
}
