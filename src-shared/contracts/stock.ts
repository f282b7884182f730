// Inputs of stock procedures: purchases received and counted adjustments.
import { z } from 'zod';
import { id, requiredText, page } from './common';

export const adjustStockInput = z
  .object({
    itemId: id,
    /** Signed: a purchase adds, a breakage or a count correction may remove. */
    deltaMilli: z
      .number()
      .int()
      .min(-1_000_000_000)
      .max(1_000_000_000)
      .refine((n) => n !== 0, 'change must not be zero'),
    reason: z.enum(['purchase', 'adjustment']),
    note: requiredText(200),
  })
  .strict();

export const movementsInput = page.extend({ itemId: id }).strict();
