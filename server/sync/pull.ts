// Serves a counter the changes other counters of its shop made after its cursor, in server order.
import { and, asc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { PullInput, PullResult } from '../../src-shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { inShop } from '../db/tenant';
import { changes, counterCursors } from './schema';
import { items, parties } from '../catalogue/schema';
import { shops } from '../accounts/schema';
import type { Clock } from '../../src-shared/clock';
import type { Device } from './rows';

/**
 * Reads the shop's head first and never past it: a push commits its changes and the head together (under the shop's
 * row lock), so everything up to the head is visible and a cursor never skips a change that commits late.
 */
export async function pullChanges(db: ServerDb, clock: Clock, device: Device, input: PullInput): Promise<PullResult> {
  return inShop(db, device.shopId, async (tx) => {
    const [shop] = await tx.select({ head: shops.changeSeq }).from(shops).where(eq(shops.id, device.shopId));
    const head = shop!.head;
    const rows = await tx
      .select({
        cursor: changes.seq,
        entity: changes.entity,
        entityId: changes.entityId,
        originCounterId: changes.originCounterId,
        payload: changes.payload,
      })
      .from(changes)
      .leftJoin(
        items,
        and(eq(changes.entity, 'item'), eq(items.shopId, changes.shopId), sql`${items.id}::text = ${changes.entityId}`),
      )
      .leftJoin(
        parties,
        and(
          eq(changes.entity, 'party'),
          eq(parties.shopId, changes.shopId),
          sql`${parties.id}::text = ${changes.entityId}`,
        ),
      )
      .where(
        and(
          eq(changes.shopId, device.shopId),
          gt(changes.seq, input.cursor),
          lte(changes.seq, head),
          ne(changes.originCounterId, device.counterId),
          // Last writer wins by server order: a catalogue version that a later one (from any counter) replaced is not served.
          sql`(${changes.entity} NOT IN ('item', 'party') OR ${changes.seq} = COALESCE(${items.changeSeq}, ${parties.changeSeq}))`,
        ),
      )
      .orderBy(asc(changes.seq))
      .limit(input.limit);
    const full = rows.length === input.limit;
    const nextCursor = full ? rows[rows.length - 1]!.cursor : Math.max(head, input.cursor);
    await tx
      .insert(counterCursors)
      .values({ shopId: device.shopId, counterId: device.counterId, pulledTo: input.cursor })
      .onConflictDoUpdate({
        target: [counterCursors.shopId, counterCursors.counterId],
        set: { pulledTo: input.cursor, pulledAt: sql`now()` },
      });
    return {
      changes: rows.map((row) => ({ ...row, payload: row.payload as Record<string, unknown> })),
      nextCursor,
      headCursor: head,
      hasMore: nextCursor < head,
      serverTime: clock().toISOString(),
    };
  });
}
