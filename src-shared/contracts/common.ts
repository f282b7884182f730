// Shared zod building blocks for every procedure's input: ids, paise, quantities, bounded text.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { installShopZodMessages } from '../shop-messages/zod-messages';

// Every process that validates with these contracts answers in shop language, not zod's developer text.
installShopZodMessages();

/** Ten crore rupees: far above any counter bill, far below float trouble. */
export const MAX_PAISE = 1_000_000_000_00;
/** A million units of anything, in milli-units. */
export const MAX_QTY_MILLI = 1_000_000_000;

export const id = z.uuid({ message: shopText('chooseFromList') });
export const paise = z
  .number()
  .int(shopText('amountWholePaise'))
  .min(0, shopText('amountNotNegative'))
  .max(MAX_PAISE, shopText('amountTooLarge'));
export const signedPaise = z
  .number()
  .int(shopText('amountWholePaise'))
  .min(-MAX_PAISE, shopText('amountTooLarge'))
  .max(MAX_PAISE, shopText('amountTooLarge'));
export const qtyMilli = z
  .number()
  .int(shopText('qtyDecimals'))
  .positive(shopText('qtyAboveZero'))
  .max(MAX_QTY_MILLI, shopText('qtyTooLarge'));
const percentBp = (message: string) => z.number().int(message).min(0, message).max(10_000, message);
export const basisPoints = percentBp(shopText('percentRange'));
/** PostgreSQL text cannot hold U+0000 (the cloud server would fail the whole call), and no keyboard or scanner means to send it. */
export const withoutNul = (text: string) => !text.includes('\u0000');
export const NUL_MESSAGE = shopText('unusualCharacter');
export const shortText = (max = 200) => z.string().trim().max(max, shopText('tooLong')).refine(withoutNul, NUL_MESSAGE);
export const requiredText = (max = 200) =>
  z.string().trim().min(1, shopText('required')).max(max, shopText('tooLong')).refine(withoutNul, NUL_MESSAGE);
export const isoDate = z.iso.date({ message: shopText('notADate') });
export const pin = z.string().regex(/^\d{4,8}$/, shopText('pinFormat'));

/** A manager's PIN given at the counter to approve what a cashier may not do alone. */
export const approval = z.object({ staffId: id, pin }).strict();

export const discount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), bp: percentBp(shopText('discountPercentRange')) }).strict(),
  z.object({ kind: z.literal('amount'), paise }).strict(),
]);

export const page = z
  .object({
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
