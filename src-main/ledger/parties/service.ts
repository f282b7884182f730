// Parties: customers and suppliers; an opening balance is the first khata entry, never a bare number.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { Invalid, NotFound } from '../../../src-shared/errors';
import { gstinStateCode } from '../../../src-shared/gst/gstin';
import type { CreatePartyInput, UpdatePartyInput } from '../../../src-shared/contracts/parties';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { enqueue } from '../outbox/service';
import { addKhataEntry } from '../khata/entries';
import { parties, type Party } from './schema';

/** A GSTIN fixes the state; a state given beside it must agree. */
function stateFor(gstin: string | null | undefined, stateCode: string | null | undefined): string | null {
  if (!gstin) return stateCode ?? null;
  const fromGstin = gstinStateCode(gstin);
  if (stateCode && stateCode !== fromGstin)
    throw new Invalid(`The GSTIN is registered in state ${fromGstin}, not ${stateCode}.`);
  return fromGstin;
}

export function createParty(ledger: Ledger, _actor: Actor, input: CreatePartyInput): Party {
  return ledger.transaction(() => {
    const at = nowIso(ledger);
    const { openingBalancePaise, ...fields } = input;
    const row: Party = {
      ...fields,
      id: randomUUID(),
      stateCode: stateFor(input.gstin, input.stateCode),
      openingBalancePaise,
      balancePaise: 0,
      active: true,
      createdAt: at,
      updatedAt: at,
    };
    ledger.db.insert(parties).values(row).run();
    enqueue(ledger, 'party', row.id, row);
    if (openingBalancePaise !== 0)
      addKhataEntry(ledger, {
        partyId: row.id,
        kind: 'opening',
        docId: null,
        docNumber: null,
        amountPaise: openingBalancePaise,
      });
    return getParty(ledger, row.id);
  });
}

export function updateParty(ledger: Ledger, _actor: Actor, input: UpdatePartyInput): Party {
  return ledger.transaction(() => {
    const existing = getParty(ledger, input.id);
    const { id, ...fields } = input;
    const gstin = fields.gstin !== undefined ? fields.gstin : existing.gstin;
    const stateCode = stateFor(
      gstin,
      fields.stateCode !== undefined ? fields.stateCode : gstin ? null : existing.stateCode,
    );
    ledger.db
      .update(parties)
      .set({ ...fields, stateCode, updatedAt: nowIso(ledger) })
      .where(eq(parties.id, id))
      .run();
    const updated = getParty(ledger, id);
    enqueue(ledger, 'party', id, updated);
    return updated;
  });
}

export function getParty(ledger: Ledger, id: string): Party {
  const row = ledger.db.select().from(parties).where(eq(parties.id, id)).get();
  if (!row) throw new NotFound('No such customer or supplier.');
  return row;
}

export function listParties(
  ledger: Ledger,
  input: { limit: number; offset: number; query: string; kind?: Party['kind']; withBalanceOnly: boolean },
): { rows: Party[]; total: number } {
  const filters: SQL[] = [eq(parties.active, true)];
  if (input.kind) filters.push(eq(parties.kind, input.kind));
  if (input.withBalanceOnly) filters.push(ne(parties.balancePaise, 0));
  if (input.query) {
    const pattern = `%${input.query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    filters.push(or(sql`${parties.name} LIKE ${pattern} ESCAPE '\\'`, like(parties.phone, pattern))!);
  }
  const where = and(...filters);
  const rows = ledger.db
    .select()
    .from(parties)
    .where(where)
    .orderBy(asc(parties.name))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total =
    ledger.db
      .select({ n: sql<number>`count(*)` })
      .from(parties)
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}
