// The shop's clock: dates read dd-mm-yyyy and times in IST, whatever the PC's own time zone or locale.
import { describe, expect, it } from 'vitest';
import { shopDate, shopDateTime, shopTime } from '../../src-shared/shop-time';

describe("the shop's date and time", () => {
  it('shows an instant as dd-mm-yyyy and its IST time', () => {
    expect(shopDateTime('2026-08-05T10:00:00Z')).toBe('05-08-2026 15:30');
    expect(shopTime(new Date('2026-01-01T18:45:00Z'))).toBe('00:15');
  });

  it('puts an instant on the IST day, even when it is still the previous day in UTC', () => {
    expect(shopDate('2026-03-31T19:00:00Z')).toBe('01-04-2026');
  });

  it('shows a business date as it is, never shifted by a time zone', () => {
    expect(shopDate('2026-04-01')).toBe('01-04-2026');
  });
});
