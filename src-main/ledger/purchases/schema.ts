// Purchase bills (a supplier's tax invoice, received) and debit notes (goods returned to the supplier against one):
// finalised documents, immutable like invoices and credit notes (the migration's triggers refuse edits).
import { taxColumns } from '../tax-columns';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ITEM_UNITS } from '../../../src-shared/contracts/catalogue';
import { SUPPLIER_PAYMENT_MODES } from '../../../src-shared/sync/purchase-payloads';
import { parties } from '../parties/schema';
import { cashSessions } from '../cash-sessions/schema';

export const purchaseBills = sqliteTable(
  'purchase_bills',
  {
    id: text('id').primaryKey(),
    /** Our own number, in the counter's purchase series (C1PB-2026-000001). */
    number: text('number').notNull().unique(),
    counterId: text('counter_id').notNull(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => parties.id),
    supplierName: text('supplier_name').notNull(),
    supplierGstin: text('supplier_gstin'),
    supplierStateCode: text('supplier_state_code').notNull(),
    /** As typed on the bill, and normalised (no spaces, capitals): one supplier's bill is entered once. */
    supplierInvoiceNumber: text('supplier_invoice_number').notNull(),
    supplierInvoiceKey: text('supplier_invoice_key').notNull(),
    supplierInvoiceDate: text('supplier_invoice_date').notNull(),
    reverseCharge: integer('reverse_charge', { mode: 'boolean' }).notNull(),
    ratesIncludeTax: integer('rates_include_tax', { mode: 'boolean' }).notNull(),
    interState: integer('inter_state', { mode: 'boolean' }).notNull(),
    purchaseOrderId: text('purchase_order_id'),
    staffId: text('staff_id').notNull(),
    createdAt: text('created_at').notNull(),
    businessDate: text('business_date').notNull(),
    grossPaise: integer('gross_paise').notNull(),
    discountPaise: integer('discount_paise').notNull(),
    ...taxColumns(),
    freightPaise: integer('freight_paise').notNull(),
    roundOffPaise: integer('round_off_paise').notNull(),
    totalPaise: integer('total_paise').notNull(),
    /** Paid at once (sum of its payments); the rest went on the supplier's payable. */
    paidPaise: integer('paid_paise').notNull(),
    payablePaise: integer('payable_paise').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('purchase_bills_supplier_invoice_idx').on(t.supplierId, t.supplierInvoiceKey),
    index('purchase_bills_business_date_idx').on(t.businessDate),
  ],
);

export const purchaseBillLines = sqliteTable(
  'purchase_bill_lines',
  {
    id: text('id').primaryKey(),
    purchaseBillId: text('purchase_bill_id')
      .notNull()
      .references(() => purchaseBills.id),
    lineNo: integer('line_no').notNull(),
    itemId: text('item_id').notNull(),
    name: text('name').notNull(),
    hsn: text('hsn').notNull(),
    unit: text('unit', { enum: ITEM_UNITS }).notNull(),
    qtyMilli: integer('qty_milli').notNull(),
    freeQtyMilli: integer('free_qty_milli').notNull(),
    ratePaise: integer('rate_paise').notNull(),
    gstRateBp: integer('gst_rate_bp').notNull(),
    cessRateBp: integer('cess_rate_bp').notNull(),
    grossPaise: integer('gross_paise').notNull(),
    discountPaise: integer('discount_paise').notNull(),
    ...taxColumns(),
    freightPaise: integer('freight_paise').notNull(),
    landedCostPaise: integer('landed_cost_paise').notNull(),
    /** Landed cost of one unit (qty + free qty): what a return to the supplier takes out of stock value at. */
    unitCostPaise: integer('unit_cost_paise').notNull(),
    totalPaise: integer('total_paise').notNull(),
  },
  (t) => [
    uniqueIndex('purchase_bill_lines_bill_line_idx').on(t.purchaseBillId, t.lineNo),
    index('purchase_bill_lines_item_idx').on(t.itemId),
  ],
);

/** Money paid to the supplier as the bill was entered (a later payment is a supplier payment document). */
export const purchaseBillPayments = sqliteTable(
  'purchase_bill_payments',
  {
    id: text('id').primaryKey(),
    purchaseBillId: text('purchase_bill_id')
      .notNull()
      .references(() => purchaseBills.id),
    mode: text('mode', { enum: SUPPLIER_PAYMENT_MODES }).notNull(),
    amountPaise: integer('amount_paise').notNull(),
    reference: text('reference').notNull(),
    chequeDate: text('cheque_date'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('purchase_bill_payments_bill_idx').on(t.purchaseBillId)],
);

/**
 * The shift whose drawer paid a bill's cash (its cash payment rows): what lowers that shift's expected cash. Kept
 * beside the bill, not in it, so bills made before it existed keep the exact content their hash covers (as
 * invoice_supply does for invoices); written once with the bill, only when cash was paid on it.
 */
export const purchaseBillShift = sqliteTable(
  'purchase_bill_shift',
  {
    purchaseBillId: text('purchase_bill_id')
      .primaryKey()
      .references(() => purchaseBills.id),
    cashSessionId: text('cash_session_id')
      .notNull()
      .references(() => cashSessions.id),
  },
  (t) => [index('purchase_bill_shift_session_idx').on(t.cashSessionId)],
);

export const debitNotes = sqliteTable(
  'debit_notes',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    purchaseBillId: text('purchase_bill_id')
      .notNull()
      .references(() => purchaseBills.id),
    counterId: text('counter_id').notNull(),
    supplierId: text('supplier_id').notNull(),
    supplierGstin: text('supplier_gstin'),
    supplierStateCode: text('supplier_state_code').notNull(),
    reverseCharge: integer('reverse_charge', { mode: 'boolean' }).notNull(),
    interState: integer('inter_state', { mode: 'boolean' }).notNull(),
    staffId: text('staff_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: text('created_at').notNull(),
    businessDate: text('business_date').notNull(),
    ...taxColumns(),
    totalPaise: integer('total_paise').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('debit_notes_bill_idx').on(t.purchaseBillId),
    index('debit_notes_business_date_idx').on(t.businessDate),
  ],
);

export const debitNoteLines = sqliteTable(
  'debit_note_lines',
  {
    id: text('id').primaryKey(),
    debitNoteId: text('debit_note_id')
      .notNull()
      .references(() => debitNotes.id),
    purchaseBillLineId: text('purchase_bill_line_id')
      .notNull()
      .references(() => purchaseBillLines.id),
    itemId: text('item_id').notNull(),
    qtyMilli: integer('qty_milli').notNull(),
    ...taxColumns(),
    /** The bill line's landed unit cost: the stock value this return takes out. */
    unitCostPaise: integer('unit_cost_paise').notNull(),
    totalPaise: integer('total_paise').notNull(),
  },
  (t) => [index('debit_note_lines_bill_line_idx').on(t.purchaseBillLineId)],
);

export type PurchaseBill = typeof purchaseBills.$inferSelect;
export type PurchaseBillLine = typeof purchaseBillLines.$inferSelect;
export type PurchaseBillPayment = typeof purchaseBillPayments.$inferSelect;
export type PurchaseBillShiftRow = typeof purchaseBillShift.$inferSelect;
export type DebitNote = typeof debitNotes.$inferSelect;
export type DebitNoteLine = typeof debitNoteLines.$inferSelect;
