// Keeps the report summary tables in step with sync apply: called inside the push transaction with only the documents
// that were really inserted, so a retried or duplicated push (which inserts nothing) never counts a sale twice.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ServerDb } from '../db/connection';
import { invoices } from '../documents/schema';
import {
  reportGstDaily,
  reportItemsDaily,
  reportPaymentsDaily,
  reportSalesHourly,
  reportStaff,
  reportStock,
} from './schema';
import type { BatchRows, Device } from '../sync/rows';
import { takenByMode } from '../../src-shared/sales/taken-by-mode';
import { lineCostPaise, reportCreditNote, reportInvoice, type ReportInvoiceLine } from './documents';
import { shopHour } from '../../src-shared/shop-time';

type Counts = Record<string, number>;

/** Sums deltas per key in memory first: one upsert row per key, as PostgreSQL requires of ON CONFLICT. */
class Deltas<K extends object> {
  readonly rows = new Map<string, { key: K; counts: Counts }>();
  add(key: K, counts: Counts): void {
    const id = JSON.stringify(key);
    const row = this.rows.get(id);
    if (!row) return void this.rows.set(id, { key, counts: { ...counts } });
    for (const [name, value] of Object.entries(counts)) row.counts[name] = (row.counts[name] ?? 0) + value;
  }
}

async function upsertAdding(
  tx: ServerDb,
  table: PgTable,
  target: PgColumn[],
  deltas: Deltas<object>,
  counted: Record<string, PgColumn>,
): Promise<void> {
  const values = [...deltas.rows.values()].map(({ key, counts }) => ({
    ...key,
    ...Object.fromEntries(Object.keys(counted).map((name) => [name, counts[name] ?? 0])),
  }));
  if (values.length === 0) return;
  const set: Record<string, SQL> = {};
  for (const [name, column] of Object.entries(counted))
    set[name] = sql`${column} + excluded.${sql.identifier(column.name)}`;
  const size = Math.max(1, Math.floor(60_000 / Object.keys(values[0]!).length));
  for (let i = 0; i < values.length; i += size)
    await tx
      .insert(table)
      .values(values.slice(i, i + size) as never)
      .onConflictDoUpdate({ target, set });
}

const columnsOf = <T extends PgTable>(table: T, names: (keyof T['_']['columns'])[]) =>
  Object.fromEntries(
    names.map((name) => [name, (table as unknown as Record<string, PgColumn>)[name as string]!]),
  ) as Record<string, PgColumn>;

