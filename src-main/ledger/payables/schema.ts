// Payables: what the shop owes each supplier (the supplier khata), and the numbered payments made to suppliers.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { PAYABLE_ENTRY_KINDS, SUPPLIER_PAYMENT_MODES } from '../../../src-shared/sync/purchase-payloads';
import { parties } from '../parties/schema';

/** amountPaise > 0: the shop owes the supplier more (a bill on credit, an opening due); < 0: paid or returned. */
export const payableEntries = sqliteTable(
  'payable_entries',
  {
    id: text('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    kind: text('kind', { enum: PAYABLE_ENTRY_KINDS }).notNull(),
    docId: text('doc_id'),
    docNumber: text('doc_number'),
    amountPaise: integer('amount_paise').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payable_entries_party_idx').on(t.partyId, t.createdAt), index('payable_entries_doc_idx').on(t.docId)],
);

/** Money paid out to a supplier: its own numbered, hash-chained document in the counter's supplier-payment series. */
export const supplierPayments = sqliteTable(
  'supplier_payments',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    counterId: text('counter_id').notNull(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => parties.id),
    amountPaise: integer('amount_paise').notNull(),
    mode: text('mode', { enum: SUPPLIER_PAYMENT_MODES }).notNull(),
    /** UPI/bank reference or the cheque number; empty for cash. */
    reference: text('reference').notNull().default(''),
    /** The date written on a cheque (yyyy-mm-dd); null for the other modes. */
    chequeDate: text('cheque_date'),
    staffId: text('staff_id').notNull(),
    /** The shift whose drawer cash paid it (cash), or the shift open when it was recorded. */
    cashSessionId: text('cash_session_id'),
    createdAt: text('created_at').notNull(),
    businessDate: text('business_date').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('supplier_payments_supplier_idx').on(t.supplierId),
    index('supplier_payments_session_idx').on(t.cashSessionId),
  ],
);

export type PayableEntry = typeof payableEntries.$inferSelect;
export type SupplierPayment = typeof supplierPayments.$inferSelect;
