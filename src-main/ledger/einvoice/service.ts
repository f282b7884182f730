// The e-invoice state of documents on this counter: written only from what the server publishes, read by printing
// and the invoice detail screen.
import { eq } from 'drizzle-orm';
import type { EinvoicePulledPayload } from '../../../src-shared/sync/einvoice-payload';
import { type Ledger, nowIso } from '../ledger';
import { documentEinvoices, type DocumentEinvoice } from './schema';

/** The server's latest word on a document replaces what was here (changes arrive in server order). */
export function applyRemoteEinvoice(ledger: Ledger, payload: EinvoicePulledPayload): boolean {
  const row = { ...payload, updatedAt: nowIso(ledger) };
  ledger.db
    .insert(documentEinvoices)
    .values(row)
    .onConflictDoUpdate({ target: documentEinvoices.docId, set: row })
    .run();
  return true;
}

export function einvoiceOf(ledger: Ledger, docId: string): DocumentEinvoice | null {
  return ledger.db.select().from(documentEinvoices).where(eq(documentEinvoices.docId, docId)).get() ?? null;
}
