// The shop's buying side as the counters finalised it: supplier bills (with lines and what was paid at once), returns
// to suppliers (debit notes), payments to suppliers, and each change to what the shop owes a supplier.
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
  boolean,
} from 'drizzle-orm/pg-core';
import { amount } from '../db/columns';

const received = () => timestamp('received_at', { withTimezone: true }).notNull().defaultNow();

const taxColumns = () => ({
  taxablePaise: amount('taxable_paise'),
  cgstPaise: amount('cgst_paise'),
  sgstPaise: amount('sgst_paise'),
  igstPaise: amount('igst_paise'),
  cessPaise: amount('cess_paise'),
});

export const purchaseBills = pgTable(
  'purchase_bills',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    /** Our number for it, in the counter's purchase series. */
    number: text('number').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    supplierGstin: text('supplier_gstin'),
    supplierStateCode: text('supplier_state_code').notNull(),
    /** The supplier's own tax invoice number and date: what GSTR-2B lists. */
    supplierInvoiceNumber: text('supplier_invoice_number').notNull(),
    supplierInvoiceDate: date('supplier_invoice_date').notNull(),
    reverseCharge: boolean('reverse_charge').notNull(),
    interState: boolean('inter_state').notNull(),
    businessDate: date('business_date').notNull(),
    counterCreatedAt: text('counter_created_at').notNull(),
    ...taxColumns(),
    freightPaise: amount('freight_paise'),
    roundOffPaise: amount('round_off_paise'),
    totalPaise: amount('total_paise'),
    paidPaise: amount('paid_paise'),
    payablePaise: amount('payable_paise'),
    payload: jsonb('payload').notNull(),
    receivedAt: received(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('purchase_bills_number_idx').on(t.shopId, t.number),
    index('purchase_bills_day_idx').on(t.shopId, t.businessDate),
    index('purchase_bills_supplier_idx').on(t.shopId, t.supplierId, t.supplierInvoiceDate),
  ],
);

export const purchaseBillLines = pgTable(
  'purchase_bill_lines',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    purchaseBillId: uuid('purchase_bill_id').notNull(),
    lineNo: integer('line_no').notNull(),
    itemId: uuid('item_id').notNull(),
    hsn: text('hsn').notNull(),
    gstRateBp: integer('gst_rate_bp').notNull(),
    qtyMilli: amount('qty_milli'),
    freeQtyMilli: amount('free_qty_milli'),
    ratePaise: amount('rate_paise'),
    discountPaise: amount('discount_paise'),
    ...taxColumns(),
    freightPaise: amount('freight_paise'),
    totalPaise: amount('total_paise'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('purchase_bill_lines_bill_idx').on(t.shopId, t.purchaseBillId),
    index('purchase_bill_lines_item_idx').on(t.shopId, t.itemId),
  ],
);

/** What was paid to the supplier at once on a bill, by mode. */
export const purchaseBillPayments = pgTable(
  'purchase_bill_payments',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    purchaseBillId: uuid('purchase_bill_id').notNull(),
    mode: text('mode').notNull(),
    amountPaise: amount('amount_paise'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('purchase_bill_payments_bill_idx').on(t.shopId, t.purchaseBillId),
  ],
);

/** A return to the supplier against one purchase bill: its tax comes off the month's input tax credit. */
export const debitNotes = pgTable(
  'debit_notes',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    number: text('number').notNull(),
    purchaseBillId: uuid('purchase_bill_id').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    supplierGstin: text('supplier_gstin'),
    supplierStateCode: text('supplier_state_code').notNull(),
    reverseCharge: boolean('reverse_charge').notNull(),
    interState: boolean('inter_state').notNull(),
    businessDate: date('business_date').notNull(),
    counterCreatedAt: text('counter_created_at').notNull(),
    ...taxColumns(),
    totalPaise: amount('total_paise'),
    payload: jsonb('payload').notNull(),
    receivedAt: received(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('debit_notes_number_idx').on(t.shopId, t.number),
    index('debit_notes_day_idx').on(t.shopId, t.businessDate),
    index('debit_notes_bill_idx').on(t.shopId, t.purchaseBillId),
  ],
);

export const debitNoteLines = pgTable(
  'debit_note_lines',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    debitNoteId: uuid('debit_note_id').notNull(),
    purchaseBillLineId: uuid('purchase_bill_line_id').notNull(),
    itemId: uuid('item_id').notNull(),
    qtyMilli: amount('qty_milli'),
    ...taxColumns(),
    totalPaise: amount('total_paise'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('debit_note_lines_note_idx').on(t.shopId, t.debitNoteId)],
);

export const supplierPayments = pgTable(
  'supplier_payments',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    number: text('number').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    amountPaise: amount('amount_paise'),
    mode: text('mode').notNull(),
    reference: text('reference').notNull(),
    chequeDate: date('cheque_date'),
    businessDate: date('business_date').notNull(),
    counterCreatedAt: text('counter_created_at').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: received(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('supplier_payments_number_idx').on(t.shopId, t.number),
    index('supplier_payments_supplier_idx').on(t.shopId, t.supplierId),
  ],
);

/** + raises what the shop owes the supplier (a bill on credit, an opening due), − lowers it (a payment, a debit note). */
export const payableEntries = pgTable(
  'payable_entries',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull(),
    counterId: uuid('counter_id').notNull(),
    partyId: uuid('party_id').notNull(),
    kind: text('kind').notNull(),
    docId: uuid('doc_id'),
    docNumber: text('doc_number'),
    amountPaise: amount('amount_paise'),
    counterCreatedAt: text('counter_created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('payable_entries_party_idx').on(t.shopId, t.partyId)],
);
