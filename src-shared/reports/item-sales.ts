// Item-wise net figures and gross profit from what was sold and returned: the counter and the server both derive them here.
import type { ItemMovementSums, ItemSales, ItemSalesTotals } from '../contracts/report-rows';

export function withProfit(row: ItemMovementSums): ItemSales {
  const netTaxablePaise = row.taxablePaise - row.returnTaxablePaise;
  const netCostPaise = row.costPaise - row.returnCostPaise;
  return {
    ...row,
    netQtyMilli: row.qtyMilli - row.returnQtyMilli,
    netSalesPaise: row.salesPaise - row.returnsPaise,
    netTaxablePaise,
    netCostPaise,
    grossProfitPaise: netTaxablePaise - netCostPaise,
  };
}

export function itemTotals(rows: ItemSales[]): ItemSalesTotals {
  const totals = { netQtyMilli: 0, netSalesPaise: 0, netTaxablePaise: 0, netCostPaise: 0, grossProfitPaise: 0 };
  for (const row of rows) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  return totals;
}

/** Best sellers first; names break ties so the order is stable. */
export function itemSalesReport(sums: ItemMovementSums[]): { rows: ItemSales[]; totals: ItemSalesTotals } {
  const rows = sums.map(withProfit).sort((a, b) => b.netSalesPaise - a.netSalesPaise || a.name.localeCompare(b.name));
  return { rows, totals: itemTotals(rows) };
}
