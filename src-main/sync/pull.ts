// Pulls other counters' changes by cursor and applies each page in one transaction with the cursor, never into the outbox.
import { eq, isNotNull, sql } from 'drizzle-orm';
import { outbox } from '../ledger/outbox/schema';
import { Conflict as ConflictError } from '../../src-shared/errors';
import { isMassRemoval } from '../../src-shared/sync/timing';
import type { PulledChange, PullResult } from '../../src-shared/sync/protocol';
import { type Ledger, nowIso } from '../ledger/ledger';
import { items } from '../ledger/catalogue/schema';
import { parties } from '../ledger/parties/schema';
import { applyRemoteKhataEntry } from '../ledger/khata/entries';
import { applyRemoteStockMovement } from '../ledger/stock/service';
import { applyRemoteItem, applyRemoteParty, hasUnsentChange, type Conflict } from './catalogue-apply';
import { remoteItem, remoteKhataEntry, remoteParty, remotePayableEntry, remoteStockMovement } from './remote-rows';
import { applyRemotePayableEntry } from '../ledger/payables/entries';
import { applyRemoteEinvoice } from '../ledger/einvoice/service';
import { einvoicePulledPayload } from '../../src-shared/sync/einvoice-payload';
import { appendCapped, readSyncState, updateProgress, writeSyncState } from './state';
import type { SyncRemote } from './remote';
import { counterHeartbeat } from '../monitoring/heartbeat';

export type PullPageOutcome =
  | { kind: 'applied'; applied: number; skipped: number }
  | { kind: 'stale' }
  | { kind: 'held'; removing: number; active: number };

export function readCursor(ledger: Ledger): number {
  return readSyncState(ledger, 'cursor') ?? 0;
}

function activeCount(ledger: Ledger, table: typeof items | typeof parties): number {
  return (
    ledger.db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(eq(table.active, true))
      .get()?.n ?? 0
  );
}

/** How many of this page's changes would retire an item or party that is active here now. */
function retiring(ledger: Ledger, changes: PulledChange[], entity: 'item' | 'party'): number {
  const table = entity === 'item' ? items : parties;
  return changes.filter((change) => {
    if (change.entity !== entity || change.payload.active !== false) return false;
    return (
      ledger.db.select({ active: table.active }).from(table).where(eq(table.id, change.entityId)).get()?.active === true
    );
  }).length;
}

/** Mass-deletion fail-safe: a page that would retire most items or parties waits until a manager approves it. */
function massRemoval(
  ledger: Ledger,
  page: PullResult,
  fromCursor: number,
): { removing: number; active: number } | null {
  if (readSyncState(ledger, 'massChangeApprovedAt') === fromCursor) return null;
  for (const entity of ['item', 'party'] as const) {
    const removing = retiring(ledger, page.changes, entity);
    const active = activeCount(ledger, entity === 'item' ? items : parties);
    if (isMassRemoval(removing, active)) return { removing, active };
  }
  return null;
}

function applyChange(ledger: Ledger, change: PulledChange, conflicts: Conflict[]): boolean {
  switch (change.entity) {
    case 'item':
      if (hasUnsentChange(ledger, 'item', change.entityId)) return false;
      applyRemoteItem(ledger, remoteItem.parse(change.payload), conflicts);
      return true;
    case 'party':
      if (hasUnsentChange(ledger, 'party', change.entityId)) return false;
      applyRemoteParty(ledger, remoteParty.parse(change.payload));
      return true;
    case 'khata_entry':
      return applyRemoteKhataEntry(ledger, remoteKhataEntry.parse(change.payload));
    case 'stock_movement':
      return applyRemoteStockMovement(ledger, remoteStockMovement.parse(change.payload));
    case 'payable_entry':
      return applyRemotePayableEntry(ledger, remotePayableEntry.parse(change.payload));
    case 'einvoice':
      return applyRemoteEinvoice(ledger, einvoicePulledPayload.parse(change.payload));
  }
}

