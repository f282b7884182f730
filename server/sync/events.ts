// What sync refused, told to the owner: one alert per (kind, counter) on the monitoring page, counting occurrences,
// until a person resolves it (the evaluator never clears these: no counter status says the cause went away).
import { sql } from 'drizzle-orm';
import type { ServerDb } from '../db/connection';
import { alerts } from '../monitoring/schema';
import type { Device } from './rows';

export type SyncEventKind = 'sync_conflict' | 'sync_cursor_reset' | 'journal_chain_broken';

const SEVERITY: Record<SyncEventKind, 'warning' | 'critical'> = {
  sync_conflict: 'critical',
  sync_cursor_reset: 'warning',
  journal_chain_broken: 'critical',
};

/** Call inside the shop's transaction (inShop). */
export async function raiseSyncEvent(
  tx: ServerDb,
  device: Device,
  kind: SyncEventKind,
  message: string,
  now: Date,
): Promise<void> {
  await tx
    .insert(alerts)
    .values({
      shopId: device.shopId,
      kind,
      subject: device.counterId,
      severity: SEVERITY[kind],
      message: `Counter ${device.counterCode}: ${message}`,
      firstSeenAt: now,
      lastSeenAt: now,
    })
    .onConflictDoUpdate({
      target: [alerts.shopId, alerts.kind, alerts.subject],
      targetWhere: sql`state <> 'resolved'`,
      set: {
        message: sql`excluded.message`,
        lastSeenAt: sql`excluded.last_seen_at`,
        occurrences: sql`${alerts.occurrences} + 1`,
      },
    });
}
