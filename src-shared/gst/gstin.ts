// GSTIN validation (format and the official mod-36 check character) and Indian GST state codes.

import { Invalid } from '../errors';

/** GST state/UT codes, as used in GSTINs and as the place of supply. */
export const INDIAN_STATE_CODES: Record<string, string> = {
  '01': 'Jammu and Kashmir',
  '02': 'Himachal Pradesh',
  '03': 'Punjab',
  '04': 'Chandigarh',
  '05': 'Uttarakhand',
  '06': 'Haryana',
  '07': 'Delhi',
  '08': 'Rajasthan',
  '09': 'Uttar Pradesh',
  '10': 'Bihar',
  '11': 'Sikkim',
  '12': 'Arunachal Pradesh',
  '13': 'Nagaland',
  '14': 'Manipur',
  '15': 'Mizoram',
  '16': 'Tripura',
  '17': 'Meghalaya',
  '18': 'Assam',
  '19': 'West Bengal',
  '20': 'Jharkhand',
  '21': 'Odisha',
  '22': 'Chhattisgarh',
  '23': 'Madhya Pradesh',
  '24': 'Gujarat',
  // 25 was Daman and Diu before its 2020 merger into 26; GSTINs issued under it remain valid.
  '25': 'Daman and Diu',
  '26': 'Dadra and Nagar Haveli and Daman and Diu',
  '27': 'Maharashtra',
  '28': 'Andhra Pradesh (before division)',
  '29': 'Karnataka',
  '30': 'Goa',
  '31': 'Lakshadweep',
  '32': 'Kerala',
  '33': 'Tamil Nadu',
  '34': 'Puducherry',
  '35': 'Andaman and Nicobar Islands',
  '36': 'Telangana',
  '37': 'Andhra Pradesh',
  '38': 'Ladakh',
  '97': 'Other Territory',
  '99': 'Centre Jurisdiction',
};

const GSTIN_PATTERN = /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z][0-9A-Z][0-9A-Z]$/;
const CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function isStateCode(s: string): boolean {
  return Object.hasOwn(INDIAN_STATE_CODES, s);
}

/** The official GSTIN check character over the first 14 characters (weights 1, 2, 1, 2, …). */
function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = CHECK_ALPHABET.indexOf(first14.charAt(i)) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return CHECK_ALPHABET.charAt((36 - (sum % 36)) % 36);
}

/** Expects the GSTIN as printed: 15 upper-case characters, no spaces. */
export function isValidGstin(text: string): boolean {
  if (!GSTIN_PATTERN.test(text)) return false;
  if (!isStateCode(text.slice(0, 2))) return false;
  return gstinCheckChar(text.slice(0, 14)) === text.charAt(14);
}

export function gstinStateCode(gstin: string): string {
  if (!isValidGstin(gstin)) throw new Invalid(`"${gstin}" is not a valid GSTIN`);
  return gstin.slice(0, 2);
}
