// E-invoicing on the server: whether the shop e-invoices, and each B2B invoice or credit note to report to the IRP
// (one row per document: the queue that sends it exactly once, and what the IRP answered).
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The owner turns e-invoicing on once the business's turnover passes the threshold (src-shared/gst/einvoice.ts). */
export const einvoiceSettings = pgTable('einvoice_settings', {
  shopId: uuid('shop_id').primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const EINVOICE_STATUSES = [
  /** Waiting to be sent, or to be tried again after the IRP could not be reached. */
  'pending',
  /** Taken by a worker that is talking to the IRP now (until claimedUntil). */
  'sending',
  'generated',
  /** The IRP (or Galla, before sending) refused it: its code and message say why; a person must act. */
  'refused',
  /** Not reported within the reporting window; the IRP would refuse it. */
  'expired',
  'cancelled',
] as const;
export type EinvoiceStatus = (typeof EINVOICE_STATUSES)[number];

export const einvoiceDocuments = pgTable(
  'einvoice_documents',
  {
    shopId: uuid('shop_id').notNull(),
    /** The invoice's or credit note's id: one row per document, so it is reported at most once. */
    docId: uuid('doc_id').notNull(),
    docKind: text('doc_kind', { enum: ['invoice', 'credit_note'] }).notNull(),
    /** The invoice itself, or the one a credit note reduces. */
    invoiceId: uuid('invoice_id').notNull(),
    counterId: uuid('counter_id').notNull(),
    docNumber: text('doc_number').notNull(),
    docDate: date('doc_date').notNull(),
    status: text('status', { enum: EINVOICE_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** Set once a Generate IRN request left: a later try asks the IRP for the document's IRN before sending again. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    irn: text('irn'),
    ackNo: text('ack_no'),
    ackDt: text('ack_dt'),
    signedQrCode: text('signed_qr_code'),
    signedInvoice: text('signed_invoice'),
    generatedAt: timestamp('generated_at', { withTimezone: true }),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    cancelReason: text('cancel_reason'),
    cancelRemark: text('cancel_remark'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.docId] }),
    index('einvoice_documents_due_idx').on(t.shopId, t.status, t.nextAttemptAt),
    index('einvoice_documents_invoice_idx').on(t.shopId, t.invoiceId),
  ],
);
