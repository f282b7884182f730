// Document numbers per counter series and Indian financial year, e.g. C1-2026-000123.

import { Invalid } from './errors';
import { shopBusinessDate } from './shop-time';

/** GST rules cap an invoice number at 16 characters. */
const MAX_LENGTH = 16;
const PREFIX = /^[A-Za-z0-9]+$/;
const DOCUMENT_NUMBER = /^([A-Za-z0-9]+)-(\d{4})-(\d{6,})$/;

/** The year in which the Indian financial year (1 April – 31 March) containing `date` began, by the day in India. */
export function financialYearStart(date: Date): number {
  if (Number.isNaN(date.getTime())) throw new Invalid('Not a valid date');
  const [year, month] = shopBusinessDate(date).split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

export function formatDocumentNumber(prefix: string, fyStart: number, seq: number): string {
  if (!PREFIX.test(prefix)) throw new Invalid(`Series prefix must be letters and digits only, got "${prefix}"`);
  if (!Number.isInteger(fyStart) || fyStart < 1000 || fyStart > 9999)
    throw new Invalid(`Financial year must be a four-digit year, got ${fyStart}`);
  if (!Number.isSafeInteger(seq) || seq < 1)
    throw new Invalid(`Sequence number must be a whole number from 1, got ${seq}`);
  const text = `${prefix}-${fyStart}-${String(seq).padStart(6, '0')}`;
  if (text.length > MAX_LENGTH)
    throw new Invalid(`Document number "${text}" is longer than the ${MAX_LENGTH} characters GST allows`);
  return text;
}

/** Null unless `text` is exactly what formatDocumentNumber would write. */
export function parseDocumentNumber(text: string): { prefix: string; fyStart: number; seq: number } | null {
  const match = DOCUMENT_NUMBER.exec(text);
  if (!match) return null;
  const [, prefix = '', fy = '', digits = ''] = match;
  const parsed = { prefix, fyStart: Number(fy), seq: Number(digits) };
  try {
    return formatDocumentNumber(parsed.prefix, parsed.fyStart, parsed.seq) === text ? parsed : null;
  } catch {
    return null;
  }
}
