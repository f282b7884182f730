// Sales tables: finalised invoices (immutable), their lines, and held (not yet finalised) bills.
import { taxColumns } from '../tax-columns';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ITEM_UNITS } from '../../../src-shared/contracts/catalogue';

export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    counterId: text('counter_id').notNull(),
    partyId: text('party_id'),
    partyName: text('party_name').notNull().default(''),
    partyGstin: text('party_gstin'),
    placeOfSupply: text('place_of_supply').notNull(),
    interState: integer('inter_state', { mode: 'boolean' }).notNull(),
    staffId: text('staff_id').notNull(),
    approvedBy: text('approved_by'),
    cashSessionId: text('cash_session_id').notNull(),
    createdAt: text('created_at').notNull(),
    businessDate: text('business_date').notNull(),
    grossPaise: integer('gross_paise').notNull(),
    discountPaise: integer('discount_paise').notNull(),
    ...taxColumns(),
    roundOffPaise: integer('round_off_paise').notNull(),
    totalPaise: integer('total_paise').notNull(),
    tenderedPaise: integer('tendered_paise').notNull(),
    changePaise: integer('change_paise').notNull(),
    khataPaise: integer('khata_paise').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('invoices_business_date_idx').on(t.businessDate), index('invoices_party_idx').on(t.partyId)],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    lineNo: integer('line_no').notNull(),
    itemId: text('item_id').notNull(),
    name: text('name').notNull(),
    hsn: text('hsn').notNull(),
    unit: text('unit', { enum: ITEM_UNITS }).notNull(),
    qtyMilli: integer('qty_milli').notNull(),
    unitPricePaise: integer('unit_price_paise').notNull(),
    priceIncludesTax: integer('price_includes_tax', { mode: 'boolean' }).notNull(),
    gstRateBp: integer('gst_rate_bp').notNull(),
    cessRateBp: integer('cess_rate_bp').notNull(),
    unitCostPaise: integer('unit_cost_paise').notNull(),
    grossPaise: integer('gross_paise').notNull(),
    lineDiscountPaise: integer('line_discount_paise').notNull(),
    billDiscountPaise: integer('bill_discount_paise').notNull(),
    ...taxColumns(),
    totalPaise: integer('total_paise').notNull(),
  },
  (t) => [
    uniqueIndex('invoice_lines_invoice_line_idx').on(t.invoiceId, t.lineNo),
    index('invoice_lines_item_idx').on(t.itemId),
  ],
);

/**
 * What the invoice's document must say beyond its figures (src-shared/gst/rule46.ts): a bill of supply or a tax
 * invoice, and the buyer's and delivery addresses as given at the sale. Kept beside the invoice, not in it, so
 * invoices made before it existed keep the exact content their hash covers; written once with the invoice.
 */
export const invoiceSupply = sqliteTable('invoice_supply', {
  invoiceId: text('invoice_id')
    .primaryKey()
    .references(() => invoices.id),
  billOfSupply: integer('bill_of_supply', { mode: 'boolean' }).notNull(),
  composition: integer('composition', { mode: 'boolean' }).notNull(),
  recipientAddress: text('recipient_address').notNull(),
  deliveryAddress: text('delivery_address').notNull(),
});

/** A bill parked while its customer steps away: a draft, not a document, so it may be deleted on recall. */
export const heldBills = sqliteTable('held_bills', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  staffId: text('staff_id').notNull(),
  cart: text('cart', { mode: 'json' }).notNull(),
  createdAt: text('created_at').notNull(),
});

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type InvoiceSupplyRow = typeof invoiceSupply.$inferSelect;
export type HeldBill = typeof heldBills.$inferSelect;
