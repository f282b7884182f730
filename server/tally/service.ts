// The Tally export over a shop's synced documents: reads the range's sales, returns, purchases, debit notes, khata
// receipts and supplier payments in the caller's shop transaction, posts them with the shop's ledger mapping, and
// writes the XML. The ledger mapping is kept per shop in tally_ledger_maps.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  mergeTallyLedgers,
  tallyLedgerRow,
  type TallyExportInput,
  type TallyLedgerMap,
  type TallyLedgerRow,
} from '../../src-shared/contracts/tally';
import type { ReportFile } from '../../src-shared/contracts/owner-reports';
import { shopDate } from '../../src-shared/shop-time';
import { takenByMode } from '../../src-shared/sales/taken-by-mode';
import {
  tallyVouchers,
  type ModeAmount,
  type MoneyDocument,
  type PurchaseDocument,
  type PurchaseReturnDocument,
  type SaleDocument,
  type SaleReturnDocument,
  type TallyBooks,
  type TaxLine,
} from '../../src-shared/tally/vouchers';
import type { ServerDb } from '../db/connection';
import { reportCreditNote, reportInvoice } from '../reports/documents';
import { reportRows } from '../reports/query';
import { tallyLedgerMaps } from './schema';
import { tallyXml } from './xml';

const savedRows = z.array(tallyLedgerRow).catch([]);

/** The shop's mapping: what it saved over the defaults (a shop that never saved sees the defaults). */
export async function tallyLedgers(tx: ServerDb, shopId: string): Promise<TallyLedgerMap> {
  const [saved] = await tx.select().from(tallyLedgerMaps).where(eq(tallyLedgerMaps.shopId, shopId));
  return { rows: mergeTallyLedgers(saved ? savedRows.parse(saved.rows) : []) };
}

export async function saveTallyLedgers(tx: ServerDb, shopId: string, map: TallyLedgerMap): Promise<TallyLedgerMap> {
  await tx
    .insert(tallyLedgerMaps)
    .values({ shopId, rows: map.rows })
    .onConflictDoUpdate({ target: tallyLedgerMaps.shopId, set: { rows: map.rows, updatedAt: new Date() } });
  return tallyLedgers(tx, shopId);
}

type Range = TallyExportInput;
const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
const inRange = (alias: string, shopId: string, range: Range) =>
  sql`${sql.raw(alias)}.shop_id = ${shopId} AND ${sql.raw(alias)}.business_date BETWEEN ${range.from} AND ${range.to}`;

/** Money by mode for each document of the given kind, as the payments table holds it. */
async function paymentsOf(tx: ServerDb, shopId: string, docType: string, range: Range, table: string) {
  const rows = await reportRows<{ docId: string; mode: string; amountPaise: number }>(
    tx,
    sql`SELECT p.doc_id AS "docId", p.mode, p.amount_paise AS "amountPaise"
        FROM payments p JOIN ${sql.raw(table)} d ON d.shop_id = p.shop_id AND d.id = p.doc_id
        WHERE p.doc_type = ${docType} AND ${inRange('d', shopId, range)}`,
    ['amountPaise'],
  );
  const byDoc = new Map<string, { mode: string; amountPaise: number }[]>();
  for (const row of rows) byDoc.set(row.docId, [...(byDoc.get(row.docId) ?? []), row]);
  return byDoc;
}

const asModes = (taken: Map<string, number>): ModeAmount[] => [...taken].map(([mode, paise]) => ({ mode, paise }));

const partyName = (fromDocument: string, fromParty: string | null) => fromDocument.trim() || fromParty || null;

async function sales(tx: ServerDb, shopId: string, range: Range): Promise<SaleDocument[]> {
  const rows = await reportRows<{
    id: string;
    date: string;
    totalPaise: number;
    payload: unknown;
    name: string | null;
  }>(
    tx,
    sql`SELECT i.id, ${day('i.business_date')} AS "date", i.total_paise AS "totalPaise", i.payload, p.name
        FROM invoices i LEFT JOIN parties p ON p.shop_id = i.shop_id AND p.id = i.party_id
        WHERE ${inRange('i', shopId, range)}`,
    ['totalPaise'],
  );
  const paid = await paymentsOf(tx, shopId, 'invoice', range, 'invoices');
  return rows.map((row) => {
    const { invoice, lines } = reportInvoice.parse(row.payload);
    return {
      number: invoice.number,
      date: row.date,
      party: { name: partyName(invoice.partyName, row.name), gstin: invoice.partyGstin || null },
      lines,
      totalPaise: row.totalPaise,
      taken: asModes(takenByMode(paid.get(row.id) ?? [], invoice.changePaise)),
    };
  });
}

