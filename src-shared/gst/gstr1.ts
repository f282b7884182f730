// GSTR-1 as the GST portal's offline tool imports it (JSON field names as the portal spells them), from paise totals.
// Amounts are summed in paise and turned into rupees once, at the end, so no rounding creeps in.
import type { Gstr1HsnRow, Gstr1Json } from '../contracts/gstr1';
import type { TaxFigures, TaxRateRow } from '../contracts/tax';
import { documentsIssued } from './doc-issue';

/** An invoice as the return lists it one by one (B2B, or a candidate for B2C Large). */
export interface Gstr1Invoice {
  number: string;
  /** YYYY-MM-DD. */
  date: string;
  valuePaise: number;
  placeOfSupply: string;
  interState: boolean;
  /** The buyer's GSTIN; null for an unregistered buyer. */
  ctin: string | null;
  lines: TaxRateRow[];
}

/** A credit note with the invoice it was made against (which decides its table). */
export interface Gstr1CreditNote {
  number: string;
  date: string;
  valuePaise: number;
  lines: TaxRateRow[];
  original: Omit<Gstr1Invoice, 'lines'>;
}

/** Sales net of their credit notes, by kind of buyer, place of supply and rate (the shape of the GST summaries). */
export type Gstr1SupplyRow = TaxRateRow & { registered: boolean; placeOfSupply: string; interState: boolean };

export type Gstr1HsnSource = TaxFigures & {
  registered: boolean;
  hsn: string;
  /** The goods' description (an item's name); cut to the portal's 30 characters here. */
  description: string;
  unit: string;
  gstRateBp: number;
  qtyMilli: number;
};

/** What a month's return is built from. */
export interface Gstr1Source {
  gstin: string;
  /** YYYY-MM. */
  month: string;
  /** Invoices to registered buyers, and inter-state invoices to unregistered ones that may be B2C (Large). */
  invoices: Gstr1Invoice[];
  /** Credit notes against the invoices above (whatever their month). */
  creditNotes: Gstr1CreditNote[];
  /** Every sale of the month, net of its credit notes, summed. */
  supplies: Gstr1SupplyRow[];
  hsn: Gstr1HsnSource[];
  /** The numbers of the documents issued in the month. */
  documents: { invoices: string[]; creditNotes: string[] };
}

/** Paise to rupees: integer paise over 100 is the double nearest the 2-decimal figure, which JSON prints exactly. */
export const rupees = (paise: number): number => paise / 100;
const rate = (gstRateBp: number): number => gstRateBp / 100;

/**
 * The B2C (Large) limit of GSTR-1 Table 5, on the invoice value, by the invoice's date: ₹2,50,000 until 31-07-2024 and
 * ₹1,00,000 from 01-08-2024 (Notification 12/2024-Central Tax, 10-07-2024, amending Form GSTR-1 from that date).
 */
export function b2clLimitPaise(isoDate: string): number {
  return isoDate < '2024-08-01' ? 25_000_000 : 10_000_000;
}

/** Table 5: an inter-state supply to an unregistered buyer whose invoice value is more than the limit. */
export function isB2cl(invoice: Omit<Gstr1Invoice, 'lines'>): boolean {
  return invoice.ctin === null && invoice.interState && invoice.valuePaise > b2clLimitPaise(invoice.date);
}

/** GSTR-1 Table 12 is split into B2B and B2C tabs from the May 2025 period (GSTN advisory "Implementation of Phase-3 of
 * reporting HSN codes in Table 12 of GSTR-1 & 1A", April 2025); earlier periods keep one list. */
export const HSN_SPLIT_FROM = '2025-05';
/** The portal's description field takes 30 characters (india-compliance HSN_DESCRIPTION_LIMIT). */
export const HSN_DESCRIPTION_MAX = 30;

/** The portal's unit quantity codes for Galla's units. */
const UQC: Record<string, string> = { pcs: 'NOS', kg: 'KGS', l: 'LTR', m: 'MTR' };

/** YYYY-MM-DD → dd-mm-yyyy, the portal's date form. */
export function portalDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}

function emptyTax(): TaxFigures {
  return { taxablePaise: 0, igstPaise: 0, cgstPaise: 0, sgstPaise: 0, cessPaise: 0 };
}

function addTax(into: TaxFigures, from: TaxFigures, sign = 1): void {
  into.taxablePaise += sign * from.taxablePaise;
  into.igstPaise += sign * from.igstPaise;
  into.cgstPaise += sign * from.cgstPaise;
  into.sgstPaise += sign * from.sgstPaise;
  into.cessPaise += sign * from.cessPaise;
}

