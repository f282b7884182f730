// Dates and times as the shop reads them: dd-mm-yyyy in India's time zone, whatever the PC's or server's zone or locale is.
import { isExists } from 'date-fns';

const IST_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Kolkata',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(at: string | Date): Record<string, string> {
  return Object.fromEntries(IST_PARTS.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
}

/** "07-05-2026". A plain date ("2026-05-07", a business date) is shown as it is, never shifted by a time zone. */
export function shopDate(at: string | Date): string {
  const plain = typeof at === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(at) : null;
  if (plain) return `${plain[3]}-${plain[2]}-${plain[1]}`;
  const p = partsOf(at);
  return `${p.day}-${p.month}-${p.year}`;
}

/** "18:30" */
export function shopTime(at: string | Date): string {
  const p = partsOf(at);
  return `${p.hour}:${p.minute}`;
}

/** "07-05-2026 18:30" */
export function shopDateTime(at: string | Date): string {
  return `${shopDate(at)} ${shopTime(at)}`;
}

/** The shop's calendar day of an instant, as the ledger keys it: "2026-05-08" for 20:15 UTC on 7 May. */
export function shopBusinessDate(at: string | Date): string {
  const p = partsOf(at);
  return `${p.year}-${p.month}-${p.day}`;
}

export type ShopDateEntry = { date: string } | { problem: 'unreadable' | 'no-such-day' };

/**
 * What a person typed as dd-mm-yyyy, as the business date "yyyy-mm-dd". Dashes, slashes, dots or spaces may part it,
 * and a phone's number pad may give just the eight digits; a day the calendar does not have (31-04, 29-02 of a
 * common year) is refused, not rolled into the next month.
 */
export function readShopDate(typed: string): ShopDateEntry {
  const text = typed.trim();
  const parts = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!parts) return { problem: 'unreadable' };
  const [day, month, year] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (!isExists(year, month - 1, day)) return { problem: 'no-such-day' };
  return { date: `${parts[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** The instant a shop day begins (midnight in India), for comparing timestamps stored in UTC with a day range. */
export function shopDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+05:30`);
}

/** The shop day after `day`, "2026-12-31" → "2027-01-01". */
export function nextShopDay(day: string): string {
  return shopBusinessDate(new Date(shopDayStart(day).getTime() + 86_400_000));
}

/** The last moment of a shop day in India, for balances "as of" that day. */
export function shopDayEnd(day: string): Date {
  return new Date(shopDayStart(nextShopDay(day)).getTime() - 1);
}

/** The hour of the day in India (0–23) an instant falls in; 0 for a timestamp that does not parse. */
export function shopHour(iso: string): number {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? 0 : Number(partsOf(iso).hour) % 24;
}
