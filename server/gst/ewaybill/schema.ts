// The e-way bills made for a shop's synced invoices: one row per invoice, beside the invoice (never in its payload),
// with the movement the owner entered, the portal's number and validity, and what happened to it since.
import { pgTable, uuid, text, jsonb, timestamp, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';

export const EWB_STATUSES = ['draft', 'active', 'cancelled'] as const;

export const ewayBills = pgTable(
  'eway_bills',
  {
    shopId: uuid('shop_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    /** 'draft': the movement entered (or downloaded as the bulk file), no number yet. */
    status: text('status', { enum: EWB_STATUSES }).notNull(),
    /** The movement as entered (EwbTransport: PIN codes, mode, distance, vehicle, transporter). */
    transport: jsonb('transport').notNull(),
    ewbNo: text('ewb_no'),
    generatedAt: timestamp('generated_at', { withTimezone: true }),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    /** Part B's vehicle changes, oldest first: { vehicleNo, reason, fromPlace, at }. */
    vehicleUpdates: jsonb('vehicle_updates').notNull().default([]),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.invoiceId] }), uniqueIndex('eway_bills_number_idx').on(t.shopId, t.ewbNo)],
);
