// The moving-average cost of an item (items.cost_paise: paise per unit of 1000 milli-units), as purchase bills bring
// stock in and returns to the supplier take it out. A sale leaves the average as it is and records it on the invoice
// line (invoice_lines.unit_cost_paise), so profit is worked out at the cost of the day of each sale.
//
// Weighted average cost (Ind AS 2 para 27 / AS 2 para 16: "the cost of each item is determined from the weighted
// average of the cost of similar items at the beginning of a period and the cost of similar items purchased"), taken
// again at each receipt (a moving average). Stock value = stock × average / 1000; every division rounds half away from
// zero, in exact integers (BigInt), so a large stock times a large cost never loses a paisa to floating point.

function divRoundBig(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

export interface StockAtCost {
  /** Stock on hand before the change, in milli-units (may be negative when sold ahead of recording its purchase). */
  stockMilli: number;
  /** The item's average cost before the change, paise per unit. */
  costPaise: number;
}

/**
 * The average after `receivedMilli` (charged + free quantity) came in for `landedCostPaise` in all. With no stock
 * on hand (zero or less) the old average describes nothing on the shelf: the new one is this receipt's unit cost.
 */
export function averageCostAfterPurchase(before: StockAtCost, receivedMilli: number, landedCostPaise: number): number {
  const received = BigInt(receivedMilli);
  if (before.stockMilli <= 0) return Number(divRoundBig(BigInt(landedCostPaise) * 1000n, received));
  const stock = BigInt(before.stockMilli);
  const value = stock * BigInt(before.costPaise) + BigInt(landedCostPaise) * 1000n;
  return Number(divRoundBig(value, stock + received));
}

/**
 * The average after `returnedMilli` went back to the supplier at `unitCostPaise` (the bill's landed unit cost).
 * Never negative; with no stock left (zero or less) the average is that bill's landed unit cost.
 */
export function averageCostAfterReturn(before: StockAtCost, returnedMilli: number, unitCostPaise: number): number {
  const left = before.stockMilli - returnedMilli;
  if (left <= 0) return unitCostPaise;
  const value = BigInt(before.stockMilli) * BigInt(before.costPaise) - BigInt(returnedMilli) * BigInt(unitCostPaise);
  const average = Number(divRoundBig(value, BigInt(left)));
  return Math.max(average, 0);
}
