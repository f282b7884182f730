// Parties: customers and suppliers; an opening balance is the first entry, never a bare number: a customer's on the
// khata (what they owe the shop), a supplier's on the payables (what the shop owes the wholesaler).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { Forbidden, Invalid, NotFound, shopDetail } from '../../../src-shared/errors';
import { INDIAN_STATE_CODES, gstinStateCode } from '../../../src-shared/gst/gstin';
import type { CreatePartyInput, UpdatePartyInput } from '../../../src-shared/contracts/parties';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { enqueue } from '../outbox/service';
import { recordAudit } from '../audit/service';
import { hasRole } from '../staff/service';
import { addKhataEntry } from '../khata/entries';
import { postPayableEntry } from '../payables/entries';
import { parties, type Party } from './schema';
import { containsPattern, pageOf } from '../page';

const stateName = (code: string) => `${INDIAN_STATE_CODES[code] ?? code} (${code})`;

/** A GSTIN fixes the state; a state given beside it must agree. */
function stateFor(gstin: string | null | undefined, stateCode: string | null | undefined): string | null {
  if (!gstin) return stateCode ?? null;
  const fromGstin = gstinStateCode(gstin);
  if (stateCode && stateCode !== fromGstin)
    throw new Invalid(
      { key: 'partyGstinOtherState', params: { gstinState: stateName(fromGstin), state: stateName(stateCode) } },
      [shopDetail('stateCode', { key: 'gstinStateField', params: { gstinState: stateName(fromGstin) } })],
    );
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
      payablePaise: 0,
      active: true,
      createdAt: at,
      updatedAt: at,
    };
    ledger.db.insert(parties).values(row).run();
    enqueue(ledger, 'party', row.id, row);
    if (openingBalancePaise !== 0) {
      const opening = {
        partyId: row.id,
        kind: 'opening',
        docId: null,
        docNumber: null,
        amountPaise: openingBalancePaise,
      } as const;
      // A shop that starts on Galla owing a wholesaler: a supplier's opening due is a payable, not a khata debt.
      if (row.kind === 'supplier') postPayableEntry(ledger, opening);
      else addKhataEntry(ledger, opening);
    }
    return getParty(ledger, row.id);
  });
}

type EditableField = Exclude<keyof UpdatePartyInput, 'id'>;
/** A cashier may fix a customer's name or phone, but only a manager may loosen what guards the shop's credit. */
const CREDIT_FIELDS: EditableField[] = ['creditLimitPaise', 'creditLimitPolicy'];

/** The fields an edit really changes, each with its old and new value (for the audit log). */
function changesOf(existing: Party, next: Partial<Pick<Party, EditableField>>) {
  const changes: Partial<Record<EditableField, { from: unknown; to: unknown }>> = {};
  for (const key of Object.keys(next) as EditableField[])
    if (next[key] !== undefined && next[key] !== existing[key]) changes[key] = { from: existing[key], to: next[key] };
  return changes;
}

/** Edits a customer or supplier: audited with what changed, and sent to the server as a party change. */
export function updateParty(ledger: Ledger, actor: Actor, input: UpdatePartyInput): Party {
  return ledger.transaction(() => {
    const existing = getParty(ledger, input.id);
    const { id, ...fields } = input;
    const gstin = fields.gstin !== undefined ? fields.gstin : existing.gstin;
    const stateCode = stateFor(
      gstin,
      fields.stateCode !== undefined ? fields.stateCode : gstin ? null : existing.stateCode,
    );
    const changes = changesOf(existing, { ...fields, stateCode });
    if (Object.keys(changes).length === 0) return existing;
    if (CREDIT_FIELDS.some((key) => key in changes) && !hasRole(actor, 'manager'))
      throw new Forbidden({ key: 'creditLimitManagersOnly' });
    const next = Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.to]));
    ledger.db
      .update(parties)
      .set({ ...next, updatedAt: nowIso(ledger) })
      .where(eq(parties.id, id))
      .run();
    recordAudit(ledger, { action: 'party.update', staffId: actor.staffId, subjectId: id, details: { changes } });
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
    const pattern = containsPattern(input.query);
    filters.push(or(sql`${parties.name} LIKE ${pattern} ESCAPE '\\'`, like(parties.phone, pattern))!);
  }
  return pageOf(ledger, parties, and(...filters), asc(parties.name), input);
}
