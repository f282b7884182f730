// Serves a counter the changes other counters of its shop made after its cursor, in server order.
import { and, asc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PullInput, PullResult } from '../../src-shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { inShop } from '../db/tenant';
import { changes, counterCursors } from './schema';
import { items, parties } from '../catalogue/schema';
import { shops } from '../accounts/schema';
import type { Clock } from '../../src-shared/clock';
import type { Device } from './rows';
import { Conflict } from '../../src-shared/errors';
import { raiseSyncEvent } from './events';

/** A cursor the server cannot honour: past its head, or naming a change it does not have (restored from a dump). */
export class CursorAhead extends Conflict {
  override readonly reason = 'SYNC_CURSOR_AHEAD';

  constructor(readonly detail: string) {
    super(
      `The server does not have the changes this counter last pulled (${detail}); it was probably restored from an older backup. The counter pulls again from the start and sends again what the server lacks.`,
    );
  }
}

/** Names the change at a cursor: its entity and the moment the server stored it (microseconds), which no later change repeats. */
async function markAt(tx: ServerDb, shopId: string, cursor: number): Promise<string | null> {
  if (cursor === 0) return '';
  const [row] = await tx
    .select({
      mark: sql<string>`${changes.entityId} || '@' || to_char(${changes.createdAt} AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS')`,
    })
    .from(changes)
    .where(and(eq(changes.shopId, shopId), eq(changes.seq, cursor)));
  return row?.mark ?? null;
}

async function refuseUnknownCursor(tx: ServerDb, device: Device, input: PullInput, head: number): Promise<void> {
  if (input.cursor > head) throw new CursorAhead(`its cursor ${input.cursor} is past the server's last change ${head}`);
  if (input.cursorMark === undefined) return;
  const mark = await markAt(tx, device.shopId, input.cursor);
  if (mark !== input.cursorMark)
    throw new CursorAhead(`change ${input.cursor} on the server is not the one this counter pulled`);
}

/**
 * Reads the shop's head first and never past it: a push commits its changes and the head together (under the shop's
 * row lock), so everything up to the head is visible and a cursor never skips a change that commits late.
 */
export async function pullChanges(db: ServerDb, clock: Clock, device: Device, input: PullInput): Promise<PullResult> {
  try {
    return await pullInShop(db, clock, device, input);
  } catch (error) {
    if (error instanceof CursorAhead)
      await inShop(db, device.shopId, (tx) =>
        raiseSyncEvent(
          tx,
          device,
          'sync_cursor_reset',
          `${error.detail}; it is pulling again from the start and sending again what the server lacks.`,
          clock(),
        ),
      );
    throw error;
  }
}

/** The change that holds an item's or party's current version, to know which counter wrote it. */
const latest = alias(changes, 'latest');

async function pullInShop(db: ServerDb, clock: Clock, device: Device, input: PullInput): Promise<PullResult> {
  return inShop(db, device.shopId, async (tx) => {
    const [shop] = await tx.select({ head: shops.changeSeq }).from(shops).where(eq(shops.id, device.shopId));
    const head = shop!.head;
    await refuseUnknownCursor(tx, device, input, head);
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
      .leftJoin(
        latest,
        and(eq(latest.shopId, changes.shopId), sql`${latest.seq} = COALESCE(${items.changeSeq}, ${parties.changeSeq})`),
      )
      .where(
        and(
          eq(changes.shopId, device.shopId),
          gt(changes.seq, input.cursor),
          lte(changes.seq, head),
          ne(changes.originCounterId, device.counterId),
          // Last writer wins by server order. A catalogue version a later one replaced is still served, in its place,
          // so an item or party always arrives before the stock movements and khata entries that name it (a counter
          // that joins after an item was edited would otherwise meet its sale before the item); the later version
          // follows and wins. Only when this counter wrote the current version itself is an older one held back: it
          // would overwrite what this counter already has, and the newer one is never served back to its writer.
          sql`(${changes.entity} NOT IN ('item', 'party') OR ${changes.seq} = COALESCE(${items.changeSeq}, ${parties.changeSeq}) OR ${latest.originCounterId} <> ${device.counterId})`,
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
      cursorMark: (await markAt(tx, device.shopId, nextCursor)) ?? '',
      serverTime: clock().toISOString(),
    };
  });
}
