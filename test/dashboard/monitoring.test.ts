// What the monitoring page reads out of the server's statuses and alerts: which counters are silent, how a printer is
// described, and when a resolved alert may fire again.
import { describe, expect, it } from 'vitest';
import { dateTime } from '../../dashboard/src/format';
import {
  cooldownNote,
  printerText,
  quietUntil,
  silentCounterIds,
  type AlertRow,
  type CounterStatus,
} from '../../dashboard/src/monitoring';

const MINUTE = 60_000;
const NOW = Date.parse('2026-11-23T10:00:00Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * MINUTE).toISOString();

function counter(counterId: string, lastSyncMinutesAgo: number | null): CounterStatus {
  return {
    shopId: 'shop',
    counterId,
    name: `Counter ${counterId}`,
    counterCode: counterId,
    enrolledAt: at(10_000),
    lastSyncAt: lastSyncMinutesAgo === null ? null : at(lastSyncMinutesAgo),
    clockSkewMs: 0,
    appVersion: '1.4.0',
    outboxDepth: 0,
    printer: { state: 'ok', detail: null, jobsWaiting: 0 },
    heartbeatAt: null,
    lastBackupAt: null,
    lastUploadedBackupAt: null,
  };
}

function alert(subject: string, overrides: Partial<AlertRow> = {}): AlertRow {
  return {
    shopId: 'shop',
    id: `${subject}-alert`,
    kind: 'counter_silent',
    subject,
    severity: 'warning',
    message: 'silent',
    state: 'open',
    firstSeenAt: at(5),
    lastSeenAt: at(1),
    occurrences: 5,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    ...overrides,
  };
}

describe('silent counters', () => {
  it('are the ones the server found silent that have not synced since, whatever became of the alert', () => {
    const counters = [counter('C1', 1), counter('C2', 180), counter('C3', 240), counter('C4', null)];
    const alerts = [
      alert('C1', { firstSeenAt: at(90), state: 'resolved', resolvedAt: at(2) }), // synced again since: fine now
      alert('C2'),
      alert('C3', { state: 'resolved', resolvedAt: at(3), resolvedBy: 'owner' }), // resolved by hand, still quiet
      alert('C4', { state: 'acknowledged' }), // never synced at all
    ];
    expect([...silentCounterIds(counters, alerts)].sort()).toEqual(['C2', 'C3', 'C4']);
  });

  it('come only from "not syncing" alerts, and only for counters still enrolled', () => {
    const alerts = [alert('C1', { kind: 'printer_error' }), alert('C9')];
    expect(silentCounterIds([counter('C1', 180)], alerts).size).toBe(0);
  });
});

describe('the cooldown', () => {
  it('is promised before an alert is resolved', () => {
    expect(quietUntil(alert('C1'))).toBeNull();
    expect(cooldownNote(alert('C1'), NOW, 30)).toBe(
      'Once resolved, it stays quiet for 30 min even if the problem comes back.',
    );
  });

  it("runs from the resolve for the server's cooldown, then is over", () => {
    const resolved = alert('C1', { state: 'resolved', resolvedAt: at(10) });
    expect(quietUntil(resolved)!.toISOString()).toBe(at(10 - 60));
    expect(cooldownNote(resolved, NOW)).toBe(
      `Cooldown: may fire again from ${dateTime(at(-50))} if the problem is still there.`,
    );
    expect(cooldownNote(resolved, NOW + 50 * MINUTE)).toBe(
      'Cooldown over: fires again as soon as the problem comes back.',
    );
  });
});

describe('printer state', () => {
  it('says what the counter last reported, or nothing before its first heartbeat', () => {
    expect(printerText({ state: 'ok', detail: null, jobsWaiting: 0 })).toBe('OK');
    expect(printerText({ state: 'queued', detail: null, jobsWaiting: 2 })).toBe('Printing, 2 waiting');
    expect(printerText({ state: 'error', detail: 'paper out', jobsWaiting: 3 })).toBe('Error: paper out, 3 waiting');
    expect(printerText({ state: 'none', detail: null, jobsWaiting: 0 })).toBe('No printer set');
    expect(printerText(null)).toBe('—');
  });
});
