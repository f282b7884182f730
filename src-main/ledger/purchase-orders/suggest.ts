// What to order: low-stock items with their recent sales, what is already on order and who last supplied them.
// The reorder rule itself is pure (src-shared/purchase-orders/suggestion.ts); this reads the figures it needs.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { PurchaseOrderSuggestion, SuggestPurchaseOrderInput } from '../../../src-shared/contracts/purchase-orders';
import { OPEN_ORDER_STATES } from '../../../src-shared/contracts/purchase-orders';
import { averageDailySalesMilli, suggestedQtyMilli } from '../../../src-shared/purchase-orders/suggestion';
import { type Ledger, businessDate } from '../ledger';
import { items } from '../catalogue/schema';
import { parties } from '../parties/schema';
import { stockMovements } from '../stock/schema';
import { purchaseBills } from '../purchases/schema';
import { purchaseOrderLines, purchaseOrders } from './schema';

const DAY_MS = 86_400_000;

/** The first business day of a period of `days` ending today (today included). */
function periodStart(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

function sumByItem(rows: { itemId: string; qtyMilli: number | null }[]): Map<string, number> {
  return new Map(rows.map((row) => [row.itemId, Number(row.qtyMilli ?? 0)]));
}

/** Sold less returned per item over [from, to], by each document's own business day. */
function netSoldMilli(ledger: Ledger, itemIds: string[], from: string, to: string): Map<string, number> {
  const placeholders = itemIds.map(() => '?').join(',');
  const sold = ledger.sqlite
    .prepare(
      `SELECT l.item_id AS itemId, SUM(l.qty_milli) AS qtyMilli FROM invoice_lines l
       JOIN invoices i ON i.id = l.invoice_id
       WHERE i.business_date BETWEEN ? AND ? AND l.item_id IN (${placeholders}) GROUP BY l.item_id`,
    )
    .all(from, to, ...itemIds) as { itemId: string; qtyMilli: number }[];
  const returned = sumByItem(
    ledger.sqlite
      .prepare(
        `SELECT l.item_id AS itemId, SUM(l.qty_milli) AS qtyMilli FROM credit_note_lines l
         JOIN credit_notes c ON c.id = l.credit_note_id
         WHERE c.business_date BETWEEN ? AND ? AND l.item_id IN (${placeholders}) GROUP BY l.item_id`,
      )
      .all(from, to, ...itemIds) as { itemId: string; qtyMilli: number }[],
  );
  return new Map(sold.map((row) => [row.itemId, row.qtyMilli - (returned.get(row.itemId) ?? 0)]));
}

/** Still to come per item on open orders: ordered less received, a line received in excess counting as nothing. */
function onOrderMilli(ledger: Ledger, itemIds: string[]): Map<string, number> {
  return sumByItem(
    ledger.db
      .select({
        itemId: purchaseOrderLines.itemId,
        qtyMilli: sql<number>`SUM(MAX(${purchaseOrderLines.orderedQtyMilli} - ${purchaseOrderLines.receivedQtyMilli}, 0))`,
      })
      .from(purchaseOrderLines)
      .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
      .where(and(inArray(purchaseOrders.state, [...OPEN_ORDER_STATES]), inArray(purchaseOrderLines.itemId, itemIds)))
      .groupBy(purchaseOrderLines.itemId)
      .all(),
  );
}

/**
 * The supplier of each item's latest purchase: its latest 'purchase' stock movement names the purchase bill (docId),
 * and the bill names the supplier. An item never bought on a bill has none.
 */
function lastSuppliers(ledger: Ledger, itemIds: string[]): Map<string, { id: string; name: string }> {
  const rows = ledger.db
    .select({ itemId: stockMovements.itemId, supplierId: purchaseBills.supplierId, supplierName: parties.name })
    .from(stockMovements)
    .innerJoin(purchaseBills, eq(purchaseBills.id, stockMovements.docId))
    .innerJoin(parties, eq(parties.id, purchaseBills.supplierId))
    .where(and(eq(stockMovements.reason, 'purchase'), inArray(stockMovements.itemId, itemIds)))
    .orderBy(asc(stockMovements.createdAt), asc(sql`stock_movements.rowid`))
    .all();
  // Ordered oldest first, so the latest purchase of each item is the one left in the map.
  return new Map(rows.map((row) => [row.itemId, { id: row.supplierId, name: row.supplierName }]));
}

export function suggestPurchaseOrder(
  ledger: Ledger,
  input: SuggestPurchaseOrderInput,
): { periodDays: number; coverDays: number; suggestions: PurchaseOrderSuggestion[] } {
  const today = businessDate(ledger.clock());
  const low = ledger.db
    .select()
    .from(items)
    .where(and(eq(items.active, true), lte(items.stockMilli, items.reorderLevelMilli)))
    .orderBy(items.name)
    .all();
  const ids = low.map((item) => item.id);
  const sold = ids.length ? netSoldMilli(ledger, ids, periodStart(today, input.periodDays), today) : new Map();
  const coming = ids.length ? onOrderMilli(ledger, ids) : new Map<string, number>();
  const suppliers = ids.length ? lastSuppliers(ledger, ids) : new Map<string, { id: string; name: string }>();
  const suggestions = low.flatMap((item): PurchaseOrderSuggestion[] => {
    const supplier = suppliers.get(item.id) ?? null;
    if (input.supplierId && supplier && supplier.id !== input.supplierId) return [];
    const figures = {
      unit: item.unit,
      stockMilli: item.stockMilli,
      reorderLevelMilli: item.reorderLevelMilli,
      averageDailySalesMilli: averageDailySalesMilli(sold.get(item.id) ?? 0, input.periodDays),
      coverDays: input.coverDays,
      onOrderMilli: coming.get(item.id) ?? 0,
    };
    const suggested = suggestedQtyMilli(figures);
    if (suggested === 0) return [];
    return [
      {
        itemId: item.id,
        name: item.name,
        unit: item.unit,
        stockMilli: figures.stockMilli,
        reorderLevelMilli: figures.reorderLevelMilli,
        averageDailySalesMilli: figures.averageDailySalesMilli,
        onOrderMilli: figures.onOrderMilli,
        suggestedQtyMilli: suggested,
        expectedRatePaise: item.costPaise,
        lastSupplierId: supplier?.id ?? null,
        lastSupplierName: supplier?.name ?? null,
      },
    ];
  });
  return { periodDays: input.periodDays, coverDays: input.coverDays, suggestions };
}