function portalTax(tax: TaxFigures) {
  return {
    txval: rupees(tax.taxablePaise),
    iamt: rupees(tax.igstPaise),
    camt: rupees(tax.cgstPaise),
    samt: rupees(tax.sgstPaise),
    csamt: rupees(tax.cessPaise),
  };
}

/** Taxed lines only: nil-rated lines are reported in Table 8, not in the invoice and note tables. */
const taxed = (lines: TaxRateRow[]) => lines.filter((line) => line.gstRateBp !== 0);

/** One item row per tax rate, in rate order, as the portal lists a document: lines of the same rate are added up. */
function itemsByRate(lines: TaxRateRow[]) {
  const byRate = new Map<number, TaxFigures>();
  for (const line of taxed(lines)) {
    const tax = byRate.get(line.gstRateBp) ?? emptyTax();
    addTax(tax, line);
    byRate.set(line.gstRateBp, tax);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([gstRateBp, tax], index) => ({ num: index + 1, itm_det: { ...portalTax(tax), rt: rate(gstRateBp) } }));
}

function igstItemsByRate(lines: TaxRateRow[]) {
  return itemsByRate(lines).map(({ num, itm_det: { txval, rt, iamt, csamt } }) => ({
    num,
    itm_det: { txval, rt, iamt, csamt },
  }));
}

const byDateAndNumber = (a: { date: string; number: string }, b: { date: string; number: string }) =>
  a.date.localeCompare(b.date) || a.number.localeCompare(b.number);

function groupBy<T, K extends string>(
  documents: T[],
  keyOf: (document: T) => K,
  order: (a: T, b: T) => number,
): [K, T[]][] {
  const grouped = new Map<K, T[]>();
  for (const document of [...documents].sort(order))
    grouped.set(keyOf(document), [...(grouped.get(keyOf(document)) ?? []), document]);
  return [...grouped.entries()].sort(([a], [b]) => a.localeCompare(b));
}

type SupplyKey = Pick<Gstr1SupplyRow, 'placeOfSupply' | 'interState' | 'gstRateBp'>;
const supplyKey = (row: SupplyKey) => `${row.placeOfSupply}|${row.interState}|${row.gstRateBp}`;

/**
 * Table 7 is the B2C supplies "net of debit notes and credit notes" other than those of Table 5 (Form GSTR-1, Table 7's
 * heading), and Table 9B's unregistered notes are only those against B2C (Large) invoices (the portal's cdnur `typ`
 * takes B2CL, EXPWP or EXPWOP only). So a credit note against a small B2C sale stays netted into B2CS, as the summaries
 * already have it; B2C (Large) invoices come out of B2CS, and their credit notes, reported in CDNUR, go back in.
 */
function b2csRows(supplies: Gstr1SupplyRow[], b2cl: Gstr1Invoice[], cdnur: Gstr1CreditNote[]): Gstr1Json['b2cs'] {
  const rows = new Map<string, TaxFigures & SupplyKey>();
  const add = (key: SupplyKey, tax: TaxFigures, sign: number) => {
    if (key.gstRateBp === 0) return;
    const { placeOfSupply, interState, gstRateBp } = key;
    const row = rows.get(supplyKey(key)) ?? { ...emptyTax(), placeOfSupply, interState, gstRateBp };
    addTax(row, tax, sign);
    rows.set(supplyKey(key), row);
  };
  for (const row of supplies.filter((supply) => !supply.registered)) add(row, row, 1);
  for (const invoice of b2cl)
    for (const line of invoice.lines) add({ ...invoice, gstRateBp: line.gstRateBp }, line, -1);
  for (const note of cdnur)
    for (const line of note.lines) add({ ...note.original, gstRateBp: line.gstRateBp }, line, 1);
  return [...rows.values()]
    .filter((row) => row.taxablePaise !== 0)
    .sort((a, b) => a.placeOfSupply.localeCompare(b.placeOfSupply) || a.gstRateBp - b.gstRateBp)
    .map((row) => ({
      sply_ty: row.interState ? ('INTER' as const) : ('INTRA' as const),
      pos: row.placeOfSupply,
      typ: 'OE' as const,
      rt: rate(row.gstRateBp),
      ...portalTax(row),
    }));
}

const NIL_ORDER = ['INTRB2B', 'INTRAB2B', 'INTRB2C', 'INTRAB2C'] as const;

/** Table 8: Galla's items carry a rate, not an exemption, so 0 % sales are nil-rated; exempt and non-GST stay 0. */
function nilRated(supplies: Gstr1SupplyRow[]): Gstr1Json['nil'] {
  const amounts = new Map<(typeof NIL_ORDER)[number], number>();
  for (const row of supplies.filter((supply) => supply.gstRateBp === 0)) {
    const type = `${row.interState ? 'INTR' : 'INTRA'}${row.registered ? 'B2B' : 'B2C'}` as const;
    amounts.set(type, (amounts.get(type) ?? 0) + row.taxablePaise);
  }
  return {
    inv: NIL_ORDER.filter((type) => (amounts.get(type) ?? 0) !== 0).map((type) => ({
      sply_ty: type,
      nil_amt: rupees(amounts.get(type)!),
      expt_amt: 0,
      ngsup_amt: 0,
    })),
  };
}

