// Shop-language messages: one catalogue in English and Hindi that zod schemas and domain errors speak in.
import { describe, expect, it } from 'vitest';
import {
  SHOP_MESSAGES_EN,
  SHOP_MESSAGES_HI,
  fillTemplate,
  shopKeyOfText,
  shopText,
} from '../../../src-shared/shop-messages';
import { Invalid } from '../../../src-shared/errors';
import { computeInvoiceTotals } from '../../../src-shared/sales/totals';
import { shopSettings } from '../../../src-shared/contracts/settings';
import { adjustStockInput } from '../../../src-shared/contracts/stock';
import { createStaffInput } from '../../../src-shared/contracts/staff';

const DEVELOPER_TEXT = /Invalid input|expected|Too big|Too small|[a-z]Milli|[a-z]Paise|\(bp\)|\bbp\b|<=|>=|value\./;

describe('the shop-language catalogue', () => {
  it('has a Hindi text for every English one, with the same blanks', () => {
    expect(Object.keys(SHOP_MESSAGES_HI).sort()).toEqual(Object.keys(SHOP_MESSAGES_EN).sort());
    for (const [key, english] of Object.entries(SHOP_MESSAGES_EN)) {
      const hindi = SHOP_MESSAGES_HI[key as keyof typeof SHOP_MESSAGES_EN];
      expect(hindi.match(/\{\{\w+\}\}/g)?.sort() ?? [], key).toEqual(english.match(/\{\{\w+\}\}/g)?.sort() ?? []);
      expect(hindi, key).toMatch(/[\u0900-\u097F]/);
    }
  });

  it('speaks shop language: no field paths, storage units or zod wording in any message', () => {
    for (const [key, english] of Object.entries(SHOP_MESSAGES_EN)) expect(english, key).not.toMatch(DEVELOPER_TEXT);
  });

  it('gives each message without blanks its own text, so a text leads back to one key', () => {
    const plain = Object.entries(SHOP_MESSAGES_EN).filter(([, text]) => !text.includes('{{'));
    expect(plain.length).toBeGreaterThan(20);
    expect(new Set(plain.map(([, text]) => text)).size).toBe(plain.length);
    for (const [key, text] of plain) expect(shopKeyOfText(text)).toBe(key);
  });

  it('fills blanks the way the screen does', () => {
    expect(shopText('wrongPin', { left: 1 })).toBe('Wrong PIN. Tries left: 1.');
    expect(fillTemplate(SHOP_MESSAGES_HI.wrongPin, { left: 1 })).toBe('गलत PIN। बचे हुए प्रयास: 1।');
  });
});

describe('the four messages a cashier saw as developer text', () => {
  const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues[0]?.message;

  it('a wrong shop GSTIN', () => {
    const result = shopSettings.safeParse({ name: 'Shop', stateCode: '27', gstin: '27AAPFU0939F1ZX' });
    expect(firstMessage(result)).toBe('This GSTIN is not valid. Check its 15 characters.');
  });

  it('a stock change beyond ten lakh', () => {
    const result = adjustStockInput.safeParse({
      itemId: '6f1c2b1e-8f3a-4c52-9d1e-2b7a9c0d4e11',
      deltaMilli: 1_500_000_000,
      reason: 'adjustment',
      note: 'x',
    });
    expect(firstMessage(result)).toBe('Enter a change of up to 10,00,000.');
  });

  it('a bill discount of 150 %', () => {
    const totals = () =>
      computeInvoiceTotals({
        lines: [{ qtyMilli: 1000, unitPricePaise: 10_000, priceIncludesTax: true, gstRateBp: 500, cessRateBp: 0 }],
        billDiscount: { kind: 'percent', bp: 15_000 },
        interState: false,
        roundOff: false,
      });
    expect(totals).toThrow(Invalid);
    expect(totals).toThrow('Bill discount: enter a discount from 0 to 100 %.');
  });

  it("a PIN that is not 4 to 8 digits, and zod's own messages where a schema has none", () => {
    expect(firstMessage(createStaffInput.safeParse({ name: 'A', role: 'cashier', pin: '12' }))).toBe(
      'A PIN is 4 to 8 digits.',
    );
    expect(firstMessage(createStaffInput.safeParse({ name: 'A', role: 'boss', pin: '1234' }))).toBe(
      'Choose one from the list.',
    );
    expect(firstMessage(createStaffInput.safeParse({ name: 5, role: 'cashier', pin: '1234' }))).toBe(
      'Please check this entry.',
    );
  });
});
