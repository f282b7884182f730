// Invoice maths, pure: line amounts, discounts, GST and cess, round-off.
//
// The documented rounding (every division uses divRound: half away from zero, to the paisa):
// - gross = qtyMilli × unitPricePaise / 1000.
// - Discounts come before tax. A line discount is a percentage of gross or an amount
//   (0 ≤ discount ≤ gross). The bill discount is a percentage of Σ(gross − line discount) or
//   an amount no larger than that sum, spread over lines by largest remainder in proportion
//   to (gross − line discount). net = gross − line discount − bill discount.
// - Tax-exclusive line: taxable = net. Same state: CGST = SGST = taxable × rate / 2, each
//   rounded separately (so they are always equal); other state: IGST = taxable × rate.
//   cess = taxable × cess rate. Line total = taxable + taxes.
// - Tax-inclusive line (the sticker price includes tax, the customer pays exactly net):
//   provisional taxable = net / (1 + rate + cess rate); the taxes are computed on it as above;
//   then taxable = net − taxes, so the taxable value absorbs the last paisa and total = net.
// - Tax is rounded per line; invoice figures are sums of line figures.
// - Round-off (when on) brings Σ line totals to the nearest rupee, half away from zero.

import { Invalid } from '../errors';
import type { ShopMessageKey } from '../shop-messages';
import { allocateProportionally, divRound } from '../money';
import { isGstRateBp } from '../gst/rates';
import type { TaxFigures, TaxRateRow } from '../contracts/tax';

export type Discount = { kind: 'percent'; bp: number } | { kind: 'amount'; paise: number };

export interface TotalsLineInput {
  qtyMilli: number;
  unitPricePaise: number;
  priceIncludesTax: boolean;
  gstRateBp: number;
  cessRateBp: number;
  discount?: Discount | null;
}

export interface TotalsInput {
  lines: TotalsLineInput[];
  billDiscount?: Discount | null;
  interState: boolean;
  roundOff: boolean;
}

export interface LineTotals extends TaxFigures {
  grossPaise: number;
  lineDiscountPaise: number;
  billDiscountPaise: number;
  netPaise: number;
  totalPaise: number;
}

export interface InvoiceTotals {
  lines: LineTotals[];
  grossPaise: number;
  discountPaise: number;
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
  taxPaise: number;
  roundOffPaise: number;
  totalPaise: number;
  taxByRate: TaxRateRow[];
}

interface LineTaxes {
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
}

const BP_WHOLE = 10_000;

/** a × b / d rounded, refusing amounts so large that a × b would lose precision. */
function mulDivRound(a: number, b: number, d: number, where: string): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new Invalid(`${where}: amount is too large to compute exactly`);
  return divRound(product, d);
}

function requireInteger(value: number, where: string, what: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    throw new Invalid(`${where}: ${what} must be a whole number ${range}, got ${value}`);
  }
}

function isWholeBetween(value: number, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}

function validateLine(line: TotalsLineInput, where: string): void {
  requireInteger(line.qtyMilli, where, 'quantity (milli-units)', 1);
  requireInteger(line.unitPricePaise, where, 'unit price (paise)', 0);
  if (!isGstRateBp(line.gstRateBp)) throw new Invalid(`${where}: ${line.gstRateBp} bp is not a GST rate`);
  requireInteger(line.cessRateBp, where, 'cess rate (bp)', 0, BP_WHOLE);
}

/** The discount in paise on `basePaise`, checked to lie between 0 and the base; `line` (1-based) or null for the bill's. */
function discountPaise(
  discount: Discount | null | undefined,
  basePaise: number,
  where: string,
  line: number | null,
): number {
  if (!discount) return 0;
  const refuse = (lineKey: ShopMessageKey, billKey: ShopMessageKey) =>
    new Invalid(line === null ? { key: billKey } : { key: lineKey, params: { line } });
  if (discount.kind === 'percent') {
    if (!isWholeBetween(discount.bp, 0, BP_WHOLE)) throw refuse('lineDiscountPercentRange', 'billDiscountPercentRange');
    return mulDivRound(basePaise, discount.bp, BP_WHOLE, where);
  }
  if (!isWholeBetween(discount.paise, 0, Number.MAX_SAFE_INTEGER))
    throw refuse('lineDiscountAmount', 'billDiscountAmount');
  if (discount.paise > basePaise) throw refuse('lineDiscountAboveAmount', 'billDiscountAboveAmount');
  return discount.paise;
}

function taxesOn(taxablePaise: number, line: TotalsLineInput, interState: boolean, where: string): LineTaxes {
  const cessPaise = mulDivRound(taxablePaise, line.cessRateBp, BP_WHOLE, where);
  if (interState) {
    return {
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: mulDivRound(taxablePaise, line.gstRateBp, BP_WHOLE, where),
      cessPaise,
    };
  }
  // Half the rate each, rounded separately, so CGST and SGST always print equal.
  const halfPaise = mulDivRound(taxablePaise, line.gstRateBp, 2 * BP_WHOLE, where);
  return { cgstPaise: halfPaise, sgstPaise: halfPaise, igstPaise: 0, cessPaise };
}