/** Table 12 rows per HSN, unit and rate, in HSN then numeric rate order. */
function hsnRows(rows: Gstr1HsnSource[]): Gstr1HsnRow[] {
  const sums = new Map<string, Gstr1HsnSource>();
  for (const row of rows) {
    const key = JSON.stringify([row.hsn, row.unit, row.gstRateBp]);
    const sum = sums.get(key) ?? { ...row, ...emptyTax(), qtyMilli: 0 };
    addTax(sum, row);
    sum.qtyMilli += row.qtyMilli;
    sums.set(key, sum);
  }
  return [...sums.values()]
    .filter((row) => row.taxablePaise !== 0 || row.qtyMilli !== 0)
    .sort((a, b) => a.hsn.localeCompare(b.hsn) || a.gstRateBp - b.gstRateBp || a.unit.localeCompare(b.unit))
    .map((row, index) => ({
      num: index + 1,
      hsn_sc: row.hsn,
      desc: row.description.trim().slice(0, HSN_DESCRIPTION_MAX).trimEnd(),
      uqc: UQC[row.unit] ?? 'OTH',
      qty: row.qtyMilli / 1000,
      rt: rate(row.gstRateBp),
      ...portalTax(row),
    }));
}

function hsnSummary(month: string, rows: Gstr1HsnSource[]): Gstr1Json['hsn'] {
  if (month < HSN_SPLIT_FROM) return { data: hsnRows(rows) };
  return {
    hsn_b2b: hsnRows(rows.filter((row) => row.registered)),
    hsn_b2c: hsnRows(rows.filter((row) => !row.registered)),
  };
}

export function buildGstr1(input: Gstr1Source): Gstr1Json {
  const [year, month] = input.month.split('-');
  const withTax = <T extends { lines: TaxRateRow[] }>(document: T) => taxed(document.lines).length > 0;
  const registered = input.invoices.filter((invoice) => invoice.ctin !== null && withTax(invoice));
  const large = input.invoices.filter((invoice) => isB2cl(invoice) && withTax(invoice));
  const registeredNotes = input.creditNotes.filter((note) => note.original.ctin !== null && withTax(note));
  const largeNotes = input.creditNotes.filter((note) => isB2cl(note.original) && withTax(note));

  return {
    gstin: input.gstin,
    fp: `${month}${year}`,
    b2b: groupBy(registered, (invoice) => invoice.ctin!, byDateAndNumber).map(([ctin, invoices]) => ({
      ctin,
      inv: invoices.map((invoice) => ({
        inum: invoice.number,
        idt: portalDate(invoice.date),
        val: rupees(invoice.valuePaise),
        pos: invoice.placeOfSupply,
        rchrg: 'N' as const,
        inv_typ: 'R' as const,
        itms: itemsByRate(invoice.lines),
      })),
    })),
    b2cl: groupBy(large, (invoice) => invoice.placeOfSupply, byDateAndNumber).map(([pos, invoices]) => ({
      pos,
      inv: invoices.map((invoice) => ({
        inum: invoice.number,
        idt: portalDate(invoice.date),
        val: rupees(invoice.valuePaise),
        itms: igstItemsByRate(invoice.lines),
      })),
    })),
    b2cs: b2csRows(input.supplies, large, largeNotes),
    cdnr: groupBy(registeredNotes, (note) => note.original.ctin!, byDateAndNumber).map(([ctin, notes]) => ({
      ctin,
      nt: notes.map((note) => ({
        ntty: 'C' as const,
        nt_num: note.number,
        nt_dt: portalDate(note.date),
        val: rupees(note.valuePaise),
        pos: note.original.placeOfSupply,
        rchrg: 'N' as const,
        inv_typ: 'R' as const,
        itms: itemsByRate(note.lines),
      })),
    })),
    cdnur: [...largeNotes].sort(byDateAndNumber).map((note) => ({
      typ: 'B2CL' as const,
      ntty: 'C' as const,
      nt_num: note.number,
      nt_dt: portalDate(note.date),
      val: rupees(note.valuePaise),
      pos: note.original.placeOfSupply,
      itms: igstItemsByRate(note.lines),
    })),
    nil: nilRated(input.supplies),
    hsn: hsnSummary(input.month, input.hsn),
    doc_issue: documentsIssued(input.documents),
  };
}
