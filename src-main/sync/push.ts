// Pushes the outbox in batches, oldest first; the server's answer marks each op sent in one transaction.
import { asc, inArray, isNull } from 'drizzle-orm';
import { MAX_PUSH_OPS, type SyncOp } from '../../src-shared/sync/protocol';
import { type Ledger, nowIso } from '../ledger/ledger';
import { outbox, type OutboxRow } from '../ledger/outbox/schema';
import { pendingCount } from '../ledger/outbox/service';
import type { SyncRemote } from './remote';
import { counterHeartbeat } from '../monitoring/heartbeat';
import { appendCapped, readProgress, updateProgress } from './state';

function toOp(row: OutboxRow): SyncOp {
  return {
    opId: row.opId,
    seq: row.seq,
    entity: row.entity as SyncOp['entity'],
    entityId: row.entityId,
    payload: row.payload as Record<string, unknown>,
    createdAt: row.createdAt,
  };
}

export interface PushRound {
  sent: number;
  rejected: number;
  clockSkewMs: number;
}

/** Sends the oldest unsent ops; null when there is nothing to send. */
export async function pushOnce(
  ledger: Ledger,
  remote: SyncRemote,
  options: { batchSize?: number; appVersion?: string; onSending?: (ops: number) => void } = {},
): Promise<PushRound | null> {
  const rows = ledger.db
    .select()
    .from(outbox)
    .where(isNull(outbox.sentAt))
    .orderBy(asc(outbox.seq))
    .limit(Math.min(options.batchSize ?? MAX_PUSH_OPS, MAX_PUSH_OPS))
    .all();
  if (rows.length === 0) return null;
  options.onSending?.(rows.length);
  const answer = await remote.push({
    ops: rows.map(toOp),
    counterTime: ledger.clock().toISOString(),
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    heartbeat: counterHeartbeat(ledger, options.appVersion),
  });
  const byId = new Map(rows.map((row) => [row.opId, row]));
  const rejected = answer.results.filter((result) => result.status === 'rejected');
  ledger.transaction(() => {
    const at = nowIso(ledger);
    const acked = answer.results.map((result) => result.opId).filter((opId) => byId.has(opId));
    for (let i = 0; i < acked.length; i += 500)
      ledger.db
        .update(outbox)
        .set({ sentAt: at })
        .where(inArray(outbox.opId, acked.slice(i, i + 500)))
        .run();
    appendCapped(
      ledger,
      'rejections',
      rejected.map((result) => ({
        opId: result.opId,
        entity: byId.get(result.opId)?.entity ?? '?',
        entityId: byId.get(result.opId)?.entityId ?? '?',
        reason: result.reason ?? '',
        at,
      })),
    );
    const progress = readProgress(ledger);
    updateProgress(ledger, {
      pushedInRun: progress.pushedInRun + acked.length,
      rejectedOps: progress.rejectedOps + rejected.length,
      lastPushAt: at,
      clockSkewMs: answer.clockSkewMs,
    });
  });
  return { sent: rows.length, rejected: rejected.length, clockSkewMs: answer.clockSkewMs };
}

/** Pushes until the outbox is empty (new sales made meanwhile included). */
export async function pushAll(
  ledger: Ledger,
  remote: SyncRemote,
  options: Parameters<typeof pushOnce>[2] = {},
): Promise<{ rounds: number; sent: number }> {
  updateProgress(ledger, { pushedInRun: 0, toPushInRun: pendingCount(ledger) });
  let rounds = 0;
  let sent = 0;
  for (;;) {
    const round = await pushOnce(ledger, remote, options);
    if (!round) return { rounds, sent };
    rounds += 1;
    sent += round.sent;
  }
}
