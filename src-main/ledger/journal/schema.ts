// The tamper-evident journal: one row per document in the order they were finalised, and the gap-free series counters.
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const JOURNAL_DOC_TYPES = [
  'invoice',
  'credit_note',
  'receipt',
  'receipt_reversal',
  'purchase_bill',
  'debit_note',
  'supplier_payment',
] as const;

export const journal = sqliteTable('journal', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  docType: text('doc_type', { enum: JOURNAL_DOC_TYPES }).notNull(),
  docId: text('doc_id').notNull().unique(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Next number per series key (e.g. "INV:C1:2026"); bumped inside the finalising transaction, so a rollback leaves no gap. */
export const documentSeries = sqliteTable('document_series', {
  key: text('key').primaryKey(),
  nextSeq: integer('next_seq').notNull(),
});

export type JournalDocType = (typeof JOURNAL_DOC_TYPES)[number];
