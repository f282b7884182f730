// What one bill line may hold: the bounds the counter checks as it is typed and the ledger checks again.
import { describe, expect, it } from 'vitest';
import {
  amountProblem,
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
});
