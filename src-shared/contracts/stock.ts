// Inputs of stock procedures: purchases received, adjustments by a change, and counts of what is on the shelf.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { id, requiredText, page, MAX_QTY_MILLI } from './common';

const stockChangeMilli = z
  .number()
  .int(shopText('qtyDecimals'))
  .min(-MAX_QTY_MILLI, shopText('stockChangeTooLarge'))
  .max(MAX_QTY_MILLI, shopText('stockChangeTooLarge'))
  .refine((n) => n !== 0, shopText('stockChangeZero'));

/** A purchase received or an adjustment: the stock changes by `deltaMilli` (signed). */
const stockChange = z
  .object({
    itemId: id,
    deltaMilli: stockChangeMilli,
    reason: z.enum(['purchase', 'adjustment']),
    note: requiredText(200),
  })
  .strict();

/** "I counted N": the stock becomes what is on the shelf, posted as an adjustment of the difference. */
const stockCount = z
  .object({
    itemId: id,
    countedMilli: z
      .number()
      .int(shopText('qtyDecimals'))
      .min(0, shopText('stockCountRange'))
      .max(MAX_QTY_MILLI, shopText('stockCountRange')),
    reason: z.literal('count'),
    note: requiredText(200),
  })
  .strict();

export const adjustStockInput = z.discriminatedUnion('reason', [stockChange, stockCount]);
export type AdjustStockInput = z.infer<typeof adjustStockInput>;

export const movementsInput = page.extend({ itemId: id }).strict();
