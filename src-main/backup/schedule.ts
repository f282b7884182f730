// When backups happen by themselves: every few hours, and soon after a shift is closed (the day's close).
import { desc, isNotNull } from 'drizzle-orm';
import { cashSessions } from '../ledger/cash-sessions/schema';
import type { Ledger } from '../ledger/ledger';
import { readBackupKey } from './key';
import type { CounterBackups } from './service';

export interface BackupScheduleOptions {
  ledger: Ledger;
  backups: CounterBackups;
  /** A backup is due when the newest is older than this. */
  everyMs?: number;
  /** How often to look; a closed shift is noticed within this. */
  checkMs?: number;
  onError?: (error: unknown) => void;
}

function lastShiftClosedAt(ledger: Ledger): string | null {
  return (
    ledger.db
      .select({ closedAt: cashSessions.closedAt })
      .from(cashSessions)
      .where(isNotNull(cashSessions.closedAt))
      .orderBy(desc(cashSessions.closedAt))
      .limit(1)
      .get()?.closedAt ?? null
  );
}

/** What is due now, if anything: the day close wins, so the file is labelled as the day's. */
export function dueBackup(ledger: Ledger, backups: CounterBackups, everyMs: number): 'day_close' | 'scheduled' | null {
  if (!readBackupKey(ledger) || backups.busy) return null;
  const last = backups.lastBackupAt();
  const closed = lastShiftClosedAt(ledger);
  if (closed && (!last || closed > last)) return 'day_close';
  if (!last || ledger.clock().getTime() - new Date(last).getTime() >= everyMs) return 'scheduled';
  return null;
}

/**
 * Polls rather than hooking the shift-close path: the cash-session code stays unaware of backups, and a shift
 * closed while the app was down is still backed up at the next start. Returns stop().
 */
export function startBackupSchedule({
  ledger,
  backups,
  everyMs = 6 * 3_600_000,
  checkMs = 60_000,
  onError = () => {},
}: BackupScheduleOptions): () => void {
  const check = () => {
    try {
      const reason = dueBackup(ledger, backups, everyMs);
      if (reason) backups.backupNow(reason).catch(onError);
    } catch (error) {
      onError(error);
    }
  };
  const timer = setInterval(check, checkMs);
  timer.unref();
  check();
  return () => clearInterval(timer);
}
