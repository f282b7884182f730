// The bill a cashier is building, kept in the ledger as it changes: not a document (no number, no hash, never synced).
import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One open bill per counter and cashier: it survives a logout, a reload, a renderer crash and an app restart. */
export const billDrafts = sqliteTable(
  'bill_drafts',
  {
    counterId: text('counter_id').notNull(),
    staffId: text('staff_id').notNull(),
    billId: text('bill_id').notNull(),
    heldBillId: text('held_bill_id'),
    cart: text('cart', { mode: 'json' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.staffId] })],
);

export type BillDraft = typeof billDrafts.$inferSelect;
