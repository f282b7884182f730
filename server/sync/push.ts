// Applies a counter's pushed batch exactly once, in one transaction, and records which ops were applied, duplicates or rejected.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  PULLED_ENTITIES,
  type OpResult,
  type PulledEntity,
  type PushInput,
  type PushResult,
  type SyncConflictCode,
  type SyncOp,
} from '../../src-shared/sync/protocol';
import { opPayloadHash } from '../../src-shared/sync/integrity';
import type { ServerDb } from '../db/connection';
import { inShop } from '../db/tenant';
import { changes, counterCursors, syncOps } from './schema';
import { counters, shops } from '../accounts/schema';
import {
  creditNoteLines,
  creditNotes,
  invoiceLines,
  invoices,
  payments,
  receiptReversals,
  receipts,
  cashSessions,
} from '../documents/schema';
import { items, khataEntries, parties, stockMovements } from '../catalogue/schema';
import {
  debitNoteLines,
  debitNotes,
  payableEntries,
  purchaseBillLines,
  purchaseBillPayments,
  purchaseBills,
  supplierPayments,
} from '../purchases/schema';
import type { Clock } from '../../src-shared/clock';
import type { Logger } from 'pino';
import { logInternalError } from '../http/internal-errors';
import { addOpRows, emptyRows, payloadIdOf, RejectedOp, type BatchRows, type Device } from './rows';
import { addToSummaries } from '../reports/summaries';
import { anchorJournal, JournalChainBroken, JournalLinksMissing } from './journal';
import { enqueueEinvoices } from '../gst/einvoice/queue';
import { raiseSyncEvent } from './events';

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

