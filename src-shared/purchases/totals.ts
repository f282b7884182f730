// Purchase bill maths, pure: what a supplier's tax invoice comes to, line by line, and what each line's stock cost the
// shop (its landed cost). The screen shows these figures live; the ledger recomputes them and records only its own.
//
// The documented rounding (every division uses divRound: half away from zero, to the paisa):
// - gross = qtyMilli × ratePaise / 1000 (the rate is per unit; free quantity is never charged).
// - The line discount is an amount, 0 ≤ discount ≤ gross; net = gross − discount. Discounts come before tax: a discount
//   shown on the invoice is not part of the value of supply (CGST Act 2017 s.15(3)(a)).
// - Rates exclusive of tax: taxable = net. Rates inclusive of tax: provisional taxable = net / (1 + rate + cess rate),
//   the taxes are computed on it, then taxable = net − taxes (the taxable value absorbs the last paisa), as on sales.
// - Supplier in the shop's state: CGST = SGST = taxable × rate / 2, each rounded separately (so always equal) — an
//   intra-State supply (IGST Act 2017 s.8(1)) bears CGST (CGST Act s.9(1)) and SGST. Supplier in another state: IGST =
//   taxable × rate — an inter-State supply (IGST Act s.7(1)) bears IGST (IGST Act s.5(1)).
//   Cess = taxable × cess rate (GST (Compensation to States) Act 2017 s.8).
// - Reverse charge: on goods notified under CGST Act s.9(3), or bought from an unregistered supplier by a person
//   notified under s.9(4), the shop (the recipient) pays the tax, not the supplier. The tax is still worked out on the
//   taxable value (the shop owes it to the government and reports it in GSTR-3B table 3.1(d)), but the supplier's bill
//   total excludes it. The supplier charges no tax, so its rates cannot include tax: that combination is refused.
// - Freight (landed charges the supplier adds below the lines, such as cartage) is spread over the lines by largest
//   remainder in proportion to their taxable values (by quantity received when every line's taxable value is 0). It is part of what each line's stock cost the shop (its landed
//   cost) and of the bill total, never of the taxable value or the tax: a freight the supplier taxes is a line of its own.
// - Landed cost of a line = taxable + freight share. GST and cess are input tax credit (CGST Act s.16), recovered from
//   the government, so they are not a cost of the stock (Ind AS 2 / AS 2: recoverable taxes are excluded from cost).
// - Line total = taxable + tax (none under reverse charge) + freight share; round-off brings Σ line totals to the nearest
//   rupee, half away from zero; bill total = Σ line totals + round-off. Every bill figure is the sum of its lines'.

import { Invalid } from '../errors';
import { allocateProportionally, divRound, formatQuantity } from '../money';
import { isGstRateBp } from '../gst/rates';
import { MAX_LINE_QTY_MILLI } from '../sales/line-bounds';
import type { ShopMessageKey } from '../shop-messages';

/** ₹10,00,000 for one unit: a purchase rate above it is a typing mistake (a barcode in the rate box). */
export const MAX_PURCHASE_RATE_PAISE = 10_00_000_00;
/** ₹1,00,00,000 of freight on one bill. */
export const MAX_FREIGHT_PAISE = 1_00_00_000_00;

export interface PurchaseLineDraft {
  itemId: string;
  qtyMilli: number;
  /** Received free from the supplier: adds to stock, never charged, lowers the landed unit cost. */
  freeQtyMilli: number;
  /** Per unit (1000 milli-units), inclusive or exclusive of tax as the bill says. */
  ratePaise: number;
  /** An amount off this line. */
  discountPaise: number;
  gstRateBp: number;
  cessRateBp: number;
  hsn: string;
}

export interface PurchaseBillDraft {
  ratesIncludeTax: boolean;
  reverseCharge: boolean;
  freightPaise: number;
  lines: PurchaseLineDraft[];
}

export interface PurchaseTotalsContext {
  shopStateCode: string;
  supplierStateCode: string;
}

export interface PurchaseLineTotals {
  grossPaise: number;
  discountPaise: number;
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
  /** CGST + SGST + IGST + cess, whether the supplier charged it or the shop pays it under reverse charge. */
  taxPaise: number;
  freightPaise: number;
  /** What the line's stock (qty + free qty) cost the shop: taxable + freight share. */
  landedCostPaise: number;
  /** What the supplier charges for the line: taxable + tax (none under reverse charge) + freight share. */
  totalPaise: number;
}

