// Item-wise sales and gross profit (at the cost recorded on each bill) over a range, and items at or below their reorder level.
import { sql } from 'drizzle-orm';
import type { ReportRange } from '../../src-shared/contracts/reports';
import type { ItemMovementSums, ItemSalesReport, LowStockItem } from '../../src-shared/contracts/report-rows';
import { itemSalesReport } from '../../src-shared/reports/item-sales';
import type { ServerDb } from '../db/connection';
import { reportRows } from './query';

/** Returns count on the day of the credit note, as on the counters, so a day's figures never change afterwards. */
export async function itemSales(tx: ServerDb, shopId: string, range: ReportRange): Promise<ItemSalesReport> {
  const sums = await reportRows<ItemMovementSums>(
    tx,
    sql`SELECT d.item_id AS "itemId", COALESCE(i.name, 'Unknown item') AS "name", COALESCE(i.sku, '') AS "sku",
          COALESCE(i.payload->>'unit', 'pcs') AS "unit",
          SUM(d.qty_milli) AS "qtyMilli", SUM(d.total_paise) AS "salesPaise", SUM(d.taxable_paise) AS "taxablePaise", SUM(d.cost_paise) AS "costPaise",
          SUM(d.return_qty_milli) AS "returnQtyMilli", SUM(d.return_total_paise) AS "returnsPaise",
          SUM(d.return_taxable_paise) AS "returnTaxablePaise", SUM(d.return_cost_paise) AS "returnCostPaise"
        FROM report_items_daily d LEFT JOIN items i ON i.shop_id = d.shop_id AND i.id = d.item_id
        WHERE d.shop_id = ${shopId} AND d.business_date BETWEEN ${range.from} AND ${range.to}
        GROUP BY d.item_id, i.name, i.sku, i.payload->>'unit'`,
    [
      'qtyMilli',
      'salesPaise',
      'taxablePaise',
      'costPaise',
      'returnQtyMilli',
      'returnsPaise',
      'returnTaxablePaise',
      'returnCostPaise',
    ],
  );
  return itemSalesReport(sums);
}

/**
 * Active items whose stock (the sum of every counter's movements) is at or below the reorder level set on the item.
 * An item with no reorder level (0) is never "low": the shop has not asked to be told.
 */
export function lowStock(tx: ServerDb, shopId: string): Promise<LowStockItem[]> {
  return reportRows<LowStockItem>(
    tx,
    sql`SELECT i.id AS "itemId", i.name, i.sku, COALESCE(i.payload->>'unit', 'pcs') AS "unit", COALESCE(i.payload->>'category', '') AS "category",
          COALESCE(s.stock_milli, 0) AS "stockMilli", COALESCE((i.payload->>'reorderLevelMilli')::bigint, 0) AS "reorderLevelMilli"
        FROM items i LEFT JOIN report_stock s ON s.shop_id = i.shop_id AND s.item_id = i.id
        WHERE i.shop_id = ${shopId} AND i.active AND COALESCE((i.payload->>'reorderLevelMilli')::bigint, 0) > 0
          AND COALESCE(s.stock_milli, 0) <= (i.payload->>'reorderLevelMilli')::bigint
        ORDER BY COALESCE(s.stock_milli, 0) - COALESCE((i.payload->>'reorderLevelMilli')::bigint, 0), i.name`,
    ['stockMilli', 'reorderLevelMilli'],
  );
}
