// The shop's shared catalogue and parties (last writer by server order) and the additive khata and stock movements.
import { pgTable, uuid, text, bigint, jsonb, boolean, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';
import { amount } from '../db/columns';

export const items = pgTable(
  'items',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull(),
    /** The item as its last writer (in server order) sent it; stock is not in here but summed from movements. */
    payload: jsonb('payload').notNull(),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

export const parties = pgTable(
  'parties',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull(),
    payload: jsonb('payload').notNull(),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

/** Additive: a party's balance is the sum of its entries, from whichever counter they came; nothing is overwritten. */
export const khataEntries = pgTable(
  'khata_entries',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    partyId: uuid('party_id').notNull(),
    kind: text('kind').notNull(),
    docId: uuid('doc_id'),
    amountPaise: amount('amount_paise'),
    counterCreatedAt: text('counter_created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('khata_entries_party_idx').on(t.shopId, t.partyId)],
);

/** Additive like khata: an item's stock is the sum of its movements. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    itemId: uuid('item_id').notNull(),
    qtyMilli: amount('qty_milli'),
    reason: text('reason').notNull(),
    docId: uuid('doc_id'),
    counterCreatedAt: text('counter_created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('stock_movements_item_idx').on(t.shopId, t.itemId)],
);
