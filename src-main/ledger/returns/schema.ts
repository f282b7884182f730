// Credit notes: returns against an invoice (partial allowed), immutable like invoices.
import { taxColumns } from '../tax-columns';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { invoices, invoiceLines } from '../sales/schema';
import { PAYMENT_MODES } from '../../../src-shared/contracts/sales';

export const creditNotes = sqliteTable(
  'credit_notes',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    counterId: text('counter_id').notNull(),
    partyId: text('party_id'),
    staffId: text('staff_id').notNull(),
    approvedBy: text('approved_by').notNull(),
    cashSessionId: text('cash_session_id').notNull(),
    reason: text('reason').notNull(),
    refundMode: text('refund_mode', { enum: PAYMENT_MODES }).notNull(),
    createdAt: text('created_at').notNull(),
    businessDate: text('business_date').notNull(),
    ...taxColumns(),
    roundOffPaise: integer('round_off_paise').notNull(),
    totalPaise: integer('total_paise').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('credit_notes_invoice_idx').on(t.invoiceId),
    index('credit_notes_business_date_idx').on(t.businessDate),
  ],
);

export const creditNoteLines = sqliteTable(
  'credit_note_lines',
  {
    id: text('id').primaryKey(),
    creditNoteId: text('credit_note_id')
      .notNull()
      .references(() => creditNotes.id),
    invoiceLineId: text('invoice_line_id')
      .notNull()
      .references(() => invoiceLines.id),
    itemId: text('item_id').notNull(),
    qtyMilli: integer('qty_milli').notNull(),
    ...taxColumns(),
    totalPaise: integer('total_paise').notNull(),
  },
  (t) => [index('credit_note_lines_invoice_line_idx').on(t.invoiceLineId)],
);

export type CreditNote = typeof creditNotes.$inferSelect;
export type CreditNoteLine = typeof creditNoteLines.$inferSelect;
