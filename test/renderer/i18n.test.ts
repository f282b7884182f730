// English and Hindi say the same things: every text has both, with the same {{placeholders}}, so switching language
// never shows a raw key or drops a number from a sentence.
import { describe, expect, it } from 'vitest';
import en from '../../src-renderer/i18n/en.json';
import hi from '../../src-renderer/i18n/hi.json';

import { flatten, placeholders, type Texts } from '../support/i18n-texts';

describe('the two languages', () => {
  const english = flatten(en as Texts);
  const hindi = flatten(hi as Texts);

  it('have the same keys', () => {
    expect([...hindi.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !hindi.has(key))).toEqual([]);
    expect(english.size).toBeGreaterThan(300);
  });

  it('fill in the same placeholders, and no text is left empty', () => {
    const mismatched = [...english]
      .filter(([key, text]) => hindi.has(key) && placeholders(text).join() !== placeholders(hindi.get(key)!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
    expect([...english, ...hindi].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});
