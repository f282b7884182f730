// Selling below cost: a line whose taxable value (what the shop keeps, tax aside, after every discount) is less than
// what its quantity cost at the item's moving-average cost. The counter warns beside the line; it never blocks.
import { divRound } from '../money';

/** The cost of `qtyMilli` at `unitCostPaise` a unit (1000 milli-units), to the paisa. */
export function lineCostPaise(qtyMilli: number, unitCostPaise: number): number {
  return divRound(qtyMilli * unitCostPaise, 1000);
}

/** True when the line brings in less than its goods cost; an item with no cost recorded (0) never warns. */
export function isBelowCost(line: { qtyMilli: number; taxablePaise: number }, unitCostPaise: number): boolean {
  return unitCostPaise > 0 && line.taxablePaise < lineCostPaise(line.qtyMilli, unitCostPaise);
}
