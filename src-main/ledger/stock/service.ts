// Stock moves only through movements; the item's stock is their running sum, updated in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { desc, eq } from 'drizzle-orm';
import { NotFound } from '../../../src-shared/errors';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { items } from '../catalogue/schema';
import { recordAudit } from '../audit/service';
import { enqueueAll } from '../outbox/service';
import { stockMovements, type StockMovement } from './schema';
import { insertRows } from '../../db/insert-rows';
import type { AdjustStockInput } from '../../../src-shared/contracts/stock';

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

const stockStatements = new WeakMap<Ledger, Statement<[number, string], { stockMilli: number }>>();

/** The stock update of every movement, prepared once per ledger: a bill's lines only bind values. */
function stockUpdate(ledger: Ledger): Statement<[number, string], { stockMilli: number }> {
  let update = stockStatements.get(ledger);
  if (!update) {
    update = ledger.sqlite.prepare<[number, string], { stockMilli: number }>(
      'UPDATE items SET stock_milli = stock_milli + ? WHERE id = ? RETURNING stock_milli AS stockMilli',
    );
    stockStatements.set(ledger, update);
  }
  return update;
}

function postMovements(ledger: Ledger, movements: StockMovement[]): number[] {
  if (movements.length === 0) return [];
  insertRows(ledger, stockMovements, movements);
  const update = stockUpdate(ledger);
  return movements.map((movement) => {
    const updated = update.get(movement.qtyMilli, movement.itemId);
    if (!updated) throw new NotFound({ key: 'noSuchItem' });
    return updated.stockMilli;
  });
}

/** A purchase received, an adjustment by a change, or a shelf count (the stock becomes the count), with its note. */
export function adjustStock(
  ledger: Ledger,
  actor: Actor,
  input: AdjustStockInput,
): { stockMilli: number; deltaMilli: number } {
  return ledger.transaction(() => {
    if (input.reason === 'count') return countStock(ledger, actor, input);
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
    return { stockMilli, deltaMilli: input.deltaMilli };
  });
}

/**
 * "I counted N": the stock becomes N by an adjustment of the difference (none when it already matches); audited
 * either way, since a count is a check someone made. Call inside a transaction.
 */
export function countStock(
  ledger: Ledger,
  actor: Actor,
  input: { itemId: string; countedMilli: number; note: string },
): { stockMilli: number; deltaMilli: number } {
  const deltaMilli = input.countedMilli - currentStock(ledger, input.itemId);
  const stockMilli =
    deltaMilli === 0
      ? input.countedMilli
      : moveStock(ledger, {
          itemId: input.itemId,
          qtyMilli: deltaMilli,
          reason: 'adjustment',
          note: input.note,
          staffId: actor.staffId,
        });
  recordAudit(ledger, {
    action: 'stock.count',
    staffId: actor.staffId,
    subjectId: input.itemId,
    details: { countedMilli: input.countedMilli, deltaMilli, note: input.note },
  });
  return { stockMilli, deltaMilli };
}

function currentStock(ledger: Ledger, itemId: string): number {
  const row = ledger.db.select({ stockMilli: items.stockMilli }).from(items).where(eq(items.id, itemId)).get();
  if (!row) throw new NotFound({ key: 'noSuchItem' });
  return row.stockMilli;
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
