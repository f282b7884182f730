// Drill-down: the invoices behind a report row (by day, hour, counter, staff or item), one invoice in full, and returns.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { NotFound } from '../../src-shared/errors';
import type { InvoiceListInput, ReportRange } from '../../src-shared/contracts/reports';
import type { InvoiceDetail, InvoiceList, InvoiceRow } from '../../src-shared/contracts/owner-reports';
import type { ReturnRow } from '../../src-shared/contracts/report-rows';
import type { ServerDb } from '../db/connection';
import { counters } from '../accounts/schema';
import { invoices, payments, creditNotes } from '../documents/schema';
import { reportRows } from './query';

/** Shop-local hour of counter_created_at, the same rule the summaries use (server/reports/documents.ts). */
const LOCAL_HOUR = sql.raw(`extract(hour FROM (i.counter_created_at::timestamptz AT TIME ZONE 'Asia/Kolkata'))::int`);

export async function listInvoices(tx: ServerDb, shopId: string, input: InvoiceListInput): Promise<InvoiceList> {
  const filters: SQL[] = [sql`i.shop_id = ${shopId}`, sql`i.business_date BETWEEN ${input.from} AND ${input.to}`];
  if (input.counterId) filters.push(sql`i.counter_id = ${input.counterId}`);
  if (input.staffId) filters.push(sql`i.staff_id = ${input.staffId}`);
  if (input.hour !== undefined) filters.push(sql`${LOCAL_HOUR} = ${input.hour}`);
  if (input.itemId)
    filters.push(
      sql`EXISTS (SELECT 1 FROM invoice_lines l WHERE l.shop_id = i.shop_id AND l.invoice_id = i.id AND l.item_id = ${input.itemId})`,
    );
  const where = sql.join(filters, sql` AND `);
  const rows = await reportRows<InvoiceRow>(
    tx,
    sql`SELECT i.id, i.number, to_char(i.business_date, 'YYYY-MM-DD') AS "date", i.counter_created_at AS "createdAt", COALESCE(c.counter_code, '') AS "counterCode",
          i.staff_id AS "staffId", COALESCE(i.payload->'invoice'->>'partyName', '') AS "partyName", i.taxable_paise AS "taxablePaise",
          i.cgst_paise + i.sgst_paise + i.igst_paise + i.cess_paise AS "taxPaise", i.total_paise AS "totalPaise", i.khata_paise AS "khataPaise"
        FROM invoices i LEFT JOIN counters c ON c.id = i.counter_id
        WHERE ${where} ORDER BY i.business_date DESC, i.counter_created_at DESC, i.number DESC LIMIT ${input.limit} OFFSET ${input.offset}`,
    ['taxablePaise', 'taxPaise', 'totalPaise', 'khataPaise'],
  );
  const [count] = await reportRows<{ total: number }>(
    tx,
    sql`SELECT count(*) AS "total" FROM invoices i WHERE ${where}`,
    ['total'],
  );
  return { rows, total: count!.total };
}

/** One invoice as its counter finalised it (the synced payload), with the counter's name and any returns against it. */
export async function invoiceDetail(tx: ServerDb, shopId: string, id: string): Promise<InvoiceDetail> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.shopId, shopId), eq(invoices.id, id)));
  if (!row) throw new NotFound('No such invoice in this shop.');
  const [counter] = await tx
    .select({ name: counters.name, counterCode: counters.counterCode })
    .from(counters)
    .where(and(eq(counters.shopId, shopId), eq(counters.id, row.counterId)));
  const paid = await tx
    .select({ mode: payments.mode, amountPaise: payments.amountPaise })
    .from(payments)
    .where(and(eq(payments.shopId, shopId), eq(payments.docId, id)));
  const returns = await tx
    .select({
      id: creditNotes.id,
      number: creditNotes.number,
      totalPaise: creditNotes.totalPaise,
      businessDate: creditNotes.businessDate,
    })
    .from(creditNotes)
    .where(and(eq(creditNotes.shopId, shopId), eq(creditNotes.invoiceId, id)));
  const { payload, ...columns } = row;
  const document = payload as { invoice?: Record<string, unknown>; lines?: Record<string, unknown>[] };
  return {
    ...columns,
    counterName: counter?.name ?? '',
    counterCode: counter?.counterCode ?? '',
    header: document.invoice ?? {},
    lines: document.lines ?? [],
    payments: paid,
    returns,
  };
}

/** A credit note's taxes are in its synced payload only; older counters may not have sent every one. */
const NOTE_TAX = sql.raw(
  ['cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise']
    .map((key) => `COALESCE((n.payload->'creditNote'->>'${key}')::bigint, 0)`)
    .join(' + '),
);

/** Newest first; capped so a years-wide range cannot flood the page (the totals come from the sales report). */
export function listReturns(tx: ServerDb, shopId: string, range: ReportRange): Promise<ReturnRow[]> {
  return reportRows<ReturnRow>(
    tx,
    sql`SELECT n.id, n.number, to_char(n.business_date, 'YYYY-MM-DD') AS "date", n.counter_created_at AS "createdAt",
          COALESCE(i.number, '') AS "invoiceNumber", COALESCE(i.payload->'invoice'->>'partyName', '') AS "partyName",
          COALESCE(n.payload->>'staffName', '') AS "staffName", COALESCE(n.payload->'creditNote'->>'reason', '') AS "reason", n.refund_mode AS "refundMode",
          n.taxable_paise AS "taxablePaise", ${NOTE_TAX} AS "taxPaise", n.total_paise AS "totalPaise"
        FROM credit_notes n LEFT JOIN invoices i ON i.shop_id = n.shop_id AND i.id = n.invoice_id
        WHERE n.shop_id = ${shopId} AND n.business_date BETWEEN ${range.from} AND ${range.to} ORDER BY n.counter_created_at DESC, n.number DESC LIMIT 5000`,
    ['taxablePaise', 'taxPaise', 'totalPaise'],
  );
}
