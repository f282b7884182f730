// Inputs of the catalogue procedures (items, barcodes, CSV import, lookup).
import { z } from 'zod';
import { id, paise, basisPoints, shortText, requiredText, page } from './common';
import { GST_RATES_BP } from '../gst/rates';

export const ITEM_UNITS = ['pcs', 'kg', 'l', 'm'] as const;

export const gstRateBp = z
  .number()
  .int()
  .refine((n) => (GST_RATES_BP as readonly number[]).includes(n), {
    message: `GST rate must be one of ${GST_RATES_BP.map((bp) => bp / 100).join(', ')} %`,
  });

export const itemFields = z
  .object({
    sku: requiredText(64),
    name: requiredText(200),
    unit: z.enum(ITEM_UNITS),
    pricePaise: paise,
    priceIncludesTax: z.boolean(),
    costPaise: paise.default(0),
    gstRateBp,
    cessRateBp: basisPoints.default(0),
    hsn: z
      .string()
      .trim()
      .regex(/^(\d{4}|\d{6}|\d{8})?$/, 'HSN must be 4, 6 or 8 digits')
      .default(''),
    plu: z
      .string()
      .regex(/^\d{1,6}$/, 'PLU must be 1 to 6 digits')
      .nullable()
      .default(null),
    barcodes: z.array(requiredText(32)).max(20).default([]),
    reorderLevelMilli: z.number().int().min(0).max(1_000_000_000).default(0),
    category: shortText(80).default(''),
  })
  .strict();

export const createItemInput = itemFields
  .extend({ openingStockMilli: z.number().int().min(0).max(1_000_000_000).default(0) })
  .strict();
export const updateItemInput = itemFields.partial().extend({ id }).strict();
export const lookupInput = z.object({ code: requiredText(64) }).strict();
export const searchItemsInput = z
  .object({ query: shortText(100), limit: z.number().int().min(1).max(100).default(20) })
  .strict();
export const listItemsInput = page
  .extend({ category: shortText(80).optional(), lowStockOnly: z.boolean().default(false) })
  .strict();
export const importCsvInput = z.object({ csv: z.string().max(20_000_000, 'CSV is larger than 20 MB') }).strict();

export type CreateItemInput = z.infer<typeof createItemInput>;
export type UpdateItemInput = z.infer<typeof updateItemInput>;
