// The procedure push and pull are built on: a device procedure that counts batches and ops for monitoring and stores the
// heartbeat riding on the request.
import { counterHeartbeat } from '../../src-shared/sync/heartbeat';
import { recordHeartbeat } from '../monitoring/heartbeat';
import * as metrics from '../monitoring/metrics';
import { deviceProcedure } from '../trpc/init';

function pushedStatuses(data: unknown): string[] {
  const results = (data as { results?: { status?: unknown }[] } | undefined)?.results;
  return Array.isArray(results) ? results.map((result) => String(result.status)) : [];
}

export const syncProcedure = deviceProcedure.use(async ({ ctx, next, path, getRawInput }) => {
  const result = await next();
  const direction = path.endsWith('push') ? 'push' : 'pull';
  metrics.syncBatches.inc({ direction, outcome: result.ok ? 'ok' : 'error' });
  if (!result.ok) return result;
  if (direction === 'push') for (const status of pushedStatuses(result.data)) metrics.syncOps.inc({ status });
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