export interface PurchaseBillTotals {
  interState: boolean;
  reverseCharge: boolean;
  lines: PurchaseLineTotals[];
  grossPaise: number;
  discountPaise: number;
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
  taxPaise: number;
  /** Tax the shop pays itself under reverse charge (equal to taxPaise on such a bill, else 0). */
  reverseChargeTaxPaise: number;
  freightPaise: number;
  landedCostPaise: number;
  roundOffPaise: number;
  /** What the shop owes the supplier for this bill. */
  totalPaise: number;
}

const BP_WHOLE = 10_000;

function mulDivRound(a: number, b: number, d: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new Invalid({ key: 'amountTooLarge' });
  return divRound(product, d);
}

function isWholeBetween(value: number, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}

function refuseLine(key: ShopMessageKey, line: number): Invalid {
  return new Invalid({ key, params: { line } });
}

function validateLine(draft: PurchaseLineDraft, line: number): void {
  if (!isWholeBetween(draft.qtyMilli, 1, MAX_LINE_QTY_MILLI)) throw refuseLine('purchaseLineQty', line);
  if (!isWholeBetween(draft.freeQtyMilli, 0, MAX_LINE_QTY_MILLI)) throw refuseLine('purchaseLineFreeQty', line);
  if (!isWholeBetween(draft.ratePaise, 0, MAX_PURCHASE_RATE_PAISE)) throw refuseLine('purchaseLineRate', line);
  if (!isGstRateBp(draft.gstRateBp)) throw refuseLine('purchaseLineGstRate', line);
  if (!isWholeBetween(draft.cessRateBp, 0, BP_WHOLE)) throw refuseLine('purchaseLineCess', line);
  if (!isWholeBetween(draft.discountPaise, 0, Number.MAX_SAFE_INTEGER)) throw refuseLine('lineDiscountAmount', line);
}

function taxesOn(taxablePaise: number, draft: PurchaseLineDraft, interState: boolean) {
  const cessPaise = mulDivRound(taxablePaise, draft.cessRateBp, BP_WHOLE);
  if (interState) {
    return { cgstPaise: 0, sgstPaise: 0, igstPaise: mulDivRound(taxablePaise, draft.gstRateBp, BP_WHOLE), cessPaise };
  }
  const halfPaise = mulDivRound(taxablePaise, draft.gstRateBp, 2 * BP_WHOLE);
  return { cgstPaise: halfPaise, sgstPaise: halfPaise, igstPaise: 0, cessPaise };
}

function sumOf<T>(rows: T[], pick: (row: T) => number): number {
  return rows.reduce((sum, row) => sum + pick(row), 0);
}

