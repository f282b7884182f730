// Selling below cost: the counter warns beside a line whose taxable value is less than what its quantity cost.
import { describe, it, expect } from 'vitest';
import { isBelowCost, lineCostPaise } from '../../../src-shared/sales/below-cost';

describe('lineCostPaise', () => {
  it('is the quantity times the unit cost, to the paisa', () => {
    // 2.5 kg at ₹40.00 a kg.
    expect(lineCostPaise(2500, 4000)).toBe(10000);
    // 333 g at ₹10.00 a kg is ₹3.33.
    expect(lineCostPaise(333, 1000)).toBe(333);
  });

  it('rounds half a paisa up', () => {
    expect(lineCostPaise(500, 1)).toBe(1);
    expect(lineCostPaise(499, 1)).toBe(0);
  });
});

describe('isBelowCost', () => {
  it('warns when the line brings in less than its goods cost', () => {
    // 3 at ₹50.00 cost ₹150.00; sold for ₹149.99 taxable.
    expect(isBelowCost({ qtyMilli: 3000, taxablePaise: 14999 }, 5000)).toBe(true);
  });

  it('does not warn at cost or above', () => {
    expect(isBelowCost({ qtyMilli: 3000, taxablePaise: 15000 }, 5000)).toBe(false);
    expect(isBelowCost({ qtyMilli: 3000, taxablePaise: 18000 }, 5000)).toBe(false);
  });

  it('never warns for an item with no cost recorded', () => {
    expect(isBelowCost({ qtyMilli: 3000, taxablePaise: 0 }, 0)).toBe(false);
  });

  it('warns for a line given away free when the item has a cost', () => {
    expect(isBelowCost({ qtyMilli: 1000, taxablePaise: 0 }, 1)).toBe(true);
  });
});