/** Applies one pulled page if this counter is still at fromCursor (a late answer to an old request is dropped). */
export function applyPulledPage(ledger: Ledger, page: PullResult, fromCursor: number): PullPageOutcome {
  return ledger.transaction(() => {
    if (readCursor(ledger) !== fromCursor) return { kind: 'stale' } as const;
    const mass = massRemoval(ledger, page, fromCursor);
    if (mass) {
      writeSyncState(ledger, 'hold', {
        reason: `This update from the server would retire ${mass.removing} of ${mass.active} records. Sync is paused until a manager confirms it.`,
        ...mass,
        cursor: fromCursor,
        at: nowIso(ledger),
      });
      return { kind: 'held', ...mass } as const;
    }
    const conflicts: Conflict[] = [];
    let applied = 0;
    for (const change of page.changes) {
      try {
        if (applyChange(ledger, change, conflicts)) applied += 1;
      } catch (error) {
        throw new ConflictError(
          `Could not apply change ${change.cursor} (${change.entity} ${change.entityId}) from the server: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    appendCapped(ledger, 'conflicts', conflicts);
    writeSyncState(ledger, 'cursor', page.nextCursor);
    if (page.cursorMark !== undefined) writeSyncState(ledger, 'cursorMark', page.cursorMark);
    writeSyncState(ledger, 'hold', null);
    updateProgress(ledger, { headCursor: page.headCursor, lastPullAt: nowIso(ledger) });
    return { kind: 'applied', applied, skipped: page.changes.length - applied } as const;
  });
}

export interface PullRun {
  pages: number;
  applied: number;
  held: boolean;
  caughtUp: boolean;
}

/** Pulls page after page until caught up with the server's head, or held by the fail-safe. */
export async function pullAll(
  ledger: Ledger,
  remote: SyncRemote,
  options: { pageSize?: number; maxPages?: number } = {},
): Promise<PullRun> {
  const run: PullRun = { pages: 0, applied: 0, held: false, caughtUp: false };
  while (run.pages < (options.maxPages ?? 10_000)) {
    const cursor = readCursor(ledger);
    const cursorMark = readSyncState(ledger, 'cursorMark');
    const page = await remote.pull({
      cursor,
      ...(cursorMark !== null ? { cursorMark } : {}),
      limit: options.pageSize ?? 500,
      heartbeat: counterHeartbeat(ledger),
    });
    const outcome = applyPulledPage(ledger, page, cursor);
    run.pages += 1;
    if (outcome.kind === 'held') return { ...run, held: true };
    if (outcome.kind === 'applied') run.applied += outcome.applied;
    if (!page.hasMore) return { ...run, caughtUp: true };
  }
  return run;
}

/**
 * The server cannot honour this counter's cursor (restored from an older dump): pull everything again from the start
 * (what is already here is skipped by id, so nothing doubles) and mark every outbox op unsent, so the server gets back
 * what it lost (what it has answers "duplicate"). The journal anchor is forgotten too: the server checks the latest
 * links against the head it kept. Returns how many ops will be sent again.
 */
export function resyncFromStart(ledger: Ledger, reason: string): number {
  return ledger.transaction(() => {
    const resent = ledger.db.update(outbox).set({ sentAt: null }).where(isNotNull(outbox.sentAt)).run().changes;
    writeSyncState(ledger, 'cursor', 0);
    writeSyncState(ledger, 'cursorMark', null);
    writeSyncState(ledger, 'journalAnchored', null);
    appendCapped(ledger, 'resyncs', [{ at: nowIso(ledger), reason, resent }], 20);
    return resent;
  });
}

/** A manager looked at the held page and lets it through, once. */
export function approveMassChange(ledger: Ledger): void {
  ledger.transaction(() => {
    const hold = readSyncState(ledger, 'hold');
    if (!hold) throw new ConflictError('Sync is not waiting for a confirmation.');
    writeSyncState(ledger, 'massChangeApprovedAt', hold.cursor);
  });
}