/** The bill's figures: per line and in total, every total the sum of its lines'. Throws Invalid (shop language). */
export function purchaseBillTotals(input: PurchaseBillDraft, ctx: PurchaseTotalsContext): PurchaseBillTotals {
  if (input.lines.length === 0) throw new Invalid({ key: 'purchaseNoLines' });
  if (input.reverseCharge && input.ratesIncludeTax) throw new Invalid({ key: 'purchaseReverseChargeInclusive' });
  if (!isWholeBetween(input.freightPaise, 0, MAX_FREIGHT_PAISE)) throw new Invalid({ key: 'purchaseFreight' });
  input.lines.forEach((draft, index) => validateLine(draft, index + 1));
  const interState = ctx.supplierStateCode !== ctx.shopStateCode;

  const taxed = input.lines.map((draft, index) => {
    const grossPaise = mulDivRound(draft.qtyMilli, draft.ratePaise, 1000);
    if (draft.discountPaise > grossPaise) throw refuseLine('lineDiscountAboveAmount', index + 1);
    const netPaise = grossPaise - draft.discountPaise;
    if (!input.ratesIncludeTax) {
      return {
        grossPaise,
        discountPaise: draft.discountPaise,
        taxablePaise: netPaise,
        ...taxesOn(netPaise, draft, interState),
      };
    }
    const provisional = mulDivRound(netPaise, BP_WHOLE, BP_WHOLE + draft.gstRateBp + draft.cessRateBp);
    const taxes = taxesOn(provisional, draft, interState);
    const taxPaise = taxes.cgstPaise + taxes.sgstPaise + taxes.igstPaise + taxes.cessPaise;
    return { grossPaise, discountPaise: draft.discountPaise, taxablePaise: netPaise - taxPaise, ...taxes };
  });
  // By taxable value; on a bill whose every line is worth nothing (all free goods), by the quantity received.
  const byValue = taxed.some((line) => line.taxablePaise > 0);
  const freights = allocateProportionally(
    input.freightPaise,
    byValue ? taxed.map((line) => line.taxablePaise) : input.lines.map((draft) => draft.qtyMilli + draft.freeQtyMilli),
  );

  const lines = taxed.map((line, index): PurchaseLineTotals => {
    const taxPaise = line.cgstPaise + line.sgstPaise + line.igstPaise + line.cessPaise;
    const freightPaise = freights[index] ?? 0;
    const charged = input.reverseCharge ? 0 : taxPaise;
    return {
      ...line,
      taxPaise,
      freightPaise,
      landedCostPaise: line.taxablePaise + freightPaise,
      totalPaise: line.taxablePaise + charged + freightPaise,
    };
  });
  const linesTotalPaise = sumOf(lines, (line) => line.totalPaise);
  const roundOffPaise = divRound(linesTotalPaise, 100) * 100 - linesTotalPaise;
  const taxPaise = sumOf(lines, (line) => line.taxPaise);
  return {
    interState,
    reverseCharge: input.reverseCharge,
    lines,
    grossPaise: sumOf(lines, (line) => line.grossPaise),
    discountPaise: sumOf(lines, (line) => line.discountPaise),
    taxablePaise: sumOf(lines, (line) => line.taxablePaise),
    cgstPaise: sumOf(lines, (line) => line.cgstPaise),
    sgstPaise: sumOf(lines, (line) => line.sgstPaise),
    igstPaise: sumOf(lines, (line) => line.igstPaise),
    cessPaise: sumOf(lines, (line) => line.cessPaise),
    taxPaise,
    reverseChargeTaxPaise: input.reverseCharge ? taxPaise : 0,
    freightPaise: sumOf(lines, (line) => line.freightPaise),
    landedCostPaise: sumOf(lines, (line) => line.landedCostPaise),
    roundOffPaise,
    totalPaise: linesTotalPaise + roundOffPaise,
  };
}

/**
 * The landed cost of one unit (1000 milli-units) of a line's stock: its landed cost over the quantity received,
 * free quantity included (free goods lower the unit cost).
 */
export function landedUnitCostPaise(landedCostPaise: number, qtyMilli: number, freeQtyMilli: number): number {
  return mulDivRound(landedCostPaise, 1000, qtyMilli + freeQtyMilli);
}

/** The figures of one bill line a debit note carries back, for part of its charged quantity. */
export interface ReturnedLineFigures {
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
  freightPaise: number;
}

/**
 * What returning `qtyMilli` of a bill line to the supplier takes back, when `returnedBeforeMilli` of it went back
 * already. A line's figures are shared out by the charged quantity, cumulatively: each figure for everything returned
 * so far is line figure × returned / line quantity (rounded), and this return is the step from the last such share.
 * So returns add up to the line exactly, however the line is split — a full return gives back every paisa.
 * Free quantity is not returned for credit: the supplier charged nothing for it.
 */
export function returnedLineFigures(
  line: ReturnedLineFigures & { qtyMilli: number },
  returnedBeforeMilli: number,
  qtyMilli: number,
): ReturnedLineFigures {
  const leftMilli = line.qtyMilli - returnedBeforeMilli;
  if (!isWholeBetween(qtyMilli, 1, leftMilli))
    throw new Invalid({ key: 'returnQtyAboveLeft', params: { left: formatQuantity(Math.max(leftMilli, 0)) } });
  const upTo = (figure: number, returned: number) => mulDivRound(figure, returned, line.qtyMilli);
  const step = (figure: number) => upTo(figure, returnedBeforeMilli + qtyMilli) - upTo(figure, returnedBeforeMilli);
  return {
    taxablePaise: step(line.taxablePaise),
    cgstPaise: step(line.cgstPaise),
    sgstPaise: step(line.sgstPaise),
    igstPaise: step(line.igstPaise),
    cessPaise: step(line.cessPaise),
    freightPaise: step(line.freightPaise),
  };
}
