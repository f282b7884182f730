// What runs beside the router while a counter is open: the print worker, sync once the counter is enrolled, and
// scheduled backups. Electron's main and the browser bridge (`npm run dev:web`) start it the same way.
import type { Ledger } from '../ledger/ledger';
import { startPrintWorker, type PrintWorkerConfig } from '../printing/worker';
import { SyncEngine, type SyncEngineOptions } from '../sync/engine';
import { readSyncState } from '../sync/state';
import { startBackupSchedule } from '../backup/schedule';
import { backupsFor } from '../backup/registry';

export interface CounterServicesOptions {
  ledger: Ledger;
  print: PrintWorkerConfig;
  /** Sent with every push, so the owner's monitoring page shows which version each counter runs. */
  appVersion?: string;
  /** Test seams for sync's pacing; production keeps the engine's defaults. */
  sync?: Pick<SyncEngineOptions, 'idleMs' | 'retry' | 'requestTimeoutMs'>;
  backups?: boolean;
  log?: (message: string, error?: unknown) => void;
}

export interface CounterServices {
  /**
   * A write was committed (a bill, a reprint, a test print, an enrolment): print what it queued now and push it
   * soon, instead of at the next poll. Cheap; called after every successful mutation.
   */
  afterWrite(): void;
  /** Finishes the job being printed and the sync run under way, then stops; the ledger may be closed after. */
  stop(): Promise<void>;
}

export function startCounterServices(options: CounterServicesOptions): CounterServices {
  const { ledger, log = () => {} } = options;
  const printer = startPrintWorker(ledger, options.print);
  const stopBackups =
    options.backups === false
      ? () => {}
      : startBackupSchedule({ ledger, backups: backupsFor(ledger), onError: (error) => log('backup failed', error) });
  let sync: { engine: SyncEngine; deviceToken: string } | null = null;
  let stopped = false;

  // Sync starts when the counter is enrolled and restarts when it is enrolled again (a new device token);
  // an engine the server refused for good (token revoked) stays stopped until then.
  const ensureSync = () => {
    try {
      const enrolment = readSyncState(ledger, 'enrolment');
      if (stopped || !enrolment || sync?.deviceToken === enrolment.deviceToken) return;
      void sync?.engine.stop();
      const engine = new SyncEngine({
        ledger,
        appVersion: options.appVersion,
        ...options.sync,
        onStateChange: (state) => void (state.phase === 'refused' && log(`sync refused: ${state.detail ?? ''}`)),
      });
      sync = { engine, deviceToken: enrolment.deviceToken };
      engine.start();
    } catch (error) {
      log('could not start sync', error);
    }
  };
  ensureSync();

  return {
    afterWrite: () => {
      if (stopped) return;
      printer.wake();
      ensureSync();
      sync?.engine.wake();
    },
    stop: async () => {
      stopped = true;
      stopBackups();
      await Promise.all([printer.stop(), sync?.engine.stop()]);
    },
  };
}
