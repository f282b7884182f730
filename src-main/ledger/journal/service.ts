// The hash chain over every finalised document, and the gap-free numbering of each series.
import { desc, eq, asc } from 'drizzle-orm';
import { GENESIS_HASH, documentHash, verifyChain } from '../../../src-shared/hash-chain';
import { formatDocumentNumber, financialYearStart } from '../../../src-shared/invoice-number';
import type { Ledger } from '../ledger';
import { documentSeries, journal, type JournalDocType } from './schema';
import { documentContent } from './content';
import { insertRows } from '../../db/insert-rows';

/**
 * GST allows 16 characters in a document number: C1-2026-000001, C1CN-2026-000001 (credit notes),
 * C1RC-2026-000001 (receipts), C1RV-2026-000001 (receipt reversals), C1PB-2026-000001 (purchase bills, our own
 * number for a supplier's bill), C1DN-2026-000001 (debit notes: returns to a supplier), C1SP-2026-000001 (payments
 * to suppliers).
 */
export const SERIES_PREFIX: Record<JournalDocType, (counterId: string) => string> = {
  invoice: (counterId) => counterId,
  credit_note: (counterId) => `${counterId}CN`,
  receipt: (counterId) => `${counterId}RC`,
  receipt_reversal: (counterId) => `${counterId}RV`,
  purchase_bill: (counterId) => `${counterId}PB`,
  debit_note: (counterId) => `${counterId}DN`,
  supplier_payment: (counterId) => `${counterId}SP`,
};

/** Takes the next number of a series. Call inside the document's transaction: a rollback returns the number. */
export function nextDocumentNumber(ledger: Ledger, docType: JournalDocType, counterId: string, at: Date): string {
  const prefix = SERIES_PREFIX[docType](counterId);
  const fyStart = financialYearStart(at);
  const key = `${prefix}:${fyStart}`;
  const row = ledger.db.select().from(documentSeries).where(eq(documentSeries.key, key)).get();
  const seq = row?.nextSeq ?? 1;
  ledger.db
    .insert(documentSeries)
    .values({ key, nextSeq: seq + 1 })
    .onConflictDoUpdate({ target: documentSeries.key, set: { nextSeq: seq + 1 } })
    .run();
  return formatDocumentNumber(prefix, fyStart, seq);
}

export function lastJournalHash(ledger: Ledger): string {
  return (
    ledger.db.select({ hash: journal.hash }).from(journal).orderBy(desc(journal.seq)).limit(1).get()?.hash ??
    GENESIS_HASH
  );
}

/** A document's place in the hash chain: the hash before it and its own, stored on it and in the journal. */
export type ChainLink = { prevHash: string; hash: string };

/** Chains a document: returns the hashes to store on it, and appends it to the journal. */
export function chainDocument(ledger: Ledger, docType: JournalDocType, docId: string, content: unknown): ChainLink {
  const prevHash = lastJournalHash(ledger);
  const hash = documentHash(prevHash, content);
  insertRows(ledger, journal, [{ docType, docId, prevHash, hash }]);
  return { prevHash, hash };
}

export type JournalVerification =
  | { ok: true; documents: number }
  | { ok: false; documents: number; seq: number; docType: JournalDocType; docId: string; reason: string };

/** Re-reads every document and recomputes the chain; any edited, removed or reordered document is found. */
export function verifyJournal(ledger: Ledger): JournalVerification {
  const rows = ledger.db.select().from(journal).orderBy(asc(journal.seq)).all();
  const entries = rows.map((row) => {
    const stored = documentContent(ledger, row.docType, row.docId);
    return {
      prevHash: row.prevHash,
      hash: row.hash,
      content: stored?.content ?? null,
      docHashes: stored?.hashes ?? null,
    };
  });
  const missing = entries.findIndex(
    (entry, index) =>
      !entry.docHashes ||
      entry.docHashes.hash !== rows[index]?.hash ||
      entry.docHashes.prevHash !== rows[index]?.prevHash,
  );
  const chain = verifyChain(entries);
  const badIndex = chain.ok ? missing : missing === -1 ? chain.index : Math.min(missing, chain.index);
  if (badIndex === -1) return { ok: true, documents: rows.length };
  const bad = rows[badIndex]!;
  const reason =
    badIndex === missing
      ? 'document missing or its stored hash differs from the journal'
      : chain.ok
        ? 'unknown'
        : chain.reason;
  return { ok: false, documents: rows.length, seq: bad.seq, docType: bad.docType, docId: bad.docId, reason };
}
