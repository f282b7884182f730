// The dashboard's GSTR-1 period: last month by default, whatever day of this month it is.
import { describe, expect, it } from 'vitest';
import { lastMonth } from '../../dashboard/src/range';

describe('the default GSTR-1 period', () => {
  it('is the month before the current one', () => {
    expect(lastMonth('2026-07-01')).toBe('2026-06');
    expect(lastMonth('2026-07-31')).toBe('2026-06');
    expect(lastMonth('2026-11-15')).toBe('2026-10');
  });

  it('in January is December of the year before', () => {
    expect(lastMonth('2027-01-10')).toBe('2026-12');
  });
});
