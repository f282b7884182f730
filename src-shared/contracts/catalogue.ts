// Inputs of the catalogue procedures (items, barcodes, CSV import, lookup).
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { id, paise, basisPoints, shortText, requiredText, page, MAX_QTY_MILLI } from './common';
import { GST_RATES_BP } from '../gst/rates';

export const ITEM_UNITS = ['pcs', 'kg', 'l', 'm'] as const;

export const gstRateBp = z
  .number()
  .int()
  .refine((n) => (GST_RATES_BP as readonly number[]).includes(n), {
    message: shopText('gstRateInvalid'),
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
      .regex(/^(\d{4}|\d{6}|\d{8})?$/, shopText('hsnFormat'))
      .default(''),
    plu: z
      .string()
      .regex(/^\d{1,6}$/, shopText('pluFormat'))
      .nullable()
      .default(null),
    barcodes: z.array(requiredText(32)).max(20).default([]),
    reorderLevelMilli: z
      .number()
      .int(shopText('qtyDecimals'))
      .min(0, shopText('stockCountRange'))
      .max(MAX_QTY_MILLI, shopText('stockCountRange'))
      .default(0),
    category: shortText(80).default(''),
  })
  .strict();

/** A new item may leave its SKU empty: the ledger makes one from the name, so every item still has a SKU. */
export const createItemInput = itemFields
  .extend({
    sku: shortText(64).default(''),
    openingStockMilli: z
      .number()
      .int(shopText('qtyDecimals'))
      .min(0, shopText('stockCountRange'))
      .max(MAX_QTY_MILLI, shopText('stockCountRange'))
      .default(0),
  })
  .strict();
export const updateItemInput = itemFields.partial().extend({ id }).strict();
export const lookupInput = z.object({ code: requiredText(64) }).strict();
export const searchItemsInput = z
  .object({ query: shortText(100), limit: z.number().int().min(1).max(100).default(20) })
  .strict();
export const listItemsInput = page
  .extend({ category: shortText(80).optional(), lowStockOnly: z.boolean().default(false) })
  .strict();
export const importCsvInput = z.object({ csv: z.string().max(20_000_000, shopText('csvTooLarge')) }).strict();

export type CreateItemInput = z.infer<typeof createItemInput>;
export type UpdateItemInput = z.infer<typeof updateItemInput>;

/** The CSV import's columns, in the order of the sample file; only name, unit, price and gst_rate are required. */
export const CSV_COLUMNS = [
  'sku',
  'name',
  'barcodes',
  'unit',
  'price',
  'price_includes_tax',
  'cost',
  'gst_rate',
  'cess_rate',
  'hsn',
  'plu',
  'stock',
  'reorder_level',
  'category',
] as const;

/** A sample a shop owner can open in a spreadsheet and fill in: a packed item, a loose one, one without a SKU. */
export const SAMPLE_CSV = [
  CSV_COLUMNS.join(','),
  'DAL-1KG,Toor Dal 1kg,8901725181239,pcs,145.50,yes,120,5,0,0713,,25,5,Pulses',
  'SUGAR-LOOSE,Loose Sugar,,kg,44,yes,40,5,0,1701,45,12.5,10,Grocery',
  ',Bath Soap 100g,8901030704727,pcs,38,yes,30,18,0,3401,,48,12,Personal care',
].join('\n');
