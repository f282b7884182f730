// GST summary by rate and by HSN (net of returns) from the GST summaries, and the month's GSTR-1 for the portal's offline
// tool: invoices that may be listed one by one (B2B, B2C Large) and their credit notes are read whole, the rest as sums.
import { eq, sql } from 'drizzle-orm';
import { Invalid } from '../../src-shared/errors';
import type { Gstr1Input, ReportRange } from '../../src-shared/contracts/reports';
import type { Gstr1Json } from '../../src-shared/contracts/gstr1';
import type { GstSummary } from '../../src-shared/contracts/tax';
import {
  b2clLimitPaise,
  buildGstr1,
  type Gstr1CreditNote,
  type Gstr1HsnSource,
  type Gstr1Invoice,
  type Gstr1SupplyRow,
} from '../../src-shared/gst/gstr1';
import { summariseGst, type GstRegisterLine } from '../../src-shared/gst/summary';
import type { ServerDb } from '../db/connection';
import { shops } from '../accounts/schema';
import { reportRows } from './query';
import { reportCreditNote, reportInvoice } from './documents';

const TAX = ['taxablePaise', 'igstPaise', 'cgstPaise', 'sgstPaise', 'cessPaise'] as const;
const taxSums = sql.raw(
  `SUM(taxable_paise) AS "taxablePaise", SUM(igst_paise) AS "igstPaise", SUM(cgst_paise) AS "cgstPaise", SUM(sgst_paise) AS "sgstPaise", SUM(cess_paise) AS "cessPaise"`,
);
const inRange = (shopId: string, range: ReportRange) =>
  sql`shop_id = ${shopId} AND business_date BETWEEN ${range.from} AND ${range.to}`;

/** The shop's GST register over the range, already net of returns in the summaries: one row per HSN, unit and rate. */
function gstRegister(tx: ServerDb, shopId: string, range: ReportRange): Promise<GstRegisterLine[]> {
  return reportRows<GstRegisterLine>(
    tx,
    sql`SELECT hsn, unit, gst_rate_bp AS "gstRateBp", SUM(qty_milli) AS "qtyMilli", SUM(value_paise) AS "valuePaise", ${taxSums}
        FROM report_gst_daily WHERE ${inRange(shopId, range)} GROUP BY hsn, unit, gst_rate_bp`,
    ['gstRateBp', 'qtyMilli', 'valuePaise', ...TAX],
  );
}

/** By rate, by HSN and in total, summed the way the counter sums its own (src-shared/gst/summary.ts). */
export async function gstSummary(tx: ServerDb, shopId: string, range: ReportRange): Promise<GstSummary> {
  return summariseGst(await gstRegister(tx, shopId, range));
}

