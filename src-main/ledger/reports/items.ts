// Item-wise quantity, sales and gross profit (at the cost recorded on each bill line), net of returns; and items at or below their reorder level.
import type { Ledger } from '../ledger';
import type { ReportRange } from '../../../src-shared/contracts/reports';
import type { ItemMovementSums, ItemSalesReport, LowStockItem } from '../../../src-shared/contracts/report-rows';
import { itemSalesReport } from '../../../src-shared/reports/item-sales';
import { roundOffShares } from './round-off-shares';

// A line's cost is divRound(qty × unit cost, 1000) as the server reckons it; both factors are never negative, so
// (x + 500) / 1000 in SQLite's integer division is that same round-half-up, and the sum stays in SQL.
const LINE_COST = '((l.qty_milli * l.unit_cost_paise + 500) / 1000)';

const ITEM_SALES_SQL = `
  WITH sold AS (
    SELECT l.item_id, SUM(l.qty_milli) AS qty, SUM(l.total_paise) AS total, SUM(l.taxable_paise) AS taxable, SUM(${LINE_COST}) AS cost
    FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
    WHERE i.business_date BETWEEN @from AND @to GROUP BY l.item_id
  ), returned AS (
    SELECT r.item_id, SUM(r.qty_milli) AS qty, SUM(r.total_paise) AS total, SUM(r.taxable_paise) AS taxable,
      SUM((r.qty_milli * l.unit_cost_paise + 500) / 1000) AS cost
    FROM credit_notes n JOIN credit_note_lines r ON r.credit_note_id = n.id JOIN invoice_lines l ON l.id = r.invoice_line_id
    WHERE n.business_date BETWEEN @from AND @to GROUP BY r.item_id
  ), moved AS (SELECT item_id FROM sold UNION SELECT item_id FROM returned)
  SELECT m.item_id AS itemId, COALESCE(it.name, 'Unknown item') AS name, COALESCE(it.sku, '') AS sku, COALESCE(it.unit, 'pcs') AS unit,
    COALESCE(s.qty, 0) AS qtyMilli, COALESCE(s.total, 0) AS salesPaise, COALESCE(s.taxable, 0) AS taxablePaise, COALESCE(s.cost, 0) AS costPaise,
    COALESCE(r.qty, 0) AS returnQtyMilli, COALESCE(r.total, 0) AS returnsPaise, COALESCE(r.taxable, 0) AS returnTaxablePaise, COALESCE(r.cost, 0) AS returnCostPaise
  FROM moved m LEFT JOIN sold s ON s.item_id = m.item_id LEFT JOIN returned r ON r.item_id = m.item_id LEFT JOIN items it ON it.id = m.item_id`;

/**
 * Returns count on the day of the credit note, as on the owner's server, so a day's figures never change afterwards.
 * Sales include each bill's round-off share, so the item-wise total is the net sales figure to the paisa.
 */
export function itemSales(ledger: Ledger, range: ReportRange): ItemSalesReport {
  const shares = roundOffShares(ledger, range);
  const sums = (ledger.sqlite.prepare(ITEM_SALES_SQL).all(range) as ItemMovementSums[]).map((row) => ({
    ...row,
    salesPaise: row.salesPaise + (shares.sales.get(row.itemId) ?? 0),
    returnsPaise: row.returnsPaise + (shares.returns.get(row.itemId) ?? 0),
  }));
  return itemSalesReport(sums);
}

/** Active items whose stock on hand is at or below the reorder level set on them, the furthest below first; no level set (0) is never low. */
export function lowStock(ledger: Ledger): LowStockItem[] {
  return ledger.sqlite
    .prepare(
      `SELECT id AS itemId, name, sku, unit, category, stock_milli AS stockMilli, reorder_level_milli AS reorderLevelMilli
       FROM items WHERE active = 1 AND reorder_level_milli > 0 AND stock_milli <= reorder_level_milli ORDER BY stock_milli - reorder_level_milli, name LIMIT 5000`,
    )
    .all() as LowStockItem[];
}
