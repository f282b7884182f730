// Enqueues changes for the server; always called inside the transaction that made the change.
import { randomUUID } from 'node:crypto';
import { count, isNull } from 'drizzle-orm';
import { type Ledger, nowIso } from '../ledger';
import { outbox } from './schema';
import type { SyncEntity } from '../../../src-shared/sync/protocol';
import { insertRows } from '../../db/insert-rows';

/** Every entity the sync protocol carries (src-shared/sync/protocol.ts SYNC_ENTITIES). */
export type OutboxEntity = SyncEntity;

export function enqueue(ledger: Ledger, entity: OutboxEntity, entityId: string, payload: unknown): void {
  enqueueAll(ledger, [{ entity, entityId, payload }]);
}

/** Several changes in one insert, in the order given (the server applies them in outbox order). */
export function enqueueAll(
  ledger: Ledger,
  changes: { entity: OutboxEntity; entityId: string; payload: unknown }[],
): void {
  if (changes.length === 0) return;
  const createdAt = nowIso(ledger);
  insertRows(
    ledger,
    outbox,
    changes.map((change) => ({ opId: randomUUID(), ...change, createdAt, sentAt: null })),
  );
}

export function pendingCount(ledger: Ledger): number {
  return ledger.db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)).get()?.n ?? 0;
}
