// Sync seen by monitoring: stores the heartbeat a counter sends with a push or pull, and counts batches and ops.
// The sync router builds push and pull on syncProcedure instead of deviceProcedure; nothing else in sync changes.
import { sql } from 'drizzle-orm';
import { counterHeartbeat, type CounterHeartbeat } from '../../src-shared/sync/heartbeat';
import { counterHeartbeats } from './schema';
import { inShop } from '../db/tenant';
import { deviceProcedure, type ServerDeps } from '../trpc/init';
import { syncBatches, syncOps } from './metrics';

export async function recordHeartbeat(
  deps: Pick<ServerDeps, 'db'>,
  device: { shopId: string; counterId: string },
  heartbeat: CounterHeartbeat,
): Promise<void> {
  const row = {
    shopId: device.shopId,
    counterId: device.counterId,
    outboxDepth: heartbeat.outboxDepth,
    printerState: heartbeat.printer.state,
    printerDetail: heartbeat.printer.detail,
    printJobsWaiting: heartbeat.printer.jobsWaiting,
    appVersion: heartbeat.appVersion ?? null,
    lastBackupAt: heartbeat.lastBackupAt ? new Date(heartbeat.lastBackupAt) : null,
  };
  const { shopId: _shop, counterId: _counter, ...changes } = row;
  // Pulls carry no version: a missing one keeps what the last push said.
  await inShop(deps.db, device.shopId, (tx) =>
    tx
      .insert(counterHeartbeats)
      .values(row)
      .onConflictDoUpdate({
        target: [counterHeartbeats.shopId, counterHeartbeats.counterId],
        set: {
          ...changes,
          appVersion: sql`COALESCE(excluded.app_version, ${counterHeartbeats.appVersion})`,
          receivedAt: sql`now()`,
        },
      }),
  );
}

function pushedStatuses(data: unknown): string[] {
  const results = (data as { results?: { status?: unknown }[] } | undefined)?.results;
  return Array.isArray(results) ? results.map((result) => String(result.status)) : [];
}

export const syncProcedure = deviceProcedure.use(async ({ ctx, next, path, getRawInput }) => {
  const result = await next();
  const direction = path.endsWith('push') ? 'push' : 'pull';
  syncBatches.inc({ direction, outcome: result.ok ? 'ok' : 'error' });
  if (!result.ok) return result;
  if (direction === 'push') for (const status of pushedStatuses(result.data)) syncOps.inc({ status });
  const heartbeat = counterHeartbeat.safeParse(
    ((await getRawInput()) as { heartbeat?: unknown } | undefined)?.heartbeat,
  );
  if (heartbeat.success) {
    // A heartbeat that cannot be stored must never fail the sync it rode on.
    await recordHeartbeat(ctx, ctx.device, heartbeat.data).catch((error: unknown) =>
      ctx.log.warn({ err: error }, 'could not store a counter heartbeat'),
    );
  }
  return result;
});
