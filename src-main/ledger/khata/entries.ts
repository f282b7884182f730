// The one writer of khata entries: appends the entry and moves the party's balance with it (local, or pulled from another counter).
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { NotFound } from '../../../src-shared/errors';
import { type Ledger, nowIso } from '../ledger';
import { parties } from '../parties/schema';
import { enqueue } from '../outbox/service';
import { khataEntries, type KhataEntry } from './schema';
import { insertRows } from '../../db/insert-rows';

/** Call inside a transaction; returns the party's balance after the entry. */
export function addKhataEntry(ledger: Ledger, entry: Omit<KhataEntry, 'id' | 'createdAt'>): number {
  const row: KhataEntry = { ...entry, id: randomUUID(), createdAt: nowIso(ledger) };
  const balancePaise = postKhataEntry(ledger, row);
  enqueue(ledger, 'khata_entry', row.id, row);
  return balancePaise;
}

/**
 * An entry another counter made, pulled from the server: added once (by id) and never sent back, since it is
 * not this counter's to report. Returns false when it was already here. Call inside a transaction.
 */
export function applyRemoteKhataEntry(ledger: Ledger, row: KhataEntry): boolean {
  if (ledger.db.select({ id: khataEntries.id }).from(khataEntries).where(eq(khataEntries.id, row.id)).get())
    return false;
  postKhataEntry(ledger, row);
  return true;
}

function postKhataEntry(ledger: Ledger, row: KhataEntry): number {
  insertRows(ledger, khataEntries, [row]);
  const updated = ledger.db
    .update(parties)
    .set({ balancePaise: sql`${parties.balancePaise} + ${row.amountPaise}` })
    .where(eq(parties.id, row.partyId))
    .returning({ balancePaise: parties.balancePaise })
    .get();
  if (!updated) throw new NotFound('No such customer.');
  return updated.balancePaise;
}
