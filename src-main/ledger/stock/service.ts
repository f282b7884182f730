// Stock moves only through movements; the item's stock is their running sum, updated in the same transaction.
import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { NotFound } from '../../../src-shared/errors';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { items } from '../catalogue/schema';
import { recordAudit } from '../audit/service';
import { enqueue } from '../outbox/service';
import { stockMovements, type StockMovement } from './schema';

export interface MoveStock {
  itemId: string;
  qtyMilli: number;
  reason: StockMovement['reason'];
  docId?: string | null;
  note?: string;
  staffId: string | null;
}

/** Appends a movement and returns the item's stock after it. Call inside a transaction. */
export function moveStock(ledger: Ledger, move: MoveStock): number {
  const movement: StockMovement = {
    id: randomUUID(),
    itemId: move.itemId,
    qtyMilli: move.qtyMilli,
    reason: move.reason,
    docId: move.docId ?? null,
    note: move.note ?? '',
    staffId: move.staffId,
    createdAt: nowIso(ledger),
  };
  ledger.db.insert(stockMovements).values(movement).run();
  const updated = ledger.db
    .update(items)
    .set({ stockMilli: sql`${items.stockMilli} + ${move.qtyMilli}` })
    .where(eq(items.id, move.itemId))
    .returning({ stockMilli: items.stockMilli })
    .get();
  if (!updated) throw new NotFound('No such item.');
  enqueue(ledger, 'stock_movement', movement.id, movement);
  return updated.stockMilli;
}

export function adjustStock(ledger: Ledger, actor: Actor, input: { itemId: string; deltaMilli: number; reason: 'purchase' | 'adjustment'; note: string }): { stockMilli: number } {
  return ledger.transaction(() => {
    const stockMilli = moveStock(ledger, { itemId: input.itemId, qtyMilli: input.deltaMilli, reason: input.reason, note: input.note, staffId: actor.staffId });
    if (input.reason === 'adjustment') recordAudit(ledger, { action: 'stock.adjust', staffId: actor.staffId, subjectId: input.itemId, details: { deltaMilli: input.deltaMilli, note: input.note } });
    return { stockMilli };
  });
}

export function listMovements(ledger: Ledger, itemId: string, limit: number, offset: number): StockMovement[] {
  return ledger.db.select().from(stockMovements).where(eq(stockMovements.itemId, itemId)).orderBy(desc(stockMovements.createdAt)).limit(limit).offset(offset).all();
}
