// Report rows the counter and the owner's server both give, declared once: each router checks its output against these.
// The GST rows are in ./tax.ts.
import { z } from 'zod';

/** A sum in paise or milli-units; returns can make it negative. */
const sum = z.int();
const label = z.string();

/** An item as a report row names it. */
const itemLabel = z.object({ itemId: label, name: label, sku: label, unit: label });

/** What was sold and returned of one item over a range, at the cost recorded on each bill line. */
export const itemMovementSums = itemLabel.extend({
  qtyMilli: sum,
  salesPaise: sum,
  taxablePaise: sum,
  costPaise: sum,
  returnQtyMilli: sum,
  returnsPaise: sum,
  returnTaxablePaise: sum,
  returnCostPaise: sum,
});
export const itemSalesTotals = z.object({
  netQtyMilli: sum,
  netSalesPaise: sum,
  netTaxablePaise: sum,
  netCostPaise: sum,
  /** Net taxable sales minus the cost of what stayed sold: tax collected is the government's, not profit. */
  grossProfitPaise: sum,
});
export const itemSales = itemMovementSums.extend(itemSalesTotals.shape);
export const itemSalesReport = z.object({ rows: z.array(itemSales), totals: itemSalesTotals });

export type ItemMovementSums = z.infer<typeof itemMovementSums>;
export type ItemSalesTotals = z.infer<typeof itemSalesTotals>;
export type ItemSales = z.infer<typeof itemSales>;
export type ItemSalesReport = z.infer<typeof itemSalesReport>;

export const lowStockItem = itemLabel.extend({ category: label, stockMilli: sum, reorderLevelMilli: sum });
export type LowStockItem = z.infer<typeof lowStockItem>;

/** A credit note with the bill it reverses, why, and how the money went back. */
export const returnRow = z.object({
  id: label,
  number: label,
  /** The business date, YYYY-MM-DD. */
  date: label,
  createdAt: label,
  invoiceNumber: label,
  partyName: label,
  /** Who made the return, as the credit note was signed. */
  staffName: label,
  reason: label,
  refundMode: label,
  taxablePaise: sum,
  taxPaise: sum,
  totalPaise: sum,
});
export type ReturnRow = z.infer<typeof returnRow>;

/** A customer's khata balance aged oldest debt first (the shared rule of src-shared/khata/ageing.ts). */
export const khataAgeing = z.object({
  d0to30Paise: sum,
  d31to60Paise: sum,
  d61to90Paise: sum,
  d90plusPaise: sum,
  /** The balance; negative when the customer has paid in advance (then every bucket is 0). */
  totalPaise: sum,
  oldestUnpaidAt: label.nullable(),
});
export const partyAgeing = khataAgeing.extend({ partyId: label, name: label, phone: label });

export type KhataAgeing = z.infer<typeof khataAgeing>;
export type PartyAgeing = z.infer<typeof partyAgeing>;

/** What was counted at a shift's close against what was expected: null while the shift is open. */
export const shiftCount = z.object({
  id: label,
  openedAt: label,
  closedAt: label.nullable(),
  openingFloatPaise: sum,
  countedPaise: sum.nullable(),
  differencePaise: sum.nullable(),
});
