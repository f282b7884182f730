// The reorder rule: how much of a low-stock item to order, from its recent sales, its reorder level and what is already coming.
import type { ITEM_UNITS } from '../contracts/catalogue';

type ItemUnit = (typeof ITEM_UNITS)[number];

const MILLI_PER_UNIT = 1000;

/** An item is low on stock when what is on the shelf is at or below its reorder level. */
export function isLowStock(item: { stockMilli: number; reorderLevelMilli: number }): boolean {
  return item.stockMilli <= item.reorderLevelMilli;
}

/** Sold less returned over the period, per day, rounded up to the next milli-unit; returns beyond sales count as none sold. */
export function averageDailySalesMilli(netSoldMilli: number, periodDays: number): number {
  return netSoldMilli <= 0 ? 0 : Math.ceil(netSoldMilli / periodDays);
}

export interface SuggestionFigures {
  unit: ItemUnit;
  stockMilli: number;
  reorderLevelMilli: number;
  averageDailySalesMilli: number;
  coverDays: number;
  onOrderMilli: number;
}

/**
 * Order enough to keep selling for `coverDays` at the period's average rate and still stand at the reorder level
 * when those days are over, less what is on the shelf and what earlier orders will still bring:
 *     average daily sales × cover days + reorder level − stock − on order
 * Pieces are rounded up to whole pieces (a supplier cannot send 2.4 packets); kg, litres and metres keep their
 * milli-units. Never below zero: nothing is suggested for an item already covered.
 */
export function suggestedQtyMilli(figures: SuggestionFigures): number {
  const needed =
    figures.averageDailySalesMilli * figures.coverDays +
    figures.reorderLevelMilli -
    figures.stockMilli -
    figures.onOrderMilli;
  if (needed <= 0) return 0;
  return figures.unit === 'pcs' ? Math.ceil(needed / MILLI_PER_UNIT) * MILLI_PER_UNIT : needed;
}