/** Adds the batch's newly inserted documents to the summaries; ids not in insertedIds were already there. */
export async function addToSummaries(
  tx: ServerDb,
  device: Device,
  rows: BatchRows,
  insertedIds: Set<string>,
): Promise<void> {
  const shopId = device.shopId;
  const hourly = new Deltas<object>();
  const pay = new Deltas<object>();
  const itemsDaily = new Deltas<object>();
  const gst = new Deltas<object>();
  const stock = new Deltas<object>();
  const invoiceChange = new Map<string, number>();
  const staffNames = new Map<string, string>();

  for (const row of rows.invoices.filter((invoice) => insertedIds.has(invoice.id))) {
    const { invoice, lines, staffName } = reportInvoice.parse(row.payload);
    if (staffName) staffNames.set(row.staffId, staffName);
    const businessDate = row.businessDate;
    invoiceChange.set(row.id, invoice.changePaise);
    const costPaise = lines.reduce((sum, line) => sum + lineCostPaise(line.qtyMilli, line.unitCostPaise), 0);
    const taxPaise = row.cgstPaise + row.sgstPaise + row.igstPaise + row.cessPaise;
    hourly.add(
      { shopId, businessDate, hour: shopHour(invoice.createdAt), counterId: row.counterId, staffId: row.staffId },
      { invoices: 1, taxablePaise: row.taxablePaise, taxPaise, totalPaise: row.totalPaise, costPaise },
    );
    const supply = invoice.partyGstin ? 'b2b' : 'b2c';
    for (const line of lines) {
      itemsDaily.add(
        { shopId, businessDate, itemId: line.itemId },
        {
          qtyMilli: line.qtyMilli,
          taxablePaise: line.taxablePaise,
          totalPaise: line.totalPaise,
          costPaise: lineCostPaise(line.qtyMilli, line.unitCostPaise),
        },
      );
      gst.add(gstKey(shopId, businessDate, supply, invoice, line), {
        qtyMilli: line.qtyMilli,
        valuePaise: line.totalPaise,
        taxablePaise: line.taxablePaise,
        igstPaise: line.igstPaise,
        cgstPaise: line.cgstPaise,
        sgstPaise: line.sgstPaise,
        cessPaise: line.cessPaise,
      });
    }
  }

  const newNotes = rows.creditNotes.filter((note) => insertedIds.has(note.id));
  const sold = await soldInvoices(
    tx,
    shopId,
    newNotes.map((note) => note.invoiceId),
  );
  for (const row of newNotes) {
    const { creditNote, lines, staffName } = reportCreditNote.parse(row.payload);
    if (staffName && creditNote.staffId) staffNames.set(creditNote.staffId, staffName);
    const original = sold.get(row.invoiceId);
    const businessDate = row.businessDate;
    let costPaise = 0;
    for (const line of lines) {
      const soldLine = original?.lines.get(line.invoiceLineId);
      const lineCost = lineCostPaise(line.qtyMilli, soldLine?.unitCostPaise ?? 0);
      costPaise += lineCost;
      itemsDaily.add(
        { shopId, businessDate, itemId: line.itemId },
        {
          returnQtyMilli: line.qtyMilli,
          returnTaxablePaise: line.taxablePaise,
          returnTotalPaise: line.totalPaise,
          returnCostPaise: lineCost,
        },
      );
      const supply = original?.invoice.partyGstin ? 'b2b' : 'b2c';
      const key = gstKey(
        shopId,
        businessDate,
        supply,
        original?.invoice ?? { placeOfSupply: '', interState: false },
        soldLine ?? { hsn: '', unit: 'pcs', gstRateBp: 0 },
      );
      gst.add(key, {
        qtyMilli: -line.qtyMilli,
        valuePaise: -line.totalPaise,
        taxablePaise: -line.taxablePaise,
        igstPaise: -line.igstPaise,
        cgstPaise: -line.cgstPaise,
        sgstPaise: -line.sgstPaise,
        cessPaise: -line.cessPaise,
      });
    }
    hourly.add(
      {
        shopId,
        businessDate,
        hour: shopHour(creditNote.createdAt),
        counterId: row.counterId,
        staffId: creditNote.staffId,
      },
      {
        returns: 1,
        returnTaxablePaise: row.taxablePaise,
        returnTotalPaise: row.totalPaise,
        returnCostPaise: costPaise,
      },
    );
  }

  addPayments(pay, shopId, rows, insertedIds, invoiceChange);

  for (const movement of rows.stockMovements)
    if (insertedIds.has(movement.id)) stock.add({ shopId, itemId: movement.itemId }, { stockMilli: movement.qtyMilli });

  const h = reportSalesHourly;
  await upsertAdding(
    tx,
    h,
    [h.shopId, h.businessDate, h.hour, h.counterId, h.staffId],
    hourly,
    columnsOf(h, [
      'invoices',
      'taxablePaise',
      'taxPaise',
      'totalPaise',
      'costPaise',
      'returns',
      'returnTaxablePaise',
      'returnTotalPaise',
      'returnCostPaise',
    ]),
  );
  const p = reportPaymentsDaily;
  await upsertAdding(
    tx,
    p,
    [p.shopId, p.businessDate, p.counterId, p.mode],
    pay,
    columnsOf(p, ['inPaise', 'outPaise', 'count']),
  );
  const i = reportItemsDaily;
  await upsertAdding(
    tx,
    i,
    [i.shopId, i.businessDate, i.itemId],
    itemsDaily,
    columnsOf(i, [
      'qtyMilli',
      'taxablePaise',
      'totalPaise',
      'costPaise',
      'returnQtyMilli',
      'returnTaxablePaise',
      'returnTotalPaise',
      'returnCostPaise',
    ]),
  );
  const g = reportGstDaily;
  await upsertAdding(
    tx,
    g,
    [g.shopId, g.businessDate, g.supply, g.placeOfSupply, g.interState, g.hsn, g.unit, g.gstRateBp],
    gst,
    columnsOf(g, ['qtyMilli', 'valuePaise', 'taxablePaise', 'igstPaise', 'cgstPaise', 'sgstPaise', 'cessPaise']),
  );
  await rememberStaffNames(tx, shopId, staffNames);
  await upsertAdding(
    tx,
    reportStock,
    [reportStock.shopId, reportStock.itemId],
    stock,
    columnsOf(reportStock, ['stockMilli']),
  );
}

