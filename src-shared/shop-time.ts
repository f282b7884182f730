// Dates and times as the shop reads them, whatever the browser's or PC's locale: dd-mm-yyyy, 12-hour clock, in IST.
export const SHOP_TIME_ZONE = 'Asia/Kolkata';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: SHOP_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h12',
});

interface ShopParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
  dayPeriod: string;
}

function partsOf(at: Date | string): ShopParts {
  const date = typeof at === 'string' ? new Date(at) : at;
  const parts = Object.fromEntries(PARTS.formatToParts(date).map((part) => [part.type, part.value]));
  return parts as unknown as ShopParts;
}

/** "05-08-2026". A plain date ("2026-08-05", a business date) is shown as it is, never shifted by a time zone. */
export function formatShopDate(at: Date | string): string {
  const plain = typeof at === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(at) : null;
  if (plain) return `${plain[3]}-${plain[2]}-${plain[1]}`;
  const { day, month, year } = partsOf(at);
  return `${day}-${month}-${year}`;
}

/** "03:30 PM" in IST. */
export function formatShopTime(at: Date | string): string {
  const { hour, minute, dayPeriod } = partsOf(at);
  return `${hour}:${minute} ${dayPeriod.toUpperCase()}`;
}

/** "05-08-2026 03:30 PM" in IST. */
export function formatShopDateTime(at: Date | string): string {
  return `${formatShopDate(at)} ${formatShopTime(at)}`;
}
