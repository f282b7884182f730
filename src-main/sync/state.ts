// What the counter remembers about sync, in the ledger's sync_state table: enrolment, pull cursor, progress, holds.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Ledger, nowIso } from '../ledger/ledger';
import { syncState } from './schema';

const enrolment = z.object({
  serverUrl: z.url(),
  deviceToken: z.string(),
  counterId: z.uuid(),
  shopId: z.uuid(),
  shopName: z.string(),
  counterCode: z.string(),
  enrolledAt: z.string(),
});

const progress = z.object({
  /** Ops sent and acknowledged in the current run, of how many were waiting when it began. */
  pushedInRun: z.number().int().default(0),
  toPushInRun: z.number().int().default(0),
  headCursor: z.number().int().default(0),
  lastPushAt: z.string().nullable().default(null),
  lastPullAt: z.string().nullable().default(null),
  lastSuccessAt: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
  lastErrorAt: z.string().nullable().default(null),
  /** The server's refusal code for the last error (src-shared/sync/protocol SYNC_REFUSALS), when it gave one. */
  lastErrorCode: z.string().nullable().default(null),
  failures: z.number().int().default(0),
  nextAttemptAt: z.string().nullable().default(null),
  clockSkewMs: z.number().int().default(0),
  rejectedOps: z.number().int().default(0),
});

/** A pull that would retire most records, waiting for a manager to look; see applyPulledChanges. */
const hold = z.object({
  reason: z.string(),
  removing: z.number().int(),
  active: z.number().int(),
  cursor: z.number().int(),
  at: z.string(),
});

const rejection = z.object({
  opId: z.string(),
  entity: z.string(),
  entityId: z.string(),
  reason: z.string(),
  /** Set when the server refused it as a conflict (src-shared/sync/protocol SYNC_CONFLICT_CODES). */
  code: z.string().optional(),
  at: z.string(),
});

const journalHead = z.object({ seq: z.number().int().min(0), hash: z.string() });

export const SYNC_STATE = {
  enrolment,
  cursor: z.number().int().min(0),
  /** The server's name for the change at the cursor, sent back so a server that forgot it is caught. */
  cursorMark: z.string().nullable(),
  /** The journal head the server last acknowledged; null or absent: send the latest links and let it check. */
  journalAnchored: journalHead.nullable(),
  /** Each time the server could not honour the cursor and the counter synced again from the start. */
  resyncs: z.array(z.object({ at: z.string(), reason: z.string(), resent: z.number().int() })),
  progress,
  hold: hold.nullable(),
  /** Set by a manager to let the held pull through once. */
  massChangeApprovedAt: z.number().int().nullable(),
  rejections: z.array(rejection),
  conflicts: z.array(z.object({ entity: z.string(), entityId: z.string(), note: z.string(), at: z.string() })),
} as const;

type Key = keyof typeof SYNC_STATE;
export type SyncStateValue<K extends Key> = z.infer<(typeof SYNC_STATE)[K]>;
export type SyncProgress = z.infer<typeof progress>;
export type Enrolment = z.infer<typeof enrolment>;

export function readSyncState<K extends Key>(ledger: Ledger, key: K): SyncStateValue<K> | null {
  const row = ledger.db.select().from(syncState).where(eq(syncState.key, key)).get();
  return row === undefined ? null : (SYNC_STATE[key].parse(row.value) as SyncStateValue<K>);
}

/** Writing null forgets the key (the column holds JSON values, never SQL NULL). */
export function writeSyncState<K extends Key>(ledger: Ledger, key: K, value: SyncStateValue<K>): void {
  if (value === null) {
    ledger.db.delete(syncState).where(eq(syncState.key, key)).run();
    return;
  }
  const at = nowIso(ledger);
  ledger.db
    .insert(syncState)
    .values({ key, value, updatedAt: at })
    .onConflictDoUpdate({ target: syncState.key, set: { value, updatedAt: at } })
    .run();
}

export function readProgress(ledger: Ledger): SyncProgress {
  return readSyncState(ledger, 'progress') ?? progress.parse({});
}

export function updateProgress(ledger: Ledger, patch: Partial<SyncProgress>): SyncProgress {
  const next = { ...readProgress(ledger), ...patch };
  writeSyncState(ledger, 'progress', next);
  return next;
}

/** Keeps the newest entries of a bounded log (rejections, conflicts) so the table cannot grow without end. */
export function appendCapped<K extends 'rejections' | 'conflicts' | 'resyncs'>(
  ledger: Ledger,
  key: K,
  entries: SyncStateValue<K>,
  cap = 200,
): void {
  if (entries.length === 0) return;
  const current = readSyncState(ledger, key) ?? [];
  writeSyncState(ledger, key, [...current, ...entries].slice(-cap) as SyncStateValue<K>);
}
