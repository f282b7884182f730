// Reading what the cashier types for a line (quantity, price, discount) into numbers, or the words to show beside the
// field: the same bounds the ledger checks, so a bill on screen can always be paid, held and saved.
import type { TFunction } from 'i18next';
import { parseQuantity, parseRupees, formatRupees } from '../../../src-shared/money';
import { amountProblem, priceProblem, quantityProblem, type LineProblem } from '../../../src-shared/sales/line-bounds';
import type { Discount } from '../../../src-shared/sales/totals';
import { parseDiscount } from './cart';

export type Entry<T> = { ok: true; value: T } | { ok: false; error: string };

export function lineProblemText(t: TFunction, problem: LineProblem, unit: string): string {
  return t(`lineProblem.${problem}`, { unit });
}

export function readQuantity(t: TFunction, text: string, unit: string, unitPricePaise: number): Entry<number> {
  let qtyMilli: number;
  try {
    qtyMilli = parseQuantity(text);
  } catch {
    return { ok: false, error: t('lineEdit.qtyNotNumber') };
  }
  const problem = quantityProblem(qtyMilli, unit) ?? amountProblem(qtyMilli, unitPricePaise);
  return problem ? { ok: false, error: lineProblemText(t, problem, unit) } : { ok: true, value: qtyMilli };
}

/** An empty price goes back to the catalogue's (null). */
export function readPrice(t: TFunction, text: string, unit: string, qtyMilli: number): Entry<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  let paise: number;
  try {
    paise = parseRupees(text);
  } catch {
    return { ok: false, error: t('lineEdit.priceNotNumber') };
  }
  const problem = priceProblem(paise) ?? amountProblem(qtyMilli, paise);
  return problem ? { ok: false, error: lineProblemText(t, problem, unit) } : { ok: true, value: paise };
}

/** "10%" or an amount; at most 100 %, and an amount no more than what it is taken off (`basePaise`). */
export function readDiscount(t: TFunction, text: string, basePaise: number): Entry<Discount | null> {
  let discount: Discount | null;
  try {
    discount = parseDiscount(text);
  } catch {
    return { ok: false, error: t('lineEdit.discountNotNumber') };
  }
  if (discount?.kind === 'percent' && discount.bp > 10_000) return { ok: false, error: t('lineEdit.discountTooLarge') };
  if (discount?.kind === 'amount' && discount.paise > basePaise)
    return { ok: false, error: t('lineEdit.discountOverAmount', { amount: formatRupees(basePaise) }) };
  return { ok: true, value: discount };
}
