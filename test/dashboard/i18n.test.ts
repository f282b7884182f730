// The dashboard's English and Hindi say the same things: every text has both, with the same {{placeholders}}, and the
// Hindi has no English left in it beyond the GST terms accountants write as they are.
import { describe, expect, it } from 'vitest';
import en from '../../dashboard/src/i18n/en.json';
import hi from '../../dashboard/src/i18n/hi.json';

import { flatten, placeholders, type Texts } from '../support/i18n-texts';
const KEPT = new Set([
  'GST',
  'GSTR',
  'GSTIN',
  'ITC',
  'IGST',
  'CGST',
  'SGST',
  'RCM',
  'JSON',
  'Tally',
  'dd',
  'mm',
  'yyyy',
]);

describe("the dashboard's two languages", () => {
  const english = flatten(en as Texts);
  const hindi = flatten(hi as Texts);

  it('have the same keys', () => {
    expect([...hindi.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !hindi.has(key))).toEqual([]);
  });

  it('fill in the same placeholders, and no text is left empty', () => {
    const mismatched = [...english]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(hindi.get(key)!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
    expect([...english, ...hindi].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('leave no English words in the Hindi but the kept GST terms', () => {
    const left = [...hindi].flatMap(([key, text]) =>
      (text.replace(/\{\{\s*\w+\s*\}\}/g, '').match(/[A-Za-z]{2,}/g) ?? [])
        .filter((word) => !KEPT.has(word))
        .map((word) => `${key}: ${word}`),
    );
    expect(left).toEqual([]);
  });
});
