// What the app shows about sync: enrolled where, how much is waiting, how far behind, and anything that needs a person.
import { isClockDrifted } from '../../src-shared/sync/timing';
import type { Ledger } from '../ledger/ledger';
import { pendingCount } from '../ledger/outbox/service';
import { readCursor } from './pull';
import { readProgress, readSyncState } from './state';

export function syncStatus(ledger: Ledger) {
  const enrolment = readSyncState(ledger, 'enrolment');
  const progress = readProgress(ledger);
  const cursor = readCursor(ledger);
  return {
    enrolled: enrolment !== null,
    server: enrolment
      ? {
          url: enrolment.serverUrl,
          shopName: enrolment.shopName,
          counterCode: enrolment.counterCode,
          enrolledAt: enrolment.enrolledAt,
        }
      : null,
    pendingOps: pendingCount(ledger),
    push: { done: progress.pushedInRun, of: progress.toPushInRun, lastAt: progress.lastPushAt },
    pull: {
      cursor,
      head: Math.max(progress.headCursor, cursor),
      behind: Math.max(0, progress.headCursor - cursor),
      lastAt: progress.lastPullAt,
    },
    lastSuccessAt: progress.lastSuccessAt,
    error: progress.lastError
      ? {
          message: progress.lastError,
          at: progress.lastErrorAt,
          failures: progress.failures,
          nextAttemptAt: progress.nextAttemptAt,
        }
      : null,
    /** A warning only: ordering is the server's, so a wrong PC clock never stops sync. */
    clock: { skewMs: progress.clockSkewMs, drifted: isClockDrifted(progress.clockSkewMs) },
    hold: readSyncState(ledger, 'hold'),
    rejectedOps: progress.rejectedOps,
    /** What the server refused as a conflict (the same key with other content), newest last. */
    syncConflicts: (readSyncState(ledger, 'rejections') ?? []).filter((rejection) => rejection.code).slice(-20),
    /** When the server could not honour the cursor and this counter synced again from the start. */
    lastResync: (readSyncState(ledger, 'resyncs') ?? []).at(-1) ?? null,
    /** The journal head the server last confirmed: documents up to it are anchored off this PC. */
    journalAnchored: readSyncState(ledger, 'journalAnchored'),
    /** The server refused this counter's journal: it does not continue the chain the server verified. */
    journalRefused: progress.lastError !== null && progress.lastErrorCode === 'JOURNAL_CHAIN_BROKEN',
    conflicts: (readSyncState(ledger, 'conflicts') ?? []).slice(-20),
  };
}

export type SyncStatus = ReturnType<typeof syncStatus>;
