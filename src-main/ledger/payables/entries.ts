// The one writer of payable entries: appends the entry and moves what the shop owes the supplier with it (local, or
// pulled from another counter). Purchase bills, debit notes, supplier payments and opening dues all go through here.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { NotFound } from '../../../src-shared/errors';
import type { PayableEntryPayload } from '../../../src-shared/sync/purchase-payloads';
import { type Ledger, nowIso } from '../ledger';
import { parties } from '../parties/schema';
import { enqueue } from '../outbox/service';
import { insertRows } from '../../db/insert-rows';
import { payableEntries, type PayableEntry } from './schema';

/**
 * Records one change to what the shop owes a supplier: + a bill on credit or an opening due, − a payment or a debit
 * note. Writes the entry, moves parties.payable_paise and queues the 'payable_entry' op for the server. Call inside
 * the transaction of the document it belongs to; returns the supplier's payable after the entry.
 */
export function postPayableEntry(ledger: Ledger, entry: Omit<PayableEntry, 'id' | 'createdAt'>): number {
  const row: PayableEntry = { ...entry, id: randomUUID(), createdAt: nowIso(ledger) };
  const payablePaise = applyPayableEntry(ledger, row);
  enqueue(ledger, 'payable_entry', row.id, row satisfies PayableEntryPayload);
  return payablePaise;
}

/**
 * An entry another counter made, pulled from the server: added once (by id) and never sent back, since it is not
 * this counter's to report. Returns false when it was already here. Call inside a transaction.
 */
export function applyRemotePayableEntry(ledger: Ledger, row: PayableEntry): boolean {
  if (ledger.db.select({ id: payableEntries.id }).from(payableEntries).where(eq(payableEntries.id, row.id)).get())
    return false;
  applyPayableEntry(ledger, row);
  return true;
}

function applyPayableEntry(ledger: Ledger, row: PayableEntry): number {
  insertRows(ledger, payableEntries, [row]);
  const updated = ledger.db
    .update(parties)
    .set({ payablePaise: sql`${parties.payablePaise} + ${row.amountPaise}` })
    .where(eq(parties.id, row.partyId))
    .returning({ payablePaise: parties.payablePaise })
    .get();
  if (!updated) throw new NotFound('No such supplier.');
  return updated.payablePaise;
}