async function saleReturns(tx: ServerDb, shopId: string, range: Range): Promise<SaleReturnDocument[]> {
  const rows = await reportRows<{
    id: string;
    number: string;
    date: string;
    totalPaise: number;
    payload: unknown;
    invoicePayload: unknown;
    invoiceDate: string;
    name: string | null;
  }>(
    tx,
    sql`SELECT n.id, n.number, ${day('n.business_date')} AS "date", n.total_paise AS "totalPaise", n.payload,
          i.payload AS "invoicePayload", ${day('i.business_date')} AS "invoiceDate", p.name
        FROM credit_notes n JOIN invoices i ON i.shop_id = n.shop_id AND i.id = n.invoice_id
        LEFT JOIN parties p ON p.shop_id = i.shop_id AND p.id = i.party_id
        WHERE ${inRange('n', shopId, range)}`,
    ['totalPaise'],
  );
  const refunded = await paymentsOf(tx, shopId, 'credit_note', range, 'credit_notes');
  return rows.map((row) => {
    const sold = reportInvoice.parse(row.invoicePayload);
    const rateOf = new Map(sold.lines.map((line) => [line.id, line.gstRateBp]));
    const { lines } = reportCreditNote.parse(row.payload);
    return {
      number: row.number,
      date: row.date,
      invoiceNumber: sold.invoice.number,
      invoiceDate: row.invoiceDate,
      party: { name: partyName(sold.invoice.partyName, row.name), gstin: sold.invoice.partyGstin || null },
      lines: lines.map((line) => ({ ...line, gstRateBp: rateOf.get(line.invoiceLineId) ?? 0 })),
      totalPaise: row.totalPaise,
      taken: asModes(takenByMode(refunded.get(row.id) ?? [], 0)),
    };
  });
}

