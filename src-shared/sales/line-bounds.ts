// What one line of a bill may hold, checked as the cashier types it and again by the ledger: a quantity and a price
// the bill's maths can hold, and whole numbers for what is sold whole.
import type { ITEM_UNITS } from '../contracts/catalogue';

type ItemUnit = (typeof ITEM_UNITS)[number];

/** 99,999 of anything: far above a real line, far below where a line's amount stops being exact. */
export const MAX_LINE_QTY_MILLI = 99_999_000;
/** ₹10,00,000 for one unit. */
export const MAX_UNIT_PRICE_PAISE = 10_00_000_00;
/** ₹1,00,00,000 (one crore) for one line. */
export const MAX_LINE_AMOUNT_PAISE = 1_00_00_000_00;

/** Units sold whole: no 2.5 pieces. Loose goods (kg, l, m) are weighed or measured. */
export const WHOLE_UNITS: readonly ItemUnit[] = ['pcs'];

export type LineProblem = 'qty-zero' | 'qty-too-large' | 'qty-not-whole' | 'price-too-large' | 'amount-too-large';

export function isLoose(unit: string): boolean {
  return !(WHOLE_UNITS as readonly string[]).includes(unit);
}

export function quantityProblem(qtyMilli: number, unit: string): LineProblem | null {
  if (qtyMilli <= 0) return 'qty-zero';
  if (qtyMilli > MAX_LINE_QTY_MILLI) return 'qty-too-large';
  if (!isLoose(unit) && qtyMilli % 1000 !== 0) return 'qty-not-whole';
  return null;
}

export function priceProblem(unitPricePaise: number): LineProblem | null {
  return unitPricePaise > MAX_UNIT_PRICE_PAISE ? 'price-too-large' : null;
}

/** The line's amount before discounts (quantity × price), compared without computing it past exactness. */
export function amountProblem(qtyMilli: number, unitPricePaise: number): LineProblem | null {
  return qtyMilli * unitPricePaise > MAX_LINE_AMOUNT_PAISE * 1000 ? 'amount-too-large' : null;
}

export function lineProblem(line: { qtyMilli: number; unitPricePaise: number; unit: string }): LineProblem | null {
  return (
    quantityProblem(line.qtyMilli, line.unit) ??
    priceProblem(line.unitPricePaise) ??
    amountProblem(line.qtyMilli, line.unitPricePaise)
  );
}

/** The ledger's words for each problem (the counter shows its own translated text beside the field). */
export const LINE_PROBLEM_TEXT: Record<LineProblem, string> = {
  'qty-zero': 'Enter a quantity more than 0',
  'qty-too-large': 'Enter a quantity up to 99,999',
  'qty-not-whole': 'This item is sold in whole pieces: enter 1, 2, 3…',
  'price-too-large': 'Enter a price up to ₹10,00,000',
  'amount-too-large': 'This line comes to more than ₹1,00,00,000: check the quantity and the price',
};
