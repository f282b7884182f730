// Stores the heartbeat a counter sends with each push or pull: what monitoring knows of that counter.
import { sql } from 'drizzle-orm';
import type { CounterHeartbeat } from '../../src-shared/sync/heartbeat';
import { counterHeartbeats } from './schema';
import { inShop } from '../db/tenant';
import type { ServerDeps } from '../trpc/init';

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