const TAX_COLUMNS = sql.raw(
  `l.taxable_paise AS "taxablePaise", l.cgst_paise AS "cgstPaise", l.sgst_paise AS "sgstPaise", l.igst_paise AS "igstPaise", l.cess_paise AS "cessPaise"`,
);
const TAX_NUMBERS = ['gstRateBp', 'taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const;

async function linesBy(tx: ServerDb, query: ReturnType<typeof sql>): Promise<Map<string, TaxLine[]>> {
  const rows = await reportRows<TaxLine & { docId: string }>(tx, query, [...TAX_NUMBERS]);
  const byDoc = new Map<string, TaxLine[]>();
  for (const { docId, ...line } of rows) byDoc.set(docId, [...(byDoc.get(docId) ?? []), line]);
  return byDoc;
}

async function purchases(tx: ServerDb, shopId: string, range: Range): Promise<PurchaseDocument[]> {
  const bills = await reportRows<{
    id: string;
    number: string;
    date: string;
    name: string | null;
    gstin: string | null;
    supplierInvoiceNumber: string;
    supplierInvoiceDate: string;
    reverseCharge: boolean;
    freightPaise: number;
    totalPaise: number;
  }>(
    tx,
    sql`SELECT b.id, b.number, ${day('b.business_date')} AS "date", p.name, b.supplier_gstin AS "gstin",
          b.supplier_invoice_number AS "supplierInvoiceNumber", ${day('b.supplier_invoice_date')} AS "supplierInvoiceDate",
          b.reverse_charge AS "reverseCharge", b.freight_paise AS "freightPaise", b.total_paise AS "totalPaise"
        FROM purchase_bills b LEFT JOIN parties p ON p.shop_id = b.shop_id AND p.id = b.supplier_id
        WHERE ${inRange('b', shopId, range)}`,
    ['freightPaise', 'totalPaise'],
  );
  const lines = await linesBy(
    tx,
    sql`SELECT l.purchase_bill_id AS "docId", l.gst_rate_bp AS "gstRateBp", ${TAX_COLUMNS}
        FROM purchase_bill_lines l JOIN purchase_bills b ON b.shop_id = l.shop_id AND b.id = l.purchase_bill_id
        WHERE ${inRange('b', shopId, range)} ORDER BY l.line_no`,
  );
  const paid = await reportRows<{ billId: string; mode: string; paise: number }>(
    tx,
    sql`SELECT p.purchase_bill_id AS "billId", p.mode, p.amount_paise AS "paise"
        FROM purchase_bill_payments p JOIN purchase_bills b ON b.shop_id = p.shop_id AND b.id = p.purchase_bill_id
        WHERE ${inRange('b', shopId, range)}`,
    ['paise'],
  );
  return bills.map(({ id, name, gstin, ...bill }) => ({
    ...bill,
    supplier: { name, gstin },
    lines: lines.get(id) ?? [],
    paid: paid.filter((row) => row.billId === id),
  }));
}

async function purchaseReturns(tx: ServerDb, shopId: string, range: Range): Promise<PurchaseReturnDocument[]> {
  const notes = await reportRows<{
    id: string;
    number: string;
    date: string;
    name: string | null;
    gstin: string | null;
    billNumber: string;
    billDate: string;
    reverseCharge: boolean;
    totalPaise: number;
  }>(
    tx,
    sql`SELECT n.id, n.number, ${day('n.business_date')} AS "date", p.name, n.supplier_gstin AS "gstin",
          b.supplier_invoice_number AS "billNumber", ${day('b.supplier_invoice_date')} AS "billDate",
          n.reverse_charge AS "reverseCharge", n.total_paise AS "totalPaise"
        FROM debit_notes n JOIN purchase_bills b ON b.shop_id = n.shop_id AND b.id = n.purchase_bill_id
        LEFT JOIN parties p ON p.shop_id = n.shop_id AND p.id = n.supplier_id
        WHERE ${inRange('n', shopId, range)}`,
    ['totalPaise'],
  );
  const lines = await linesBy(
    tx,
    sql`SELECT l.debit_note_id AS "docId", b.gst_rate_bp AS "gstRateBp", ${TAX_COLUMNS}
        FROM debit_note_lines l JOIN debit_notes n ON n.shop_id = l.shop_id AND n.id = l.debit_note_id
        JOIN purchase_bill_lines b ON b.shop_id = l.shop_id AND b.id = l.purchase_bill_line_id
        WHERE ${inRange('n', shopId, range)}`,
  );
  return notes.map(({ id, name, gstin, ...note }) => ({
    ...note,
    supplier: { name, gstin },
    lines: lines.get(id) ?? [],
  }));
}

async function money(tx: ServerDb, shopId: string, range: Range): Promise<MoneyDocument[]> {
  const rows = await reportRows<Omit<MoneyDocument, 'party'> & { name: string | null; gstin: string | null }>(
    tx,
    sql`SELECT 'receipt' AS kind, d.number, ${day('d.business_date')} AS "date", d.mode, d.amount_paise AS "amountPaise",
          p.name, p.payload->>'gstin' AS gstin, 'Khata payment' AS note
        FROM receipts d LEFT JOIN parties p ON p.shop_id = d.shop_id AND p.id = d.party_id
        WHERE ${inRange('d', shopId, range)}
        UNION ALL
        SELECT 'receiptReversal', d.number, ${day('d.business_date')}, d.mode, d.amount_paise, p.name,
          p.payload->>'gstin', 'Wrong khata receipt cancelled, money given back'
        FROM receipt_reversals d LEFT JOIN parties p ON p.shop_id = d.shop_id AND p.id = d.party_id
        WHERE ${inRange('d', shopId, range)}
        UNION ALL
        SELECT 'supplierPayment', d.number, ${day('d.business_date')}, d.mode, d.amount_paise, p.name,
          p.payload->>'gstin', CASE WHEN d.reference = '' THEN 'Payment to supplier' ELSE 'Payment to supplier, ref. ' || d.reference END
        FROM supplier_payments d LEFT JOIN parties p ON p.shop_id = d.shop_id AND p.id = d.supplier_id
        WHERE ${inRange('d', shopId, range)}`,
    ['amountPaise'],
  );
  return rows.map(({ name, gstin, ...row }) => ({ ...row, party: { name, gstin: gstin || null } }));
}

export async function tallyBooks(tx: ServerDb, shopId: string, range: Range): Promise<TallyBooks> {
  return {
    sales: await sales(tx, shopId, range),
    saleReturns: await saleReturns(tx, shopId, range),
    purchases: await purchases(tx, shopId, range),
    purchaseReturns: await purchaseReturns(tx, shopId, range),
    money: await money(tx, shopId, range),
  };
}

/** The range's vouchers as one XML file; refused whole (nothing to download) when a ledger is missing. */
export async function tallyExport(tx: ServerDb, shopId: string, range: Range): Promise<ReportFile> {
  const { rows } = await tallyLedgers(tx, shopId);
  const xml = tallyXml(tallyVouchers(rows as TallyLedgerRow[], await tallyBooks(tx, shopId, range)));
  return {
    filename: `galla-tally-vouchers-${shopDate(range.from)}-to-${shopDate(range.to)}.xml`,
    contentType: 'application/xml',
    base64: Buffer.from(xml, 'utf8').toString('base64'),
  };
}
