// What the monitoring page reads out of the server's counter statuses and alerts: which counters the server found
// silent, how to say a printer's state, and when a resolved alert may fire again (the cooldown).
import type { Outputs } from './trpc';
import { dateTime } from './format';

export type CounterStatus = Outputs['monitoring']['counters'][number];
export type AlertRow = Outputs['monitoring']['alerts'][number];
export type AlertState = AlertRow['state'];

/**
 * The server's ALERT_COOLDOWN_MINUTES default (server/backup/config.ts). The monitoring router does not send the
 * configured value, so on a server started with another cooldown the "may fire again" time is off by the difference.
 */
export const ALERT_COOLDOWN_MINUTES = 60;

export const ALERT_KIND_LABELS: Record<AlertRow['kind'], string> = {
  counter_silent: 'Not syncing',
  outbox_backlog: 'Outbox backlog',
  printer_error: 'Printer problem',
  counter_backup_stale: 'Backup overdue',
  sync_conflict: 'Sync conflict',
  sync_cursor_reset: 'Re-synced after server restore',
  journal_chain_broken: 'Journal altered',
};

/**
 * Counters the server has flagged as silent and that have not synced since: the alert's rule (and its threshold)
 * stays on the server, so the page never disagrees with the alert list, and a resolved alert does not hide a
 * counter that is still quiet.
 */
export function silentCounterIds(counters: CounterStatus[], alerts: AlertRow[]): Set<string> {
  const lastSync = new Map(
    counters.map((counter) => [counter.counterId, counter.lastSyncAt ? Date.parse(counter.lastSyncAt) : -Infinity]),
  );
  const silent = new Set<string>();
  for (const alert of alerts) {
    if (alert.kind !== 'counter_silent' || !lastSync.has(alert.subject)) continue;
    if (Date.parse(alert.firstSeenAt) > lastSync.get(alert.subject)!) silent.add(alert.subject);
  }
  return silent;
}

export function printerText(printer: CounterStatus['printer']): string {
  if (!printer) return '—';
  const waiting = printer.jobsWaiting > 0 ? `, ${printer.jobsWaiting} waiting` : '';
  switch (printer.state) {
    case 'ok':
      return 'OK';
    case 'queued':
      return `Printing${waiting}`;
    case 'error':
      return `Error${printer.detail ? `: ${printer.detail}` : ''}${waiting}`;
    default:
      return 'No printer set';
  }
}

/** A resolved alert's condition raises no new alert until this moment (the server's evaluator holds it back). */
export function quietUntil(alert: AlertRow, cooldownMinutes = ALERT_COOLDOWN_MINUTES): Date | null {
  return alert.resolvedAt ? new Date(Date.parse(alert.resolvedAt) + cooldownMinutes * 60_000) : null;
}

export function cooldownNote(alert: AlertRow, now: number, cooldownMinutes = ALERT_COOLDOWN_MINUTES): string {
  const until = quietUntil(alert, cooldownMinutes);
  if (!until) return `Once resolved, it stays quiet for ${cooldownMinutes} min even if the problem comes back.`;
  if (until.getTime() > now)
    return `Cooldown: may fire again from ${dateTime(until.toISOString())} if the problem is still there.`;
  return 'Cooldown over: fires again as soon as the problem comes back.';
}

export function alertsIn(alerts: AlertRow[], state: AlertState): AlertRow[] {
  return alerts.filter((alert) => alert.state === state);
}
