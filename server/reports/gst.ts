// GST summary by rate and by HSN (net of returns) from the GST summaries, and the month's GSTR-1 for the portal's offline tool.
import { eq, sql } from 'drizzle-orm';
import { Invalid } from '../../src-shared/errors';
import type { Gstr1Input, ReportRange } from '../../src-shared/contracts/reports';
import type { Gstr1Json } from '../../src-shared/contracts/gstr1';
import type { GstSummary, TaxFigures } from '../../src-shared/contracts/tax';
import { buildGstr1, type Gstr1Document } from '../../src-shared/gst/gstr1';
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

export function monthRange(month: string): ReportRange {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** B2B invoices and credit notes to registered buyers are listed one by one (there are few); the rest comes from summaries. */
/** A return is filed under the shop's own GSTIN, so it comes from the shop record, never from the request. */
export async function shopGstin(tx: ServerDb, shopId: string, returnName = 'GSTR-1'): Promise<string> {
  const [shop] = await tx.select({ gstin: shops.gstin }).from(shops).where(eq(shops.id, shopId));
  if (!shop?.gstin)
    throw new Invalid(`Add the shop's GSTIN on the Shop settings page first: the ${returnName} is filed under it.`);
  return shop.gstin;
}

export async function gstr1(tx: ServerDb, shopId: string, input: Gstr1Input): Promise<Gstr1Json> {
  const gstin = await shopGstin(tx, shopId);
  const range = monthRange(input.month);
  const b2bRows = await reportRows<{ number: string; date: string; totalPaise: number; payload: unknown }>(
    tx,
    sql`SELECT number, to_char(business_date, 'YYYY-MM-DD') AS "date", total_paise AS "totalPaise", payload FROM invoices
        WHERE ${inRange(shopId, range)} AND COALESCE(payload->'invoice'->>'partyGstin', '') <> ''`,
    ['totalPaise'],
  );
  const b2b: Gstr1Document[] = b2bRows.map((row) => {
    const { invoice, lines } = reportInvoice.parse(row.payload);
    return {
      ctin: invoice.partyGstin!,
      number: row.number,
      date: row.date,
      valuePaise: row.totalPaise,
      placeOfSupply: invoice.placeOfSupply,
      lines,
    };
  });
  const noteRows = await reportRows<{
    number: string;
    date: string;
    totalPaise: number;
    payload: unknown;
    invoicePayload: unknown;
  }>(
    tx,
    sql`SELECT n.number, to_char(n.business_date, 'YYYY-MM-DD') AS "date", n.total_paise AS "totalPaise", n.payload, i.payload AS "invoicePayload"
        FROM credit_notes n JOIN invoices i ON i.shop_id = n.shop_id AND i.id = n.invoice_id
        WHERE n.shop_id = ${shopId} AND n.business_date BETWEEN ${range.from} AND ${range.to} AND COALESCE(i.payload->'invoice'->>'partyGstin', '') <> ''`,
    ['totalPaise'],
  );
  const creditNotes: Gstr1Document[] = noteRows.map((row) => {
    const { invoice, lines: sold } = reportInvoice.parse(row.invoicePayload);
    const rateOf = new Map(sold.map((line) => [line.id, line.gstRateBp]));
    const { lines } = reportCreditNote.parse(row.payload);
    return {
      ctin: invoice.partyGstin!,
      number: row.number,
      date: row.date,
      valuePaise: row.totalPaise,
      placeOfSupply: invoice.placeOfSupply,
      lines: lines.map((line) => ({ ...line, gstRateBp: rateOf.get(line.invoiceLineId) ?? 0 })),
    };
  });
  const b2cs = await reportRows<TaxFigures & { placeOfSupply: string; interState: boolean; gstRateBp: number }>(
    tx,
    sql`SELECT place_of_supply AS "placeOfSupply", inter_state AS "interState", gst_rate_bp AS "gstRateBp", ${taxSums}
        FROM report_gst_daily WHERE ${inRange(shopId, range)} AND supply = 'b2c' GROUP BY 1, 2, 3`,
    ['gstRateBp', ...TAX],
  );
  const hsn = (await gstSummary(tx, shopId, range)).byHsn.map((row) => ({ ...row, description: '' }));
  return buildGstr1({ gstin, month: input.month, b2b, creditNotes, b2cs, hsn });
}
