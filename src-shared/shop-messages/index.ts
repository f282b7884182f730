// Shop-language messages: one catalogue (English and Hindi) that zod schemas and domain errors speak in, so the screen can show either language.
import { SHOP_MESSAGES_EN, type ShopMessageKey } from './en';

export { SHOP_MESSAGES_EN, type ShopMessageKey } from './en';
export { SHOP_MESSAGES_HI } from './hi';

export type ShopMessageParams = Record<string, string | number>;

/** A message by key, with what fills its blanks; the screen renders it in the counter's language. */
export interface ShopMessage {
  key: ShopMessageKey;
  params?: ShopMessageParams;
}

/** Fills `{{name}}` blanks the way i18next does, so one template serves the ledger (English) and the screen. */
export function fillTemplate(template: string, params: ShopMessageParams = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (blank, name: string) => (name in params ? String(params[name]) : blank));
}

/** The English text of a message: what the ledger's errors and logs carry. */
export function shopText(key: ShopMessageKey, params?: ShopMessageParams): string {
  return fillTemplate(SHOP_MESSAGES_EN[key], params);
}

const KEY_OF_TEXT = new Map<string, ShopMessageKey>(
  (Object.entries(SHOP_MESSAGES_EN) as [ShopMessageKey, string][])
    .filter(([, text]) => !text.includes('{{'))
    .map(([key, text]) => [text, key]),
);

/** The key of a message without blanks from its English text: zod carries only text, so its issues are recognised by it. */
export function shopKeyOfText(text: string): ShopMessageKey | undefined {
  return KEY_OF_TEXT.get(text);
}
