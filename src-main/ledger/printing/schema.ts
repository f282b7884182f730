// Durable print queue: a job is written with its document and stays until a printer has taken it.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const PRINT_DOC_TYPES = [
  'invoice',
  'credit_note',
  'receipt',
  'receipt_reversal',
  'z_report',
  'test',
  'purchase_order',
  'supplier_payment',
] as const;
export const PRINT_FORMATS = ['receipt', 'a4', 'a5'] as const;
export const PRINT_JOB_STATUSES = ['queued', 'printing', 'done', 'failed'] as const;

export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    docType: text('doc_type', { enum: PRINT_DOC_TYPES }).notNull(),
    docId: text('doc_id'),
    printerId: text('printer_id').notNull(),
    format: text('format', { enum: PRINT_FORMATS }).notNull(),
    copies: integer('copies').notNull().default(1),
    status: text('status', { enum: PRINT_JOB_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: text('next_attempt_at').notNull(),
    createdAt: text('created_at').notNull(),
    printedAt: text('printed_at'),
    /**
     * The cash drawer opens at the moment of a cash payment, not when a late receipt finally prints: a job may kick
     * the drawer only until this instant (its document's time plus a short window). Null: never (reprints).
     */
    drawerKickUntil: text('drawer_kick_until'),
  },
  (t) => [index('print_jobs_due_idx').on(t.status, t.nextAttemptAt), index('print_jobs_doc_idx').on(t.docId)],
);

export type PrintJob = typeof printJobs.$inferSelect;
