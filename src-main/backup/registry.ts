// One CounterBackups per open ledger, so the schedule, the router and the heartbeat share one progress and one lock.
import type { Ledger } from '../ledger/ledger';
import { readSyncState } from '../sync/state';
import { createBackupRemote } from './remote';
import { CounterBackups } from './service';

const byLedger = new WeakMap<Ledger, CounterBackups>();

/** Backups go to the server this counter is enrolled with, using its device token. */
export function backupsFor(ledger: Ledger): CounterBackups {
  let backups = byLedger.get(ledger);
  if (!backups) {
    backups = new CounterBackups({
      ledger,
      remote: () => {
        const enrolment = readSyncState(ledger, 'enrolment');
        return enrolment ? createBackupRemote({ serverUrl: enrolment.serverUrl, token: enrolment.deviceToken }) : null;
      },
    });
    byLedger.set(ledger, backups);
  }
  return backups;
}