function monthRange(month: string): ReportRange {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** A GSTR-1 is filed under the shop's own GSTIN, so it comes from the shop record, never from the request. */
async function shopGstin(tx: ServerDb, shopId: string): Promise<string> {
  const [shop] = await tx.select({ gstin: shops.gstin }).from(shops).where(eq(shops.id, shopId));
  if (!shop?.gstin)
    throw new Invalid("Add the shop's GSTIN on the Shop settings page first: the GSTR-1 is filed under it.");
  return shop.gstin;
}

/** The lowest B2C (Large) limit ever in force: invoices above it are read one by one, the rest only as sums. */
const LISTED_FROM_PAISE = Math.min(b2clLimitPaise('2024-07-31'), b2clLimitPaise('2024-08-01'));
/** Invoices the return may list one by one: to a registered buyer, or inter-state to an unregistered one above the limit. */
const listed = (alias: string) =>
  sql.raw(
    `(COALESCE(${alias}.payload->'invoice'->>'partyGstin', '') <> '' OR (${alias}.payload->'invoice'->>'interState' = 'true' AND ${alias}.total_paise > ${LISTED_FROM_PAISE}))`,
  );

function listedInvoice(row: { number: string; date: string; totalPaise: number; payload: unknown }) {
  const { invoice, lines } = reportInvoice.parse(row.payload);
  return {
    document: {
      number: row.number,
      date: row.date,
      valuePaise: row.totalPaise,
      placeOfSupply: invoice.placeOfSupply,
      interState: invoice.interState,
      ctin: invoice.partyGstin || null,
    },
    lines,
  };
}

type ListedRow = { number: string; date: string; totalPaise: number; payload: unknown };

async function listedInvoices(tx: ServerDb, shopId: string, range: ReportRange): Promise<Gstr1Invoice[]> {
  const rows = await reportRows<ListedRow>(
    tx,
    sql`SELECT i.number, to_char(i.business_date, 'YYYY-MM-DD') AS "date", i.total_paise AS "totalPaise", i.payload
        FROM invoices i WHERE i.shop_id = ${shopId} AND i.business_date BETWEEN ${range.from} AND ${range.to} AND ${listed('i')}`,
    ['totalPaise'],
  );
  return rows.map((row) => {
    const { document, lines } = listedInvoice(row);
    return { ...document, lines };
  });
}

/** Credit notes of the month against listed invoices, each with the invoice it reverses (of any month). */
async function listedCreditNotes(tx: ServerDb, shopId: string, range: ReportRange): Promise<Gstr1CreditNote[]> {
  const rows = await reportRows<{
    number: string;
    date: string;
    totalPaise: number;
    payload: unknown;
    invoice: ListedRow;
  }>(
    tx,
    sql`SELECT n.number, to_char(n.business_date, 'YYYY-MM-DD') AS "date", n.total_paise AS "totalPaise", n.payload,
          json_build_object('number', i.number, 'date', to_char(i.business_date, 'YYYY-MM-DD'), 'totalPaise', i.total_paise, 'payload', i.payload) AS "invoice"
        FROM credit_notes n JOIN invoices i ON i.shop_id = n.shop_id AND i.id = n.invoice_id
        WHERE n.shop_id = ${shopId} AND n.business_date BETWEEN ${range.from} AND ${range.to} AND ${listed('i')}`,
    ['totalPaise'],
  );
  return rows.map((row) => {
    const { document: original, lines: sold } = listedInvoice({
      ...row.invoice,
      totalPaise: Number(row.invoice.totalPaise),
    });
    const rateOf = new Map(sold.map((line) => [line.id, line.gstRateBp]));
    const { lines } = reportCreditNote.parse(row.payload);
    return {
      number: row.number,
      date: row.date,
      valuePaise: row.totalPaise,
      original,
      lines: lines.map((line) => ({ ...line, gstRateBp: rateOf.get(line.invoiceLineId) ?? 0 })),
    };
  });
}

/** Sales net of returns by kind of buyer, place of supply and rate, from the GST summaries. */
async function supplies(tx: ServerDb, shopId: string, range: ReportRange): Promise<Gstr1SupplyRow[]> {
  const rows = await reportRows<Omit<Gstr1SupplyRow, 'registered'> & { supply: 'b2b' | 'b2c' }>(
    tx,
    sql`SELECT supply, place_of_supply AS "placeOfSupply", inter_state AS "interState", gst_rate_bp AS "gstRateBp", ${taxSums}
        FROM report_gst_daily WHERE ${inRange(shopId, range)} GROUP BY 1, 2, 3, 4`,
    ['gstRateBp', ...TAX],
  );
  return rows.map(({ supply, ...row }) => ({ ...row, registered: supply === 'b2b' }));
}

/**
 * Table 12 by kind of buyer, HSN, unit and rate. Galla keeps no HSN master, so an HSN's description is the name of the
 * item under it that sold most in the month (the item's own name as the shop keeps it).
 */
async function hsnSummary(tx: ServerDb, shopId: string, range: ReportRange): Promise<Gstr1HsnSource[]> {
  const rows = await reportRows<Omit<Gstr1HsnSource, 'registered' | 'description'> & { supply: 'b2b' | 'b2c' }>(
    tx,
    sql`SELECT supply, hsn, unit, gst_rate_bp AS "gstRateBp", SUM(qty_milli) AS "qtyMilli", ${taxSums}
        FROM report_gst_daily WHERE ${inRange(shopId, range)} GROUP BY 1, 2, 3, 4`,
    ['gstRateBp', 'qtyMilli', ...TAX],
  );
  const names = await reportRows<{ hsn: string; name: string }>(
    tx,
    sql`SELECT DISTINCT ON (hsn) hsn, name FROM (
          SELECT COALESCE(i.payload->>'hsn', '') AS hsn, i.name, SUM(d.taxable_paise) AS sold
          FROM report_items_daily d JOIN items i ON i.shop_id = d.shop_id AND i.id = d.item_id
          WHERE d.shop_id = ${shopId} AND d.business_date BETWEEN ${range.from} AND ${range.to}
          GROUP BY 1, 2) sold_items
        ORDER BY hsn, sold DESC, name`,
    [],
  );
  const description = new Map(names.map((row) => [row.hsn, row.name]));
  return rows.map(({ supply, ...row }) => ({
    ...row,
    registered: supply === 'b2b',
    description: description.get(row.hsn) ?? '',
  }));
}

async function documentNumbers(tx: ServerDb, shopId: string, range: ReportRange) {
  const numbers = (table: 'invoices' | 'credit_notes') =>
    reportRows<{ number: string }>(
      tx,
      sql`SELECT number FROM ${sql.raw(table)} WHERE ${inRange(shopId, range)}`,
      [],
    ).then((rows) => rows.map((row) => row.number));
  return { invoices: await numbers('invoices'), creditNotes: await numbers('credit_notes') };
}

export async function gstr1(tx: ServerDb, shopId: string, input: Gstr1Input): Promise<Gstr1Json> {
  const gstin = await shopGstin(tx, shopId);
  const range = monthRange(input.month);
  return buildGstr1({
    gstin,
    month: input.month,
    invoices: await listedInvoices(tx, shopId, range),
    creditNotes: await listedCreditNotes(tx, shopId, range),
    supplies: await supplies(tx, shopId, range),
    hsn: await hsnSummary(tx, shopId, range),
    documents: await documentNumbers(tx, shopId, range),
  });
}
