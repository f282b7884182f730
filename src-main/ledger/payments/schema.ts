// Payments: money taken for an invoice or a khata receipt, or refunded for a credit note.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { PAYMENT_MODES } from '../../../src-shared/contracts/sales';

/** A receipt reversal's payment is money going back out, like a credit note's refund. */
export const PAYMENT_DOC_TYPES = ['invoice', 'receipt', 'credit_note', 'receipt_reversal'] as const;

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    docType: text('doc_type', { enum: PAYMENT_DOC_TYPES }).notNull(),
    docId: text('doc_id').notNull(),
    mode: text('mode', { enum: PAYMENT_MODES }).notNull(),
    amountPaise: integer('amount_paise').notNull(),
    reference: text('reference').notNull().default(''),
    cashSessionId: text('cash_session_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payments_doc_idx').on(t.docId), index('payments_session_idx').on(t.cashSessionId)],
);

export type Payment = typeof payments.$inferSelect;
