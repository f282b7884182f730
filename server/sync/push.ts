// Applies a counter's pushed batch exactly once, in one transaction, and records which ops were applied, duplicates or rejected.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { OpResult, PushInput, PushResult, SyncOp } from '../../src-shared/sync/protocol';
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
import type { Clock } from '../../src-shared/clock';
import type { Logger } from 'pino';
import { logInternalError } from '../http/internal-errors';
import { addOpRows, emptyRows, RejectedOp, type BatchRows, type Device } from './rows';
import { addToSummaries } from '../reports/summaries';

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
]);

/**
 * Writes one group of fresh ops (none seen before). Throws on a database error, which aborts the caller's
 * transaction or savepoint. Returns each op's status and the shop's change number after it.
 */
async function applyOps(
  tx: ServerDb,
  device: Device,
  ops: SyncOp[],
  changeSeq: number,
): Promise<{ results: OpResult[]; changeSeq: number }> {
  const rows: BatchRows = emptyRows();
  const rejected = new Map<string, string>();
  for (const op of ops) {
    try {
      addOpRows(rows, device, op);
    } catch (error) {
      if (!(error instanceof RejectedOp)) throw error;
      rejected.set(op.opId, error.message);
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
  ] as const) {
    for (const id of await insertNew(tx, table as Keyed, list as { id: string }[])) newIds.add(id);
  }
  for (const [table, list] of [
    [invoiceLines, rows.invoiceLines],
    [creditNoteLines, rows.creditNoteLines],
    [payments, rows.payments],
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

  // Server order: each published change takes the shop's next number, in the order the counter made them.
  const published: (typeof changes.$inferInsert)[] = [];
  const catalogueSeq = new Map<string, number>();
  const results: OpResult[] = [];
  for (const op of ops) {
    const reason = rejected.get(op.opId);
    if (reason !== undefined) {
      results.push({ opId: op.opId, status: 'rejected', code: 'OP_INVALID', reason });
      continue;
    }
    const isNew = !DOC_ENTITIES.has(op.entity) || newIds.has(op.entityId);
    results.push({ opId: op.opId, status: isNew ? 'applied' : 'duplicate' });
    const entity = op.entity;
    if (!isNew || !(entity === 'item' || entity === 'party' || entity === 'khata_entry' || entity === 'stock_movement'))
      continue;
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
  const seen = results.map((result) => {
    const op = opsById.get(result.opId)!;
    return {
      shopId: device.shopId,
      opId: op.opId,
      counterId: device.counterId,
      counterSeq: op.seq,
      entity: op.entity,
      entityId: op.entityId,
      status: result.status,
      reason: result.reason ?? null,
    };
  });
  for (const part of chunks(seen)) await tx.insert(syncOps).values(part);
  return { results, changeSeq };
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

/**
 * One push = one transaction holding the shop's row lock, so changes commit in cursor order. The fast path writes the
 * batch with multi-row inserts; if the database refuses it (say a document number already taken), the batch is
 * replayed op by op in savepoints so only the offending op is rejected and the rest still land.
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
  const fast = await pushInTransaction(db, log, device, ops, clockSkewMs, input.appVersion, false).catch(
    (error: unknown) => ({ error }),
  );
  const outcome =
    'error' in fast ? await pushInTransaction(db, log, device, ops, clockSkewMs, input.appVersion, true) : fast;
  const byId = new Map(outcome.map((result) => [result.opId, result]));
  return { results: input.ops.map((op) => byId.get(op.opId)!), serverTime: now.toISOString(), clockSkewMs };
}

async function pushInTransaction(
  db: ServerDb,
  log: Logger,
  device: Device,
  ops: SyncOp[],
  clockSkewMs: number,
  appVersion: string | undefined,
  opByOp: boolean,
): Promise<OpResult[]> {
  return inShop(db, device.shopId, async (tx) => {
    const [shop] = await tx
      .select({ changeSeq: shops.changeSeq })
      .from(shops)
      .where(eq(shops.id, device.shopId))
      .for('update');
    let changeSeq = shop!.changeSeq;
    const known = await tx
      .select({ opId: syncOps.opId, status: syncOps.status, code: syncOps.code, reason: syncOps.reason })
      .from(syncOps)
      .where(
        and(
          eq(syncOps.shopId, device.shopId),
          inArray(
            syncOps.opId,
            ops.map((op) => op.opId),
          ),
        ),
      );
    const knownById = new Map(known.map((row) => [row.opId, row]));
    const results: OpResult[] = [];
    for (const row of known)
      results.push(
        row.status === 'rejected'
          ? { opId: row.opId, status: 'rejected', code: row.code ?? 'OP_INVALID', reason: row.reason ?? '' }
          : { opId: row.opId, status: 'duplicate' },
      );
    const fresh = ops.filter((op) => !knownById.has(op.opId));
    if (!opByOp) {
      const applied = await applyOps(tx, device, fresh, changeSeq);
      results.push(...applied.results);
      changeSeq = applied.changeSeq;
    } else {
      for (const op of fresh) {
        try {
          const applied = await tx.transaction((savepoint) =>
            applyOps(savepoint as unknown as ServerDb, device, [op], changeSeq),
          );
          results.push(...applied.results);
          changeSeq = applied.changeSeq;
        } catch (error) {
          // The database's own words (SQL, constraint names) go to the log under an id, never to the counter.
          const errorId = logInternalError(log, error, 'sync push: an op could not be stored', {
            shopId: device.shopId,
            counterId: device.counterId,
            opId: op.opId,
          });
          const reason = `The server could not store this ${op.entity.replace('_', ' ')} (error id ${errorId}).`;
          await tx.insert(syncOps).values({
            shopId: device.shopId,
            opId: op.opId,
            counterId: device.counterId,
            counterSeq: op.seq,
            entity: op.entity,
            entityId: op.entityId,
            status: 'rejected',
            code: 'STORE_FAILED',
            reason,
          });
          results.push({ opId: op.opId, status: 'rejected', code: 'STORE_FAILED', reason });
        }
      }
    }
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
      .set({ lastSeenAt: sql`now()`, lastClockSkewMs: clockSkewMs, ...(appVersion ? { appVersion } : {}) })
      .where(and(eq(counters.id, device.counterId), eq(counters.shopId, device.shopId)));
    return results;
  });
}
