// Stock movements: the only way stock changes; items.stock_milli is their running sum.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { items } from '../catalogue/schema';

export const STOCK_REASONS = ['opening', 'sale', 'return', 'purchase', 'purchase_return', 'adjustment'] as const;

export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    qtyMilli: integer('qty_milli').notNull(),
    reason: text('reason', { enum: STOCK_REASONS }).notNull(),
    docId: text('doc_id'),
    note: text('note').notNull().default(''),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('stock_movements_item_idx').on(t.itemId, t.createdAt)],
);

export type StockMovement = typeof stockMovements.$inferSelect;