function gstKey(
  shopId: string,
  businessDate: string,
  supply: 'b2b' | 'b2c',
  invoice: { placeOfSupply: string; interState: boolean },
  line: Pick<ReportInvoiceLine, 'hsn' | 'unit' | 'gstRateBp'>,
) {
  return {
    shopId,
    businessDate,
    supply,
    placeOfSupply: invoice.placeOfSupply,
    interState: invoice.interState,
    hsn: line.hsn,
    unit: line.unit,
    gstRateBp: line.gstRateBp,
  };
}

/** The invoices returns were made against (already stored, or inserted earlier in this transaction), with lines by id. */
async function soldInvoices(tx: ServerDb, shopId: string, ids: string[]) {
  const found = new Map<
    string,
    { invoice: ReturnType<typeof reportInvoice.parse>['invoice']; lines: Map<string, ReportInvoiceLine> }
  >();
  if (ids.length === 0) return found;
  const stored = await tx
    .select({ id: invoices.id, payload: invoices.payload })
    .from(invoices)
    .where(and(eq(invoices.shopId, shopId), inArray(invoices.id, [...new Set(ids)])));
  for (const row of stored) {
    const parsed = reportInvoice.safeParse(row.payload);
    if (parsed.success)
      found.set(row.id, {
        invoice: parsed.data.invoice,
        lines: new Map(parsed.data.lines.map((line) => [line.id, line])),
      });
  }
  return found;
}

/** The latest name each staff id signed with: a renamed cashier shows under the new name on every report. */
async function rememberStaffNames(tx: ServerDb, shopId: string, names: Map<string, string>): Promise<void> {
  if (names.size === 0) return;
  await tx
    .insert(reportStaff)
    .values([...names].map(([staffId, name]) => ({ shopId, staffId, name })))
    .onConflictDoUpdate({
      target: [reportStaff.shopId, reportStaff.staffId],
      set: { name: sql`excluded.name` },
    });
}

/**
 * Money in and out by mode, per counter and day. A bill's cash is net of the change handed back (the same rule as the
 * counter's reports and Z-report, src-shared/sales/taken-by-mode); refunds on credit notes go out; khata receipts come in.
 */
function addPayments(
  pay: Deltas<object>,
  shopId: string,
  rows: BatchRows,
  insertedIds: Set<string>,
  invoiceChange: Map<string, number>,
): void {
  const docs = new Map<
    string,
    { businessDate: string; refund: boolean; change: number; paid: BatchRows['payments'] }
  >();
  for (const row of rows.invoices)
    if (insertedIds.has(row.id))
      docs.set(row.id, {
        businessDate: row.businessDate,
        refund: false,
        change: invoiceChange.get(row.id) ?? 0,
        paid: [],
      });
  for (const row of rows.creditNotes)
    if (insertedIds.has(row.id))
      docs.set(row.id, { businessDate: row.businessDate, refund: true, change: 0, paid: [] });
  for (const row of rows.receipts)
    if (insertedIds.has(row.id))
      docs.set(row.id, { businessDate: row.businessDate, refund: false, change: 0, paid: [] });
  // A wrong receipt cancelled: its money goes back out, like a return's refund.
  for (const row of rows.receiptReversals)
    if (insertedIds.has(row.id))
      docs.set(row.id, { businessDate: row.businessDate, refund: true, change: 0, paid: [] });
  for (const payment of rows.payments) docs.get(payment.docId)?.paid.push(payment);
  for (const doc of docs.values()) {
    const counts = new Map<string, number>();
    for (const payment of doc.paid) counts.set(payment.mode, (counts.get(payment.mode) ?? 0) + 1);
    const counterId = doc.paid[0]?.counterId;
    if (!counterId) continue;
    for (const [mode, paise] of takenByMode(doc.paid, doc.change))
      pay.add(
        { shopId, businessDate: doc.businessDate, counterId, mode },
        { inPaise: doc.refund ? 0 : paise, outPaise: doc.refund ? paise : 0, count: counts.get(mode) ?? 0 },
      );
  }
}
