// GSTR-1 as the GST portal's offline tool imports it (JSON field names as the portal spells them), from paise totals.
// Amounts are summed in paise and turned into rupees once, at the end, so no rounding creeps in.
import type { Gstr1Json } from '../contracts/gstr1';
import type { TaxFigures, TaxRateRow } from '../contracts/tax';

export interface Gstr1Document {
  /** The buyer's GSTIN. */
  ctin: string;
  number: string;
  /** YYYY-MM-DD. */
  date: string;
  valuePaise: number;
  placeOfSupply: string;
  lines: TaxRateRow[];
}

/** What a month's return is built from: the B2B documents one by one, the rest as summed rows. */
export interface Gstr1Source {
  gstin: string;
  /** YYYY-MM. */
  month: string;
  b2b: Gstr1Document[];
  /** Credit notes to registered buyers. */
  creditNotes: Gstr1Document[];
  /** Sales to unregistered buyers, net of their returns, by place of supply and rate. */
  b2cs: (TaxFigures & { placeOfSupply: string; interState: boolean; gstRateBp: number })[];
  hsn: (TaxFigures & {
    hsn: string;
    description: string;
    unit: string;
    gstRateBp: number;
    qtyMilli: number;
    valuePaise: number;
  })[];
}

/** Paise to rupees: integer paise over 100 is the double nearest the 2-decimal figure, which JSON prints exactly. */
export const rupees = (paise: number): number => paise / 100;
const rate = (gstRateBp: number): number => gstRateBp / 100;

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

function addTax(into: TaxFigures, from: TaxFigures): void {
  into.taxablePaise += from.taxablePaise;
  into.igstPaise += from.igstPaise;
  into.cgstPaise += from.cgstPaise;
  into.sgstPaise += from.sgstPaise;
  into.cessPaise += from.cessPaise;
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

/** One item row per tax rate, as the portal lists an invoice: lines of the same rate are added up. */
function itemsByRate(lines: Gstr1Document['lines']): Gstr1Json['b2b'][number]['inv'][number]['itms'] {
  const byRate = new Map<number, TaxFigures>();
  for (const line of lines) {
    const tax = byRate.get(line.gstRateBp) ?? emptyTax();
    addTax(tax, line);
    byRate.set(line.gstRateBp, tax);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([gstRateBp, tax], index) => {
      const { txval, iamt, camt, samt, csamt } = portalTax(tax);
      return { num: index + 1, itm_det: { txval, rt: rate(gstRateBp), iamt, camt, samt, csamt } };
    });
}

function byBuyer<T>(
  documents: Gstr1Document[],
  toEntry: (document: Gstr1Document) => T,
): { ctin: string; entries: T[] }[] {
  const grouped = new Map<string, T[]>();
  for (const document of [...documents].sort((a, b) => (a.date + a.number < b.date + b.number ? -1 : 1))) {
    grouped.set(document.ctin, [...(grouped.get(document.ctin) ?? []), toEntry(document)]);
  }
  return [...grouped.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ctin, entries]) => ({ ctin, entries }));
}

export function buildGstr1(input: Gstr1Source): Gstr1Json {
  const [year, month] = input.month.split('-');
  const b2b = byBuyer(input.b2b, (invoice) => ({
    inum: invoice.number,
    idt: portalDate(invoice.date),
    val: rupees(invoice.valuePaise),
    pos: invoice.placeOfSupply,
    rchrg: 'N' as const,
    inv_typ: 'R' as const,
    itms: itemsByRate(invoice.lines),
  }));
  const cdnr = byBuyer(input.creditNotes, (note) => ({
    ntty: 'C' as const,
    nt_num: note.number,
    nt_dt: portalDate(note.date),
    val: rupees(note.valuePaise),
    pos: note.placeOfSupply,
    rchrg: 'N' as const,
    inv_typ: 'R' as const,
    itms: itemsByRate(note.lines),
  }));

  const b2csRows = new Map<string, TaxFigures & { placeOfSupply: string; interState: boolean; gstRateBp: number }>();
  for (const row of input.b2cs) {
    const key = `${row.placeOfSupply}|${row.interState}|${row.gstRateBp}`;
    const sum = b2csRows.get(key) ?? {
      ...emptyTax(),
      placeOfSupply: row.placeOfSupply,
      interState: row.interState,
      gstRateBp: row.gstRateBp,
    };
    addTax(sum, row);
    b2csRows.set(key, sum);
  }
  const b2cs = [...b2csRows.values()]
    .filter((row) => row.taxablePaise !== 0)
    .sort((a, b) => (a.placeOfSupply + a.gstRateBp < b.placeOfSupply + b.gstRateBp ? -1 : 1))
    .map((row) => ({
      sply_ty: row.interState ? ('INTER' as const) : ('INTRA' as const),
      pos: row.placeOfSupply,
      typ: 'OE' as const,
      rt: rate(row.gstRateBp),
      ...portalTax(row),
    }));

  const hsnRows = new Map<string, Gstr1Source['hsn'][number]>();
  for (const row of input.hsn) {
    const key = `${row.hsn}|${row.unit}|${row.gstRateBp}`;
    const sum = hsnRows.get(key) ?? {
      ...emptyTax(),
      hsn: row.hsn,
      description: row.description,
      unit: row.unit,
      gstRateBp: row.gstRateBp,
      qtyMilli: 0,
      valuePaise: 0,
    };
    addTax(sum, row);
    sum.qtyMilli += row.qtyMilli;
    sum.valuePaise += row.valuePaise;
    hsnRows.set(key, sum);
  }
  const hsnData = [...hsnRows.values()]
    .sort((a, b) => (`${a.hsn}|${a.gstRateBp}` < `${b.hsn}|${b.gstRateBp}` ? -1 : 1))
    .map((row, index) => ({
      num: index + 1,
      hsn_sc: row.hsn,
      desc: row.description,
      uqc: UQC[row.unit] ?? 'OTH',
      qty: row.qtyMilli / 1000,
      rt: rate(row.gstRateBp),
      val: rupees(row.valuePaise),
      ...portalTax(row),
    }));

  return {
    gstin: input.gstin,
    fp: `${month}${year}`,
    b2b: b2b.map(({ ctin, entries }) => ({ ctin, inv: entries })),
    b2cs,
    hsn: { data: hsnData },
    cdnr: cdnr.map(({ ctin, entries }) => ({ ctin, nt: entries })),
  };
}
