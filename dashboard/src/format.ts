// How the dashboard writes money, quantities, dates and times: the shared rules of src-shared (Indian-style amounts,
// dd-mm-yyyy in India's time zone), never the browser's locale.
import { formatQuantity, formatRupees } from '../../src-shared/money';
import { shopBusinessDate, shopDate, shopDateTime } from '../../src-shared/shop-time';

export const rupees = (paise: number | null | undefined): string =>
  paise === null || paise === undefined ? '—' : formatRupees(paise);
export const quantity = (milli: number): string => formatQuantity(milli);

/** "02-12-2026", from a business date ("2026-12-02") or an instant. */
export const date = (at: string | null): string => (at ? shopDate(at) : '—');

/** "02-12-2026 14:30" in India. */
export const dateTime = (iso: string | null): string => (iso ? shopDateTime(iso) : '—');

/** "3 h ago", for when a counter last synced. */
export function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
}

/** The shop's calendar day in India, as YYYY-MM-DD. */
export function shopToday(offsetDays = 0): string {
  return shopBusinessDate(new Date(Date.now() + offsetDays * 86_400_000));
}
