// Dates and times as the shop reads them: dd-mm-yyyy in India's time zone, whatever the PC's or server's zone is.
const IST_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Kolkata',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso: string): Record<string, string> {
  return Object.fromEntries(IST_PARTS.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
}

/** "07-05-2026" */
export function shopDate(iso: string): string {
  const p = partsOf(iso);
  return `${p.day}-${p.month}-${p.year}`;
}

/** "07-05-2026 18:30" */
export function shopDateTime(iso: string): string {
  const p = partsOf(iso);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** "18:30" */
export function shopTime(iso: string): string {
  const p = partsOf(iso);
  return `${p.hour}:${p.minute}`;
}
