// Enqueues changes for the server; always called inside the transaction that made the change.
import { randomUUID } from 'node:crypto';
import { count, isNull } from 'drizzle-orm';
import { type Ledger, nowIso } from '../ledger';
import { outbox } from './schema';

export type OutboxEntity = 'invoice' | 'credit_note' | 'receipt' | 'item' | 'party' | 'khata_entry' | 'stock_movement' | 'cash_session';

export function enqueue(ledger: Ledger, entity: OutboxEntity, entityId: string, payload: unknown): void {
  ledger.db.insert(outbox).values({ opId: randomUUID(), entity, entityId, payload, createdAt: nowIso(ledger), sentAt: null }).run();
}

export function pendingCount(ledger: Ledger): number {
  return ledger.db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)).get()?.n ?? 0;
}