function chunks<T extends object>(rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

type Keyed = PgTable & Pick<typeof invoices, 'shopId' | 'id'>;

/**
 * Inserts rows not there yet by primary key (shop, document UUID) and returns the ids that were new. Only the key
 * conflict is forgiven: another unique rule broken (a document number taken) still fails, and the op is rejected.
 */
async function insertNew(tx: ServerDb, table: Keyed, rows: { id: string }[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const part of chunks(rows)) {
    const returned = (await tx
      .insert(table)
      .values(part as never)
      .onConflictDoNothing({ target: [table.shopId, table.id] })
      .returning({ id: table.id })) as { id: string }[];
    for (const row of returned) inserted.add(row.id);
  }
  return inserted;
}

const DOC_ENTITIES = new Set([
  'invoice',
  'credit_note',
  'receipt',
  'receipt_reversal',
  'khata_entry',
  'stock_movement',
  'purchase_bill',
  'debit_note',
  'supplier_payment',
  'payable_entry',
]);

/** Served to the shop's other counters: the catalogue and the additive entries (khata, stock, payables). */
const isPulled = (entity: string): entity is PulledEntity => (PULLED_ENTITIES as readonly string[]).includes(entity);

/**
 * Writes one group of fresh ops (none seen before). Throws on a database error, which aborts the caller's
 * transaction or savepoint. Returns each op's status and the shop's change number after it.
 */
async function applyOps(
  tx: ServerDb,
  device: Device,
  ops: SyncOp[],
  changeSeq: number,
  hashes: Map<string, string>,
): Promise<{ results: OpResult[]; changeSeq: number }> {
  const rows: BatchRows = emptyRows();
  const rejected = new Map<string, RejectedOp>();
  for (const op of ops) {
    try {
      addOpRows(rows, device, op);
    } catch (error) {
      if (!(error instanceof RejectedOp)) throw error;
      rejected.set(op.opId, error);
    }
  }
  const newIds = new Set<string>();
  for (const [table, list] of [
    [invoices, rows.invoices],
    [creditNotes, rows.creditNotes],
    [receipts, rows.receipts],
    [receiptReversals, rows.receiptReversals],
    [khataEntries, rows.khataEntries],
    [stockMovements, rows.stockMovements],
    [purchaseBills, rows.purchaseBills],
    [debitNotes, rows.debitNotes],
    [supplierPayments, rows.supplierPayments],
    [payableEntries, rows.payableEntries],
  ] as const) {
    for (const id of await insertNew(tx, table as Keyed, list as { id: string }[])) newIds.add(id);
  }
  for (const [table, list] of [
    [invoiceLines, rows.invoiceLines],
    [creditNoteLines, rows.creditNoteLines],
    [payments, rows.payments],
    [purchaseBillLines, rows.purchaseBillLines],
    [purchaseBillPayments, rows.purchaseBillPayments],
    [debitNoteLines, rows.debitNoteLines],
  ] as const) {
    for (const part of chunks(list as object[]))
      await tx
        .insert(table)
        .values(part as never)
        .onConflictDoNothing({ target: [table.shopId, table.id] });
  }
  for (const part of chunks(rows.cashSessions)) {
    await tx
      .insert(cashSessions)
      .values(part)
      .onConflictDoUpdate({
        target: [cashSessions.shopId, cashSessions.id],
        set: { payload: sql`excluded.payload`, receivedAt: sql`now()` },
      });
  }
  await addToSummaries(tx, device, rows, newIds);
  await enqueueEinvoices(tx, device.shopId, rows, newIds);

  // Server order: each published change takes the shop's next number, in the order the counter made them.
  const published: (typeof changes.$inferInsert)[] = [];
  const catalogueSeq = new Map<string, number>();
  const results: OpResult[] = [];
  for (const op of ops) {
    const refusal = rejected.get(op.opId);
    if (refusal !== undefined) {
      results.push({ opId: op.opId, status: 'rejected', code: refusal.code ?? 'OP_INVALID', reason: refusal.message });
      continue;
    }
    const isNew = !DOC_ENTITIES.has(op.entity) || newIds.has(op.entityId);
    results.push({ opId: op.opId, status: isNew ? 'applied' : 'duplicate' });
    const entity = op.entity;
    if (!isNew || !isPulled(entity)) continue;
    changeSeq += 1;
    published.push({
      shopId: device.shopId,
      seq: changeSeq,
      originCounterId: device.counterId,
      entity,
      entityId: op.entityId,
      payload: op.payload,
    });
    if (entity === 'item' || entity === 'party') catalogueSeq.set(`${op.entity}:${op.entityId}`, changeSeq);
  }
  await upsertCatalogue(tx, device, rows, catalogueSeq);
  for (const part of chunks(published)) await tx.insert(changes).values(part);
  const opsById = new Map(ops.map((op) => [op.opId, op]));
  await recordOps(
    tx,
    device,
    results.map((result) => ({ op: opsById.get(result.opId)!, result })),
    hashes,
  );
  return { results, changeSeq };
}

/** Remembers each op this counter sent, with its payload's hash, so a replay is answered the same way or refused. */
async function recordOps(
  tx: ServerDb,
  device: Device,
  outcomes: { op: SyncOp; result: OpResult }[],
  hashes: Map<string, string>,
): Promise<void> {
  const seen = outcomes.map(({ op, result }) => ({
    shopId: device.shopId,
    opId: op.opId,
    counterId: device.counterId,
    counterSeq: op.seq,
    entity: op.entity,
    entityId: op.entityId,
    status: result.status,
    reason: result.reason ?? null,
    code: result.code ?? null,
    payloadHash: hashes.get(op.opId) ?? null,
  }));
  for (const part of chunks(seen)) await tx.insert(syncOps).values(part);
}

/** Last writer wins by server order: within a batch only each id's last version is written, with its change number. */
async function upsertCatalogue(
  tx: ServerDb,
  device: Device,
  rows: BatchRows,
  catalogueSeq: Map<string, number>,
): Promise<void> {
  const latest = new Map<string, BatchRows['catalogue'][number]>();
  for (const write of rows.catalogue) latest.set(`${write.entity}:${write.op.entityId}`, write);
  const itemRows = [];
  const partyRows = [];
  for (const [key, write] of latest) {
    const changeSeq = catalogueSeq.get(key)!;
    const p = write.payload;
    if (write.entity === 'item')
      itemRows.push({
        shopId: device.shopId,
        id: write.op.entityId,
        sku: String(p.sku),
        name: String(p.name),
        active: Boolean(p.active),
        payload: p,
        changeSeq,
      });
    else
      partyRows.push({
        shopId: device.shopId,
        id: write.op.entityId,
        kind: String(p.kind),
        name: String(p.name),
        active: Boolean(p.active),
        payload: p,
        changeSeq,
      });
  }
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  for (const part of chunks(itemRows)) {
    await tx
      .insert(items)
      .values(part)
      .onConflictDoUpdate({
        target: [items.shopId, items.id],
        set: {
          sku: excluded('sku'),
          name: excluded('name'),
          active: excluded('active'),
          payload: excluded('payload'),
          changeSeq: excluded('change_seq'),
          updatedAt: sql`now()`,
        },
      });
  }
  for (const part of chunks(partyRows)) {
    await tx
      .insert(parties)
      .values(part)
      .onConflictDoUpdate({
        target: [parties.shopId, parties.id],
        set: {
          kind: excluded('kind'),
          name: excluded('name'),
          active: excluded('active'),
          payload: excluded('payload'),
          changeSeq: excluded('change_seq'),
          updatedAt: sql`now()`,
        },
      });
  }
}

function uniqueOps(ops: SyncOp[]): SyncOp[] {
  const seen = new Set<string>();
  return [...ops].sort((a, b) => a.seq - b.seq).filter((op) => !seen.has(op.opId) && seen.add(op.opId));
}

/** A conflict: the server holds something else under this key. Reported with its code, never called a duplicate. */
interface ConflictFound {
  op: SyncOp;
  code: SyncConflictCode;
  reason: string;
}

const conflictResult = ({ op, code, reason }: ConflictFound): OpResult => ({
  opId: op.opId,
  status: 'rejected',
  reason,
  code,
});

/**
 * One push = one transaction holding the shop's row lock, so changes commit in cursor order. The fast path writes the
 * batch with multi-row inserts; if the database refuses it (say a document number already taken), the batch is
 * replayed op by op in savepoints so only the offending op is rejected and the rest still land. A journal that does
 * not extend the anchored head refuses the whole push; the owner's alert for it is written in its own transaction.
 */
export async function pushBatch(
  db: ServerDb,
  clock: Clock,
  device: Device,
  input: PushInput,
  log: Logger,
): Promise<PushResult> {
  const now = clock();
  const clockSkewMs = Math.round(new Date(input.counterTime).getTime() - now.getTime());
  const ops = uniqueOps(input.ops);
  const attempt = (opByOp: boolean) => pushInTransaction(db, log, device, ops, clockSkewMs, input, now, opByOp);
  let outcome: OpResult[];
  try {
    outcome = await attempt(false);
  } catch (error) {
    if (error instanceof JournalLinksMissing) throw error;
    if (error instanceof JournalChainBroken) {
      await inShop(db, device.shopId, (tx) =>
        raiseSyncEvent(tx, device, 'journal_chain_broken', `push refused, ${error.detail}.`, now),
      );
      throw error;
    }
    outcome = await attempt(true);
  }
  const byId = new Map(outcome.map((result) => [result.opId, result]));
  return { results: input.ops.map((op) => byId.get(op.opId)!), serverTime: now.toISOString(), clockSkewMs };
}

/** Finalised records are never rewritten: for each entity id this shop already stores, the hash it was stored with. */
async function storedHashes(tx: ServerDb, shopId: string, ops: SyncOp[]): Promise<Map<string, string | null>> {
  const keyed = ops.filter((op) => DOC_ENTITIES.has(op.entity));
  const stored = new Map<string, string | null>();
  for (let i = 0; i < keyed.length; i += 5000) {
    const part = keyed.slice(i, i + 5000);
    const rows = await tx
      .select({ entity: syncOps.entity, entityId: syncOps.entityId, payloadHash: syncOps.payloadHash })
      .from(syncOps)
      .where(
        and(
          eq(syncOps.shopId, shopId),
          eq(syncOps.status, 'applied'),
          inArray(
            syncOps.entityId,
            part.map((op) => op.entityId),
          ),
        ),
      );
    for (const row of rows) stored.set(`${row.entity}:${row.entityId}`, row.payloadHash);
  }
  return stored;
}

/**
 * Sorts this counter's ops into answers already known (the same op again), conflicts (the same key with another
 * payload) and fresh ops to apply. A document id already stored with the same content is a duplicate; an op stored
 * before hashes were kept is taken as it was, and its hash is kept from now on.
 */
async function classify(tx: ServerDb, device: Device, ops: SyncOp[], hashes: Map<string, string>) {
  const known = await tx
    .select()
    .from(syncOps)
    .where(
      and(
        eq(syncOps.shopId, device.shopId),
        eq(syncOps.counterId, device.counterId),
        inArray(
          syncOps.opId,
          ops.map((op) => op.opId),
        ),
      ),
    );
  const knownById = new Map(known.map((row) => [row.opId, row]));
  const answered: OpResult[] = [];
  const conflicts: ConflictFound[] = [];
  const duplicates: { op: SyncOp; result: OpResult }[] = [];
  const fresh: SyncOp[] = [];
  const stored = await storedHashes(
    tx,
    device.shopId,
    ops.filter((op) => !knownById.has(op.opId)),
  );
  for (const op of ops) {
    const hash = hashes.get(op.opId)!;
    const row = knownById.get(op.opId);
    if (row) {
      if (row.payloadHash !== null && row.payloadHash !== hash) {
        conflicts.push({
          op,
          code: 'OP_PAYLOAD_CHANGED',
          reason: `op ${op.opId} was already received with other content; the server keeps the first`,
        });
        continue;
      }
      if (row.payloadHash === null)
        await tx
          .update(syncOps)
          .set({ payloadHash: hash })
          .where(
            and(eq(syncOps.shopId, device.shopId), eq(syncOps.counterId, device.counterId), eq(syncOps.opId, op.opId)),
          );
      answered.push(
        row.status === 'rejected'
          ? { opId: op.opId, status: 'rejected', code: row.code ?? 'OP_INVALID', reason: row.reason ?? '' }
          : { opId: op.opId, status: 'duplicate' },
      );
      continue;
    }
    const key = `${op.entity}:${op.entityId}`;
    if (!stored.has(key)) {
      // A later op of this batch with the same document id meets this one as stored.
      if (DOC_ENTITIES.has(op.entity) && payloadIdOf(op) === op.entityId) stored.set(key, hash);
      fresh.push(op);
      continue;
    }
    const storedHash = stored.get(key);
    if (storedHash === null || storedHash === hash) {
      duplicates.push({ op, result: { opId: op.opId, status: 'duplicate' } });
      continue;
    }
    conflicts.push({
      op,
      code: 'ENTITY_CONTENT_CHANGED',
      reason: `${op.entity.replace('_', ' ')} ${op.entityId} is already stored with other content; the server keeps the first`,
    });
  }
  return { answered, conflicts, duplicates, fresh };
}

async function pushInTransaction(
  db: ServerDb,
  log: Logger,
  device: Device,
  ops: SyncOp[],
  clockSkewMs: number,
  input: PushInput,
  now: Date,
  opByOp: boolean,
): Promise<OpResult[]> {
  const hashes = new Map(ops.map((op) => [op.opId, opPayloadHash(op)]));
  return inShop(db, device.shopId, async (tx) => {
    const [shop] = await tx
      .select({ changeSeq: shops.changeSeq })
      .from(shops)
      .where(eq(shops.id, device.shopId))
      .for('update');
    let changeSeq = shop!.changeSeq;
    if (input.journal) await anchorJournal(tx, device, input.journal);
    const { answered, conflicts, duplicates, fresh } = await classify(tx, device, ops, hashes);
    const results: OpResult[] = [...answered, ...duplicates.map(({ result }) => result)];
    // A conflicting replay of a known op id has its row already; a new op id colliding with a stored document is kept.
    await recordOps(
      tx,
      device,
      [
        ...duplicates,
        ...conflicts
          .filter((conflict) => conflict.code !== 'OP_PAYLOAD_CHANGED')
          .map((conflict) => ({ op: conflict.op, result: conflictResult(conflict) })),
      ],
      hashes,
    );
    results.push(...conflicts.map(conflictResult));
    const freshResults: OpResult[] = [];
    if (!opByOp) {
      const applied = await applyOps(tx, device, fresh, changeSeq, hashes);
      freshResults.push(...applied.results);
      changeSeq = applied.changeSeq;
    } else {
      for (const op of fresh) {
        try {
          const applied = await tx.transaction((savepoint) =>
            applyOps(savepoint as unknown as ServerDb, device, [op], changeSeq, hashes),
          );
          freshResults.push(...applied.results);
          changeSeq = applied.changeSeq;
        } catch (error) {
          // The database's own words (SQL, constraint names) go to the log under an id, never to the counter.
          const errorId = logInternalError(log, error, 'sync push: an op could not be stored', {
            shopId: device.shopId,
            counterId: device.counterId,
            opId: op.opId,
          });
          const reason = `The server could not store this ${op.entity.replace('_', ' ')} (error id ${errorId}).`;
          const result: OpResult = { opId: op.opId, status: 'rejected', code: 'STORE_FAILED', reason };
          await recordOps(tx, device, [{ op, result }], hashes);
          freshResults.push(result);
        }
      }
    }
    results.push(...freshResults);
    const refused = [...conflicts.map(conflictResult), ...freshResults.filter((result) => result.code)];
    if (refused.length > 0)
      await raiseSyncEvent(
        tx,
        device,
        'sync_conflict',
        `${refused.length} change(s) refused as conflicts, the first ${refused[0]!.code}: ${refused[0]!.reason}.`,
        now,
      );
    await tx.update(shops).set({ changeSeq }).where(eq(shops.id, device.shopId));
    const appliedCount = results.filter((result) => result.status === 'applied').length;
    await tx
      .insert(counterCursors)
      .values({ shopId: device.shopId, counterId: device.counterId, pulledTo: 0, pushedOps: appliedCount })
      .onConflictDoUpdate({
        target: [counterCursors.shopId, counterCursors.counterId],
        set: { pushedOps: sql`${counterCursors.pushedOps} + ${appliedCount}` },
      });
    await tx
      .update(counters)
      .set({
        lastSeenAt: sql`now()`,
        lastClockSkewMs: clockSkewMs,
        ...(input.appVersion ? { appVersion: input.appVersion } : {}),
      })
      .where(and(eq(counters.id, device.counterId), eq(counters.shopId, device.shopId)));
    return results;
  });
}
