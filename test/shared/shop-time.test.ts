// The shop's clock: India's time zone whatever the PC's zone is.
import { describe, expect, it } from 'vitest';
import { shopDate, shopDateTime, shopTime } from '../../src-shared/shop-time';

describe('the shop clock', () => {
  it('reads a UTC instant in IST, dd-mm-yyyy and 24-hour', () => {
    expect(shopDate('2026-05-07T20:15:00.000Z')).toBe('08-05-2026');
    expect(shopDateTime('2026-05-07T13:00:00.000Z')).toBe('07-05-2026 18:30');
    expect(shopTime('2026-05-07T22:00:00.000Z')).toBe('03:30');
  });

  it('shows a business date as it is, never shifted by a time zone', () => {
    expect(shopDate('2026-04-01')).toBe('01-04-2026');
  });
});
