// Retail barcodes: GS1 check digits (EAN-13, EAN-8, UPC-A) and weighing-scale codes with weight or price inside.

import { Invalid } from './errors';

export interface ScaleBarcodeConfig {
  prefixes: string[];
  pluDigits: number;
  valueDigits: number;
  valueKind: 'weight' | 'price';
}

/** GS1 prefixes 20–29 are reserved for in-store numbering, which scales use. */
export const DEFAULT_SCALE_CONFIG: ScaleBarcodeConfig = {
  prefixes: ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'],
  pluDigits: 5,
  valueDigits: 5,
  valueKind: 'weight',
};

const DIGITS = /^\d+$/;

export function looksLikeGs1(code: string): boolean {
  return DIGITS.test(code) && (code.length === 8 || code.length === 12 || code.length === 13);
}

/** Trimmed; a UPC-A becomes the EAN-13 it is equal to, so one item matches either scan. */
export function normalizeBarcode(raw: string): string {
  const code = raw.trim();
  return code.length === 12 && DIGITS.test(code) ? `0${code}` : code;
}

/** GS1 mod-10: weights 3, 1, 3, … from the digit left of the check digit. */
export function hasValidCheckDigit(code: string): boolean {
  if (!looksLikeGs1(code)) return false;
  let sum = 0;
  for (let fromRight = 1; fromRight < code.length; fromRight++) {
    const digit = Number(code.charAt(code.length - 1 - fromRight));
    sum += fromRight % 2 === 1 ? 3 * digit : digit;
  }
  return (10 - (sum % 10)) % 10 === Number(code.charAt(code.length - 1));
}

function requireConsistent(config: ScaleBarcodeConfig): void {
  for (const prefix of config.prefixes) {
    if (!DIGITS.test(prefix) || prefix.length + config.pluDigits + config.valueDigits !== 12) {
      throw new Invalid(
        `Scale barcode layout "${prefix}" + ${config.pluDigits} PLU + ${config.valueDigits} value digits must fill 12 digits before the check digit`,
      );
    }
  }
}

/**
 * A 13-digit scale label: prefix, PLU, then the weight in grams (= milli-units of a kg item)
 * or the price in paise, then the check digit. Null when the code is not such a label.
 */
export function parseScaleBarcode(
  code: string,
  config: ScaleBarcodeConfig,
): { plu: string; qtyMilli?: number; pricePaise?: number } | null {
  requireConsistent(config);
  if (code.length !== 13 || !hasValidCheckDigit(code)) return null;
  const prefix = config.prefixes.find((candidate) => code.startsWith(candidate));
  if (prefix === undefined) return null;
  const pluEnd = prefix.length + config.pluDigits;
  const plu = code.slice(prefix.length, pluEnd);
  const value = Number(code.slice(pluEnd, pluEnd + config.valueDigits));
  return config.valueKind === 'weight' ? { plu, qtyMilli: value } : { plu, pricePaise: value };
}
