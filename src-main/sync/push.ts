// Pushes the outbox in batches, oldest first; the server's answer marks each op sent in one transaction.
import { asc, desc, gt, inArray, isNull } from 'drizzle-orm';
import { GENESIS_HEAD } from '../../src-shared/sync/integrity';
import { MAX_JOURNAL_LINKS, MAX_PUSH_OPS, type JournalAnchor, type SyncOp } from '../../src-shared/sync/protocol';
import { journal } from '../ledger/journal/schema';
import { type Ledger, nowIso } from '../ledger/ledger';
import { outbox, type OutboxRow } from '../ledger/outbox/schema';
import { pendingCount } from '../ledger/outbox/service';
import type { SyncRemote } from './remote';
import { counterHeartbeat } from '../monitoring/heartbeat';
import { appendCapped, readProgress, readSyncState, updateProgress, writeSyncState } from './state';
import { refusalReason } from './remote';

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

/**
 * The journal's head and its links since the head the server last acknowledged (the oldest first, so a long stretch is
 * anchored over several pushes); when that head is not known here, the latest links, which the server checks against
 * its own.
 */
export function journalAnchor(ledger: Ledger): JournalAnchor {
  const anchored = readSyncState(ledger, 'journalAnchored');
  const columns = { seq: journal.seq, prevHash: journal.prevHash, hash: journal.hash };
  const links = anchored
    ? ledger.db
        .select(columns)
        .from(journal)
        .where(gt(journal.seq, anchored.seq))
        .orderBy(asc(journal.seq))
        .limit(MAX_JOURNAL_LINKS)
        .all()
    : ledger.db.select(columns).from(journal).orderBy(desc(journal.seq)).limit(MAX_JOURNAL_LINKS).all().reverse();
  const last = links.at(-1);
  return { head: last ? { seq: last.seq, hash: last.hash } : (anchored ?? GENESIS_HEAD), links };
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
  const send = () => {
    const anchor = journalAnchor(ledger);
    return remote
      .push({
        ops: rows.map(toOp),
        journal: anchor,
        counterTime: ledger.clock().toISOString(),
        ...(options.appVersion ? { appVersion: options.appVersion } : {}),
        heartbeat: counterHeartbeat(ledger, options.appVersion),
      })
      .then((answer) => ({ answer, anchor }));
  };
  const { answer, anchor } = await send().catch((error: unknown) => {
    // The server's anchored head is not where this counter thought (the server was restored): send the latest links.
    if (refusalReason(error) !== 'JOURNAL_LINKS_MISSING' || readSyncState(ledger, 'journalAnchored') === null)
      throw error;
    writeSyncState(ledger, 'journalAnchored', null);
    return send();
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
        ...(result.code ? { code: result.code } : {}),
        at,
      })),
    );
    writeSyncState(ledger, 'journalAnchored', anchor.head);
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
