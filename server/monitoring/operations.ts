// Background work of a running server: its own backups on schedule (with retention) and alert evaluation every minute.
import { allShopIds } from '../db/tenant';
import type { ServerDatabase } from '../db/connection';
import { dumpServer, dumpSource, listServerDumps, pruneServerDumps } from '../backup/dump';
import type { ServerDeps } from '../trpc/init';
import { evaluateShopAlerts } from './alerts';
import { backupRuns } from './metrics';

export interface Operations {
  /** Takes a backup now if one is due; returns the file, or null. */
  backupIfDue(): Promise<string | null>;
  evaluateAlerts(): Promise<void>;
  stop(): Promise<void>;
}

export function startOperations(
  deps: ServerDeps,
  database: ServerDatabase,
  options: { alertEveryMs?: number; checkBackupEveryMs?: number } = {},
): Operations {
  const { backup } = deps.config.operations;
  let busy: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = busy.then(work, work);
    busy = next.catch(() => {});
    return next;
  };

  const backupIfDue = () =>
    serial(async () => {
      if (backup.intervalHours <= 0) return null;
      const newest = listServerDumps(backup.dir)[0];
      if (newest && deps.clock().getTime() - newest.createdAt.getTime() < backup.intervalHours * 3_600_000) return null;
      try {
        const dump = await dumpServer(
          dumpSource(database, deps.config.database.kind === 'postgres' ? deps.config.database.url : null),
          backup.dir,
          deps.clock(),
        );
        pruneServerDumps(backup.dir, backup.keepDaily);
        backupRuns.inc({ outcome: 'ok' });
        deps.log.info({ file: dump.file, bytes: dump.bytes }, 'server backup written');
        return dump.file;
      } catch (error) {
        backupRuns.inc({ outcome: 'failed' });
        deps.log.error({ err: error }, 'server backup failed');
        return null;
      }
    });

  const evaluateAlerts = () =>
    serial(async () => {
      for (const shopId of await allShopIds(deps.db)) {
        await evaluateShopAlerts(deps, shopId).catch((error: unknown) =>
          deps.log.warn({ err: error, shopId }, 'alert evaluation failed'),
        );
      }
    });

  // The first look for a due backup waits a minute, so a server started and stopped at once (tests, crash loops) is not held up.
  const first = setTimeout(() => void backupIfDue(), options.checkBackupEveryMs ?? 60_000);
  const timers = [
    setInterval(() => void evaluateAlerts(), options.alertEveryMs ?? 60_000),
    setInterval(() => void backupIfDue(), options.checkBackupEveryMs ?? 10 * 60_000),
  ];
  for (const timer of [first, ...timers]) timer.unref();
  return {
    backupIfDue,
    evaluateAlerts,
    stop: async () => {
      clearTimeout(first);
      for (const timer of timers) clearInterval(timer);
      await busy;
    },
  };
}
