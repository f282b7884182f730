// The shop's clock: India's time zone whatever the PC's zone is.
import { describe, expect, it } from 'vitest';
import {
  nextShopDay,
  readShopDate,
  shopBusinessDate,
  shopDate,
  shopDateTime,
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
    expect(shopBusinessDate(new Date('2026-05-07T19:30:00Z'))).toBe('2026-05-08');
    expect(shopBusinessDate(new Date('2026-05-07T18:29:59Z'))).toBe('2026-05-07');
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

describe('the shop day', () => {
  it('is the calendar day in India, which is already tomorrow late in the UTC evening', () => {
    expect(shopBusinessDate('2026-05-07T18:29:00.000Z')).toBe('2026-05-07');
    expect(shopBusinessDate('2026-05-07T18:30:00.000Z')).toBe('2026-05-08');
    expect(shopBusinessDate(new Date('2026-12-31T20:00:00.000Z'))).toBe('2027-01-01');
  });
});

describe('a date typed as dd-mm-yyyy', () => {
  it('reads as the business date, day first', () => {
    expect(readShopDate('02-12-2026')).toEqual({ date: '2026-12-02' });
    expect(readShopDate(' 12-02-2026 ')).toEqual({ date: '2026-02-12' });
  });

  it('may be parted by slashes, dots or spaces, have one-digit day and month, or be just the digits of a number pad', () => {
    expect(readShopDate('2/7/2026')).toEqual({ date: '2026-07-02' });
    expect(readShopDate('02.07.2026')).toEqual({ date: '2026-07-02' });
    expect(readShopDate('2 7 2026')).toEqual({ date: '2026-07-02' });
    expect(readShopDate('02072026')).toEqual({ date: '2026-07-02' });
  });

  it('reads back what shopDate shows', () => {
    expect(readShopDate(shopDate('2028-02-29'))).toEqual({ date: '2028-02-29' });
  });

  it('is refused when the calendar has no such day', () => {
    expect(readShopDate('29-02-2027')).toEqual({ problem: 'no-such-day' });
    expect(readShopDate('31-04-2026')).toEqual({ problem: 'no-such-day' });
    expect(readShopDate('00-05-2026')).toEqual({ problem: 'no-such-day' });
    expect(readShopDate('12-13-2026')).toEqual({ problem: 'no-such-day' });
    expect(readShopDate('29-02-2028')).toEqual({ date: '2028-02-29' });
  });

  it('is refused when it is not a dd-mm-yyyy date at all', () => {
    for (const typed of ['', '2026-12-02', '02-12-26', '2-12', 'today', '02-12-2026 10:00', '0212026']) {
      expect(readShopDate(typed), typed).toEqual({ problem: 'unreadable' });
    }
  });
});
