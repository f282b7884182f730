// The one writer of khata entries: appends the entry and moves the party's balance with it.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { NotFound } from '../../../src-shared/errors';
import { type Ledger, nowIso } from '../ledger';
import { parties } from '../parties/schema';
import { enqueue } from '../outbox/service';
import { khataEntries, type KhataEntry } from './schema';

/** Call inside a transaction; returns the party's balance after the entry. */
export function addKhataEntry(ledger: Ledger, entry: Omit<KhataEntry, 'id' | 'createdAt'>): number {
  const row: KhataEntry = { ...entry, id: randomUUID(), createdAt: nowIso(ledger) };
  ledger.db.insert(khataEntries).values(row).run();
  enqueue(ledger, 'khata_entry', row.id, row);
  const updated = ledger.db
    .update(parties)
    .set({ balancePaise: sql`${parties.balancePaise} + ${entry.amountPaise}` })
    .where(eq(parties.id, entry.partyId))
    .returning({ balancePaise: parties.balancePaise })
    .get();
  if (!updated) throw new NotFound('No such customer.');
  return updated.balancePaise;
}
