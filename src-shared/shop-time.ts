// Dates and times as the shop reads them: dd-mm-yyyy in India's time zone, whatever the PC's or server's zone or locale is.
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
