// Catalogue tables: items and their barcodes (name search is an FTS5 table kept by triggers in the migrations).
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { ITEM_UNITS } from '../../../src-shared/contracts/catalogue';

export const items = sqliteTable(
  'items',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    unit: text('unit', { enum: ITEM_UNITS }).notNull(),
    pricePaise: integer('price_paise').notNull(),
    priceIncludesTax: integer('price_includes_tax', { mode: 'boolean' }).notNull(),
    costPaise: integer('cost_paise').notNull().default(0),
    gstRateBp: integer('gst_rate_bp').notNull(),
    cessRateBp: integer('cess_rate_bp').notNull().default(0),
    hsn: text('hsn').notNull().default(''),
    plu: text('plu').unique(),
    stockMilli: integer('stock_milli').notNull().default(0),
    reorderLevelMilli: integer('reorder_level_milli').notNull().default(0),
    category: text('category').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('items_category_idx').on(t.category)],
);

export const itemBarcodes = sqliteTable(
  'item_barcodes',
  {
    barcode: text('barcode').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
  },
  (t) => [index('item_barcodes_item_idx').on(t.itemId)],
);

export type Item = typeof items.$inferSelect;
