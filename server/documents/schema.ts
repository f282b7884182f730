// The shop's documents as the counters finalised them: invoices, credit notes, receipts and reversals, payments, cash sessions.
import {
  pgTable,
  uuid,
  text,
  jsonb,
  timestamp,
  primaryKey,
  index,
  uniqueIndex,
  date,
  integer,
} from 'drizzle-orm/pg-core';
import { amount } from '../db/columns';

const received = () => timestamp('received_at', { withTimezone: true }).notNull().defaultNow();

export const invoices = pgTable(
  'invoices',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    number: text('number').notNull(),
    partyId: uuid('party_id'),
    staffId: text('staff_id').notNull(),
    businessDate: date('business_date').notNull(),
    counterCreatedAt: text('counter_created_at').notNull(),
    taxablePaise: amount('taxable_paise'),
    cgstPaise: amount('cgst_paise'),
    sgstPaise: amount('sgst_paise'),
    igstPaise: amount('igst_paise'),
    cessPaise: amount('cess_paise'),
    roundOffPaise: amount('round_off_paise'),
    totalPaise: amount('total_paise'),
    khataPaise: amount('khata_paise'),
    payload: jsonb('payload').notNull(),
    receivedAt: received(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('invoices_number_idx').on(t.shopId, t.number),
    index('invoices_day_idx').on(t.shopId, t.businessDate),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    lineNo: integer('line_no').notNull(),
    itemId: uuid('item_id').notNull(),
    qtyMilli: amount('qty_milli'),
    unitCostPaise: amount('unit_cost_paise'),
    taxablePaise: amount('taxable_paise'),
    totalPaise: amount('total_paise'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('invoice_lines_invoice_idx').on(t.shopId, t.invoiceId),
    index('invoice_lines_item_idx').on(t.shopId, t.itemId),
  ],
);

export const creditNotes = pgTable(
  'credit_notes',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    number: text('number').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    partyId: uuid('party_id'),
    refundMode: text('refund_mode').notNull(),
    businessDate: date('business_date').notNull(),
    counterCreatedAt: text('counter_created_at').notNull(),
    taxablePaise: amount('taxable_paise'),
    totalPaise: amount('total_paise'),
    payload: jsonb('payload').notNull(),
    receivedAt: received(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('credit_notes_number_idx').on(t.shopId, t.number)],
);

export const creditNoteLines = pgTable(
  'credit_note_lines',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    creditNoteId: uuid('credit_note_id').notNull(),
    invoiceLineId: uuid('invoice_line_id').notNull(),
    itemId: uuid('item_id').notNull(),
    qtyMilli: amount('qty_milli'),
    taxablePaise: amount('taxable_paise'),
    totalPaise: amount('total_paise'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('credit_note_lines_item_idx').on(t.shopId, t.itemId)],
);

export const receipts = pgTable(
  'receipts',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    number: text('number').notNull(),
    partyId: uuid('party_id').notNull(),
    mode: text('mode').notNull(),
    amountPaise: amount('amount_paise'),
    businessDate: date('business_date').notNull(),
    counterCreatedAt: text('counter_created_at').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: received(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('receipts_number_idx').on(t.shopId, t.number)],
);

/** Cancels one wrong receipt (a counter's reversing document); the khata entry it made travels as its own op. */
export const receiptReversals = pgTable(
  'receipt_reversals',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    number: text('number').notNull(),
    receiptId: uuid('receipt_id').notNull(),
    partyId: uuid('party_id').notNull(),
    mode: text('mode').notNull(),
    amountPaise: amount('amount_paise'),
    businessDate: date('business_date').notNull(),
    counterCreatedAt: text('counter_created_at').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: received(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('receipt_reversals_number_idx').on(t.shopId, t.number),
    uniqueIndex('receipt_reversals_receipt_idx').on(t.shopId, t.receiptId),
  ],
);

export const PAYMENT_DOC_TYPES = ['invoice', 'receipt', 'credit_note', 'receipt_reversal'] as const;

/** Money in (invoice, receipt) and out (credit-note refunds, receipt reversals) by mode, for the owner's reports. */
export const payments = pgTable(
  'payments',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    docType: text('doc_type', { enum: PAYMENT_DOC_TYPES }).notNull(),
    docId: uuid('doc_id').notNull(),
    mode: text('mode').notNull(),
    amountPaise: amount('amount_paise'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('payments_doc_idx').on(t.shopId, t.docId)],
);

export const cashSessions = pgTable(
  'cash_sessions',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: received(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);
