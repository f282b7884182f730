// Stock moves only through movements; the item's stock is their running sum, updated in the same transaction.
import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { NotFound } from '../../../src-shared/errors';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { items } from '../catalogue/schema';
import { recordAudit } from '../audit/service';
import { enqueueAll } from '../outbox/service';
import { stockMovements, type StockMovement } from './schema';
import { insertRows } from '../../db/insert-rows';

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
  return moveStocks(ledger, [move])[0]!;
}

/** Appends several movements (a bill's lines) with one insert each for the movements and their outbox rows; returns each item's stock after its movement. */
export function moveStocks(ledger: Ledger, moves: MoveStock[]): number[] {
  const createdAt = nowIso(ledger);
  const movements: StockMovement[] = moves.map((move) => ({
    id: randomUUID(),
    itemId: move.itemId,
    qtyMilli: move.qtyMilli,
    reason: move.reason,
    docId: move.docId ?? null,
    note: move.note ?? '',
    staffId: move.staffId,
    createdAt,
  }));
  const stock = postMovements(ledger, movements);
  enqueueAll(
    ledger,
    movements.map((movement) => ({ entity: 'stock_movement', entityId: movement.id, payload: movement })),
  );
  return stock;
}

/**
 * A movement another counter made, pulled from the server: added once (by id) and never sent back.
 * Returns false when it was already here. Call inside a transaction.
 */
export function applyRemoteStockMovement(ledger: Ledger, movement: StockMovement): boolean {
  if (ledger.db.select({ id: stockMovements.id }).from(stockMovements).where(eq(stockMovements.id, movement.id)).get())
    return false;
  postMovements(ledger, [movement]);
  return true;
}

function postMovements(ledger: Ledger, movements: StockMovement[]): number[] {
  if (movements.length === 0) return [];
  insertRows(ledger, stockMovements, movements);
  return movements.map((movement) => {
    const updated = ledger.db
      .update(items)
      .set({ stockMilli: sql`${items.stockMilli} + ${movement.qtyMilli}` })
      .where(eq(items.id, movement.itemId))
      .returning({ stockMilli: items.stockMilli })
      .get();
    if (!updated) throw new NotFound('No such item.');
    return updated.stockMilli;
  });
}

export function adjustStock(
  ledger: Ledger,
  actor: Actor,
  input: { itemId: string; deltaMilli: number; reason: 'purchase' | 'adjustment'; note: string },
): { stockMilli: number } {
  return ledger.transaction(() => {
    const stockMilli = moveStock(ledger, {
      itemId: input.itemId,
      qtyMilli: input.deltaMilli,
      reason: input.reason,
      note: input.note,
      staffId: actor.staffId,
    });
    if (input.reason === 'adjustment')
      recordAudit(ledger, {
        action: 'stock.adjust',
        staffId: actor.staffId,
        subjectId: input.itemId,
        details: { deltaMilli: input.deltaMilli, note: input.note },
      });
    return { stockMilli };
  });
}

export function listMovements(ledger: Ledger, itemId: string, limit: number, offset: number): StockMovement[] {
  return ledger.db
    .select()
    .from(stockMovements)
    .where(eq(stockMovements.itemId, itemId))
    .orderBy(desc(stockMovements.createdAt))
    .limit(limit)
    .offset(offset)
    .all();
}
