// An amount in words for tax invoices, in the Indian numbering system (thousand, lakh, crore).

import { Invalid } from './errors';

const ONES = [
  'Zero',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** 99,99,99,99,999 rupees: crore counts themselves stop at 9,999, the usual limit of invoice software. */
const MAX_PAISE = 99_99_99_99_999 * 100 + 99;

/** Words for 1–99. */
function belowHundred(n: number): string {
  if (n < 20) return ONES[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens} ${ONES[n % 10]}`;
}

/** Words for 1–9999 (a crore count can reach thousands). */
function belowTenThousand(n: number): string {
  const parts: string[] = [];
  if (n >= 1000) parts.push(`${belowHundred(Math.floor(n / 1000))} Thousand`);
  if (n % 1000 >= 100) parts.push(`${ONES[Math.floor((n % 1000) / 100)]} Hundred`);
  if (n % 100 > 0) parts.push(belowHundred(n % 100));
  return parts.join(' ');
}

/** Words for a positive whole number of rupees up to 99,99,99,99,999. */
function rupeesInWords(rupees: number): string {
  const crore = Math.floor(rupees / 1_00_00_000);
  const lakh = Math.floor(rupees / 1_00_000) % 100;
  const rest = rupees % 1_00_000;
  const parts: string[] = [];
  if (crore > 0) parts.push(`${belowTenThousand(crore)} Crore`);
  if (lakh > 0) parts.push(`${belowHundred(lakh)} Lakh`);
  if (rest > 0) parts.push(belowTenThousand(rest));
  return parts.join(' ');
}

/** 12345650 → "Rupees One Lakh Twenty Three Thousand Four Hundred Fifty Six and Fifty Paise Only". */
export function amountInWords(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0)
    throw new Invalid(`Amount must be whole, non-negative paise, got ${paise}`);
  if (paise > MAX_PAISE) throw new Invalid(`Amount of ${paise} paise is beyond 99,99,99,99,999 rupees`);
  const rupees = Math.floor(paise / 100);
  const fraction = paise % 100;
  if (fraction === 0) return `Rupees ${rupees === 0 ? 'Zero' : rupeesInWords(rupees)} Only`;
  if (rupees === 0) return `${belowHundred(fraction)} Paise Only`;
  return `Rupees ${rupeesInWords(rupees)} and ${belowHundred(fraction)} Paise Only`;
}
