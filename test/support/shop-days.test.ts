// Seeded trade falls on India's calendar days, also in the hours when India is already a day ahead of UTC.
import { describe, expect, it } from 'vitest';
import { istTime, shopDayAgo } from './shop-days';

describe('seeding by the shop day', () => {
  it('at 20:00 UTC the shop is on the next day, and its morning is that day', () => {
    const evening = new Date('2026-05-07T20:00:00Z');
    expect(shopDayAgo(evening, 0)).toBe('2026-05-08');
    expect(shopDayAgo(evening, 2)).toBe('2026-05-06');
    expect(istTime(evening, 0, 9).toISOString()).toBe('2026-05-08T03:30:00.000Z');
    expect(istTime(evening, 1, 19, 30).toISOString()).toBe('2026-05-07T14:00:00.000Z');
  });

  it('before 18:30 UTC the shop day is the UTC day', () => {
    const morning = new Date('2026-05-07T06:00:00Z');
    expect(shopDayAgo(morning, 0)).toBe('2026-05-07');
    expect(istTime(morning, 0, 9, 15).toISOString()).toBe('2026-05-07T03:45:00.000Z');
  });
});
