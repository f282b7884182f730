// What the IRP answered for a B2B invoice or credit note, as the server reported it: kept beside the document (never
// in its hash-covered row), so a reprint carries the IRN and signed QR code and the detail screen shows any error.
import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { EINVOICE_PULLED_STATUSES } from '../../../src-shared/sync/einvoice-payload';

export const documentEinvoices = sqliteTable(
  'document_einvoices',
  {
    /** The invoice's or credit note's id. */
    docId: text('doc_id').primaryKey(),
    docKind: text('doc_kind', { enum: ['invoice', 'credit_note'] }).notNull(),
    invoiceId: text('invoice_id').notNull(),
    docNumber: text('doc_number').notNull(),
    status: text('status', { enum: EINVOICE_PULLED_STATUSES }).notNull(),
    irn: text('irn'),
    ackNo: text('ack_no'),
    ackDt: text('ack_dt'),
    signedQrCode: text('signed_qr_code'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    cancelledAt: text('cancelled_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('document_einvoices_invoice_idx').on(t.invoiceId)],
);

export type DocumentEinvoice = typeof documentEinvoices.$inferSelect;
