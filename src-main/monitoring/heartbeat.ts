// What this counter tells the server about itself with each sync: outbox depth, printer state, version, last backup.
import { and, count, desc, eq, gt, isNotNull } from 'drizzle-orm';
import type { CounterHeartbeat, PrinterState } from '../../src-shared/sync/heartbeat';
import type { Ledger } from '../ledger/ledger';
import { pendingCount } from '../ledger/outbox/service';
import { defaultPrinter } from '../ledger/printing/queue';
import { printJobs } from '../ledger/printing/schema';
import { backupsFor } from '../backup/registry';

/** A job given up on, or one retrying after an error, means the printer needs a person; waiting jobs alone do not. */
export function printerState(ledger: Ledger): CounterHeartbeat['printer'] {
  const waiting = ledger.db.select({ n: count() }).from(printJobs).where(eq(printJobs.status, 'queued')).get()?.n ?? 0;
  const troubled =
    ledger.db
      .select({ lastError: printJobs.lastError })
      .from(printJobs)
      .where(and(isNotNull(printJobs.lastError), eq(printJobs.status, 'failed')))
      .orderBy(desc(printJobs.createdAt))
      .limit(1)
      .get() ??
    ledger.db
      .select({ lastError: printJobs.lastError })
      .from(printJobs)
      .where(and(eq(printJobs.status, 'queued'), gt(printJobs.attempts, 0), isNotNull(printJobs.lastError)))
      .orderBy(desc(printJobs.createdAt))
      .limit(1)
      .get();
  let state: PrinterState = 'ok';
  if (troubled) state = 'error';
  else if (waiting > 0) state = 'queued';
  else if (!defaultPrinter(ledger)) state = 'none';
  return { state, detail: troubled?.lastError?.slice(0, 300) ?? null, jobsWaiting: waiting };
}

export function counterHeartbeat(ledger: Ledger, appVersion?: string): CounterHeartbeat {
  return {
    outboxDepth: pendingCount(ledger),
    printer: printerState(ledger),
    ...(appVersion ? { appVersion } : {}),
    lastBackupAt: backupsFor(ledger).lastBackupAt(),
  };
}
