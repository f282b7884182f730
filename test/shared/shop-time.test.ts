// The shop's clock: India's time zone whatever the PC's zone is.
import { describe, expect, it } from 'vitest';
import {
  nextShopDay,
  shopDate,
  shopDateTime,
  shopDay,
  shopDayEnd,
  shopDayStart,
  shopHour,
  shopTime,
} from '../../src-shared/shop-time';

describe('the shop clock', () => {
  it('reads a UTC instant in IST, dd-mm-yyyy and 24-hour', () => {
    expect(shopDate('2026-05-07T20:15:00.000Z')).toBe('08-05-2026');
    expect(shopDateTime('2026-05-07T13:00:00.000Z')).toBe('07-05-2026 18:30');
    expect(shopTime('2026-05-07T22:00:00.000Z')).toBe('03:30');
  });

  it('shows a business date as it is, never shifted by a time zone', () => {
    expect(shopDate('2026-04-01')).toBe('01-04-2026');
  });

  it("a bill at 01:00 in India belongs to that day's business, though UTC still says the day before", () => {
    expect(shopDay(new Date('2026-05-07T19:30:00Z'))).toBe('2026-05-08');
    expect(shopDay(new Date('2026-05-07T18:29:59Z'))).toBe('2026-05-07');
    expect(shopHour('2026-05-07T19:30:00Z')).toBe(1);
    expect(shopHour('2026-05-07T18:29:59Z')).toBe(23);
    expect(shopHour('not a time')).toBe(0);
  });

  it('a shop day runs from midnight to midnight in India', () => {
    expect(shopDayStart('2026-05-08').toISOString()).toBe('2026-05-07T18:30:00.000Z');
    expect(shopDayEnd('2026-05-08').toISOString()).toBe('2026-05-08T18:29:59.999Z');
    expect(nextShopDay('2026-12-31')).toBe('2027-01-01');
    expect(nextShopDay('2028-02-28')).toBe('2028-02-29');
  });
});