function sumTaxes(taxes: LineTaxes): number {
  return taxes.cgstPaise + taxes.sgstPaise + taxes.igstPaise + taxes.cessPaise;
}

function taxLine(
  line: TotalsLineInput,
  netPaise: number,
  interState: boolean,
  where: string,
): Pick<LineTotals, 'taxablePaise' | keyof LineTaxes | 'totalPaise'> {
  if (!line.priceIncludesTax) {
    const taxes = taxesOn(netPaise, line, interState, where);
    return { taxablePaise: netPaise, ...taxes, totalPaise: netPaise + sumTaxes(taxes) };
  }
  const provisionalPaise = mulDivRound(netPaise, BP_WHOLE, BP_WHOLE + line.gstRateBp + line.cessRateBp, where);
  const taxes = taxesOn(provisionalPaise, line, interState, where);
  return { taxablePaise: netPaise - sumTaxes(taxes), ...taxes, totalPaise: netPaise };
}

function sumOf<T>(rows: T[], pick: (row: T) => number): number {
  return rows.reduce((sum, row) => sum + pick(row), 0);
}

function taxByRate(input: TotalsLineInput[], lines: LineTotals[]): TaxRateRow[] {
  const rates = [...new Set(input.map((line) => line.gstRateBp))].sort((a, b) => a - b);
  return rates.map((gstRateBp) => {
    const ofRate = lines.filter((_, index) => input[index]?.gstRateBp === gstRateBp);
    return {
      gstRateBp,
      taxablePaise: sumOf(ofRate, (line) => line.taxablePaise),
      cgstPaise: sumOf(ofRate, (line) => line.cgstPaise),
      sgstPaise: sumOf(ofRate, (line) => line.sgstPaise),
      igstPaise: sumOf(ofRate, (line) => line.igstPaise),
      cessPaise: sumOf(ofRate, (line) => line.cessPaise),
    };
  });
}

export function computeInvoiceTotals(input: TotalsInput): InvoiceTotals {
  if (input.lines.length === 0) throw new Invalid('An invoice needs at least one line');
  const where = (index: number): string => `Line ${index + 1}`;
  input.lines.forEach((line, index) => validateLine(line, where(index)));

  const grosses = input.lines.map((line, index) => mulDivRound(line.qtyMilli, line.unitPricePaise, 1000, where(index)));
  const lineDiscounts = input.lines.map((line, index) =>
    discountPaise(line.discount, grosses[index] ?? 0, where(index), index + 1),
  );
  const afterLineDiscounts = grosses.map((gross, index) => gross - (lineDiscounts[index] ?? 0));
  const billDiscountTotal = discountPaise(
    input.billDiscount,
    sumOf(afterLineDiscounts, (paise) => paise),
    'Bill discount',
    null,
  );
  const billDiscounts = allocateProportionally(billDiscountTotal, afterLineDiscounts);

  const lines = input.lines.map((line, index): LineTotals => {
    const grossPaise = grosses[index] ?? 0;
    const lineDiscountPaise = lineDiscounts[index] ?? 0;
    const billDiscountPaise = billDiscounts[index] ?? 0;
    const netPaise = grossPaise - lineDiscountPaise - billDiscountPaise;
    const taxed = taxLine(line, netPaise, input.interState, where(index));
    return { grossPaise, lineDiscountPaise, billDiscountPaise, netPaise, ...taxed };
  });

  const cgstPaise = sumOf(lines, (line) => line.cgstPaise);
  const sgstPaise = sumOf(lines, (line) => line.sgstPaise);
  const igstPaise = sumOf(lines, (line) => line.igstPaise);
  const cessPaise = sumOf(lines, (line) => line.cessPaise);
  const linesTotalPaise = sumOf(lines, (line) => line.totalPaise);
  const roundOffPaise = input.roundOff ? divRound(linesTotalPaise, 100) * 100 - linesTotalPaise : 0;
  return {
    lines,
    grossPaise: sumOf(lines, (line) => line.grossPaise),
    discountPaise: sumOf(lines, (line) => line.lineDiscountPaise + line.billDiscountPaise),
    taxablePaise: sumOf(lines, (line) => line.taxablePaise),
    cgstPaise,
    sgstPaise,
    igstPaise,
    cessPaise,
    taxPaise: cgstPaise + sgstPaise + igstPaise + cessPaise,
    roundOffPaise,
    totalPaise: linesTotalPaise + roundOffPaise,
    taxByRate: taxByRate(input.lines, lines),
  };
}
