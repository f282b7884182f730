// Times for seeded trade by India's calendar, the one the reports and the dashboard show, whatever this machine's zone.
import { shopBusinessDate } from '../../src-shared/shop-time';

const DAY_MS = 86_400_000;
const IST_OFFSET_MINUTES = 330;

/** The shop's calendar day ("2026-05-08") `daysAgo` days before `now`. */
export function shopDayAgo(now: Date, daysAgo: number): string {
  return shopBusinessDate(new Date(now.getTime() - daysAgo * DAY_MS));
}

/** `daysAgo` shop days before `now`, at `hourIst`:`minute` in India (UTC+05:30). */
export function istTime(now: Date, daysAgo: number, hourIst: number, minute = 0): Date {
  const day = shopDayAgo(now, daysAgo);
  return new Date(Date.parse(`${day}T00:00:00Z`) + (hourIst * 60 + minute - IST_OFFSET_MINUTES) * 60_000);
}
