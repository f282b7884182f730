// Khata: the customer credit journal (entries), the payment receipts that reduce it, and reversals of wrong receipts.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { parties } from '../parties/schema';
import { PAYMENT_MODES } from '../../../src-shared/contracts/sales';

export const KHATA_ENTRY_KINDS = ['opening', 'sale', 'payment', 'return', 'reversal'] as const;

/** amountPaise > 0: the party owes more (a credit sale); < 0: the party paid or was credited. */
export const khataEntries = sqliteTable(
  'khata_entries',
  {
    id: text('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    kind: text('kind', { enum: KHATA_ENTRY_KINDS }).notNull(),
    docId: text('doc_id'),
    docNumber: text('doc_number'),
    amountPaise: integer('amount_paise').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('khata_entries_party_idx').on(t.partyId, t.createdAt)],
);

export const receipts = sqliteTable(
  'receipts',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    amountPaise: integer('amount_paise').notNull(),
    mode: text('mode', { enum: PAYMENT_MODES }).notNull(),
    reference: text('reference').notNull().default(''),
    staffId: text('staff_id').notNull(),
    cashSessionId: text('cash_session_id'),
    createdAt: text('created_at').notNull(),
    businessDate: text('business_date').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('receipts_party_idx').on(t.partyId)],
);

/** Cancels one wrong receipt: its own numbered, chained document that puts the amount back on the khata. */
export const receiptReversals = sqliteTable('receipt_reversals', {
  id: text('id').primaryKey(),
  number: text('number').notNull().unique(),
  receiptId: text('receipt_id')
    .notNull()
    .unique()
    .references(() => receipts.id),
  receiptNumber: text('receipt_number').notNull(),
  partyId: text('party_id')
    .notNull()
    .references(() => parties.id),
  amountPaise: integer('amount_paise').notNull(),
  mode: text('mode', { enum: PAYMENT_MODES }).notNull(),
  reason: text('reason').notNull(),
  staffId: text('staff_id').notNull(),
  approvedBy: text('approved_by').notNull(),
  cashSessionId: text('cash_session_id'),
  createdAt: text('created_at').notNull(),
  businessDate: text('business_date').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export type KhataEntry = typeof khataEntries.$inferSelect;
export type Receipt = typeof receipts.$inferSelect;
export type ReceiptReversal = typeof receiptReversals.$inferSelect;
