// Money and quantity arithmetic on integers: paise for money, milli-units for quantities, one rounding rule.

import { Invalid } from './errors';

const GROUPED_DECIMAL = /^(\d+(?:,\d+)*)?(?:\.(\d+))?$/;

function requireSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value))
    throw new Invalid(`${what} must be a whole number within the safe range, got ${value}`);
}

/**
 * THE rounding rule of Galla: integer division rounding half away from zero
 * (2.5 → 3, −2.5 → −3), the way Indian tax invoices round to the paisa.
 * Exact for safe integers because it never divides inexactly in floating point:
 * the remainder is taken first, so the quotient of (n − r) / d is a whole number.
 */
export function divRound(numerator: number, denominator: number): number {
  requireSafeInteger(numerator, 'Numerator');
  requireSafeInteger(denominator, 'Denominator');
  if (denominator <= 0) throw new Invalid(`Denominator must be positive, got ${denominator}`);
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  if (2 * Math.abs(remainder) < denominator) return quotient + 0;
  return quotient + Math.sign(numerator);
}

/** Parses a non-negative decimal with at most `decimals` places into an integer count of 1/10^decimals. */
function parseScaledDecimal(text: string, decimals: number, what: string): number {
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) throw new Invalid(`${what} must not be negative: "${text}"`);
  const match = GROUPED_DECIMAL.exec(trimmed);
  const whole = match?.[1];
  const fraction = match?.[2];
  if (!match || (whole === undefined && fraction === undefined)) {
    throw new Invalid(`${what} must be a number like 12 or 12.50, got "${text}"`);
  }
  if (fraction !== undefined && fraction.length > decimals) {
    throw new Invalid(`${what} can have at most ${decimals} decimal places, got "${text}"`);
  }
  // BigInt keeps the parse exact: no float ever multiplies a money amount.
  const scale = 10n ** BigInt(decimals);
  const wholePart = BigInt((whole ?? '0').replaceAll(',', ''));
  const fractionPart = BigInt((fraction ?? '').padEnd(decimals, '0'));
  const scaled = wholePart * scale + fractionPart;
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) throw new Invalid(`${what} is too large: "${text}"`);
  return Number(scaled);
}

/** "1,234.50" → 123450 paise. Commas are accepted in Indian or Western grouping. */
export function parseRupees(text: string): number {
  return parseScaledDecimal(text, 2, 'Amount');
}

/** "1.5" → 1500 milli-units (1.5 kg, 1.5 l, or 1.5 pcs). */
export function parseQuantity(text: string): number {
  return parseScaledDecimal(text, 3, 'Quantity');
}

/** Indian grouping: the last three digits, then pairs (1,23,45,678). */
function groupIndian(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.slice(0, -3);
  const pairs = head.replace(/\B(?=(\d{2})+$)/g, ',');
  return `${pairs},${digits.slice(-3)}`;
}

/** 12345650 → "₹1,23,456.50"; −1200 → "-₹12.00". */
export function formatRupees(paise: number, opts: { symbol?: boolean } = {}): string {
  requireSafeInteger(paise, 'Amount in paise');
  const sign = paise < 0 ? '-' : '';
  const absolute = Math.abs(paise);
  const rupees = groupIndian(String(Math.floor(absolute / 100)));
  const fraction = String(absolute % 100).padStart(2, '0');
  const symbol = opts.symbol === false ? '' : '₹';
  return `${sign}${symbol}${rupees}.${fraction}`;
}

/** 1500 → "1.5", 2000 → "2": the shortest exact decimal, as a cashier would write it. */
export function formatQuantity(milli: number): string {
  requireSafeInteger(milli, 'Quantity in milli-units');
  const sign = milli < 0 ? '-' : '';
  const absolute = Math.abs(milli);
  const whole = String(Math.floor(absolute / 1000));
  const fraction = String(absolute % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/**
 * Splits `total` across `weights` by largest remainder, so the parts sum exactly to the
 * total (a bill discount spread over lines loses or gains no paisa). Ties go to the lower index.
 */
export function allocateProportionally(total: number, weights: number[]): number[] {
  requireSafeInteger(total, 'Total to allocate');
  weights.forEach((weight, index) => {
    requireSafeInteger(weight, `Weight ${index + 1}`);
    if (weight < 0) throw new Invalid(`Weight ${index + 1} must not be negative, got ${weight}`);
  });
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (weightSum === 0n) {
    if (total !== 0) throw new Invalid(`Cannot allocate ${total} when every weight is zero`);
    return weights.map(() => 0);
  }
  // Allocate the magnitude and restore the sign, so a negative total splits symmetrically.
  const magnitude = BigInt(Math.abs(total));
  const exact = weights.map((weight) => magnitude * BigInt(weight));
  const parts = exact.map((product) => product / weightSum);
  const leftover = Number(magnitude - parts.reduce((sum, part) => sum + part, 0n));
  const byRemainderDesc = exact
    .map((product, index) => ({ index, remainder: product % weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainderDesc.slice(0, leftover)) parts[index] = (parts[index] ?? 0n) + 1n;
  const sign = total < 0 ? -1 : 1;
  return parts.map((part) => sign * Number(part) + 0);
}
