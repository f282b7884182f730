// What one bill line may hold: the bounds the counter checks as it is typed and the ledger checks again.
import { describe, expect, it } from 'vitest';
import { saleLineInput } from '../../../src-shared/contracts/sales';
import {
  amountProblem,
  LINE_PROBLEM_TEXT,
  lineProblem,
  MAX_LINE_QTY_MILLI,
  priceProblem,
  quantityProblem,
} from '../../../src-shared/sales/line-bounds';

describe('bill line bounds', () => {
  it('a quantity is more than 0 and at most 99,999', () => {
    expect(quantityProblem(0, 'kg')).toBe('qty-zero');
    expect(quantityProblem(1, 'kg')).toBeNull();
    expect(quantityProblem(MAX_LINE_QTY_MILLI, 'kg')).toBeNull();
    expect(quantityProblem(99_999_999_000, 'kg')).toBe('qty-too-large');
  });

  it('pieces are whole; loose goods (kg, l, m) take decimals', () => {
    expect(quantityProblem(2_500, 'pcs')).toBe('qty-not-whole');
    expect(quantityProblem(3_000, 'pcs')).toBeNull();
    for (const unit of ['kg', 'l', 'm']) expect(quantityProblem(2_500, unit)).toBeNull();
  });

  it('a unit price is at most ₹10,00,000 and a line at most ₹1,00,00,000', () => {
    expect(priceProblem(10_00_000_00)).toBeNull();
    expect(priceProblem(10_00_000_01)).toBe('price-too-large');
    expect(amountProblem(10_000, 10_00_000_00)).toBeNull();
    expect(amountProblem(10_001, 10_00_000_00)).toBe('amount-too-large');
    expect(lineProblem({ qtyMilli: MAX_LINE_QTY_MILLI, unitPricePaise: 10_00_000_00, unit: 'pcs' })).toBe(
      'amount-too-large',
    );
  });

  it('names the first problem of a line: quantity, then price, then amount', () => {
    expect(lineProblem({ qtyMilli: 0, unitPricePaise: 10_00_000_01, unit: 'pcs' })).toBe('qty-zero');
    expect(lineProblem({ qtyMilli: 2_500, unitPricePaise: 100, unit: 'pcs' })).toBe('qty-not-whole');
    expect(lineProblem({ qtyMilli: 1_000, unitPricePaise: 10_00_000_01, unit: 'pcs' })).toBe('price-too-large');
    expect(lineProblem({ qtyMilli: 1_000, unitPricePaise: 100, unit: 'pcs' })).toBeNull();
  });

  it('tells the shop what to type instead, for every problem', () => {
    expect(LINE_PROBLEM_TEXT).toEqual({
      'qty-zero': 'Enter a quantity more than 0',
      'qty-too-large': 'Enter a quantity up to 99,999',
      'qty-not-whole': 'This item is sold in whole pieces: enter 1, 2, 3…',
      'price-too-large': 'Enter a price up to ₹10,00,000',
      'amount-too-large': 'This line comes to more than ₹1,00,00,000: check the quantity and the price',
    });
  });

  it('the bill line form shows the quantity and price limits beside their fields', () => {
    const tooMuch = saleLineInput.safeParse({
      itemId: '0b6f6a9e-4c1d-4f8e-9a51-2f0c3d8e7b10',
      qtyMilli: MAX_LINE_QTY_MILLI + 1,
      unitPricePaise: 10_00_000_01,
    });
    expect(tooMuch.success).toBe(false);
    expect(tooMuch.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['qtyMilli', 'Enter a quantity up to 99,999'],
      ['unitPricePaise', 'Enter a price up to ₹10,00,000'],
    ]);
  });
});
