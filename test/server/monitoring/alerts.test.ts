// Alerts for the owner: raised once per condition, acknowledged and resolved by a person, cleared when the condition
// goes, and held back for a cooldown after resolution so a flapping counter does not spam.
import { afterEach, describe, expect, it } from 'vitest';
import { alertConditions, evaluateShopAlerts } from '../../../server/monitoring/alerts';
import type { CounterStatus } from '../../../server/monitoring/status';
import { testConfig, testServerDb, type TestServerDb } from '../../support/server';
import { shopWithCounters } from '../../support/server-shop';
import { invoiceOp, pushOf } from '../../support/sync-ops';

let server: TestServerDb;
afterEach(() => server?.close());

const MINUTE = 60_000;
const config = testConfig({ COUNTER_SILENT_MINUTES: '60', ALERT_COOLDOWN_MINUTES: '30', OUTBOX_BACKLOG_OPS: '100' });

describe('alert evaluation', () => {
  it('raises one alert per silent counter, however often it is evaluated; cooldown holds it back after a resolve', async () => {
    let offsetMs = 0;
    server = await testServerDb({ config, clock: () => new Date(Date.now() + offsetMs) });
    const { owner, counters, shopId } = await shopWithCounters(server, 'alerts@example.in', ['C1']);
    await counters[0]!.api.sync.push(pushOf([invoiceOp({ number: 'C1-2026-000001' })]));

    offsetMs = 30 * MINUTE;
    expect(await evaluateShopAlerts(server.deps, shopId)).toMatchObject({ raised: 0 });

    offsetMs = 2 * 60 * MINUTE;
    expect(await evaluateShopAlerts(server.deps, shopId)).toMatchObject({ raised: 1, updated: 0 });
    expect(await evaluateShopAlerts(server.deps, shopId)).toMatchObject({ raised: 0, updated: 1 });
    const [alert] = await owner.monitoring.alerts();
    expect(alert).toMatchObject({
      kind: 'counter_silent',
      state: 'open',
      severity: 'warning',
      occurrences: 2,
      message: 'Counter C1 (C1) has not synced for 2 h.',
    });
    expect(await owner.monitoring.alerts()).toHaveLength(1);

    expect(await owner.monitoring.acknowledge({ alertId: alert!.id })).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: expect.any(String),
    });
    expect(await evaluateShopAlerts(server.deps, shopId)).toMatchObject({ raised: 0, updated: 1 });
    expect(await owner.monitoring.resolve({ alertId: alert!.id })).toMatchObject({ state: 'resolved' });
    await expect(owner.monitoring.resolve({ alertId: alert!.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    // Still silent 10 minutes after the resolve: inside the 30-minute cooldown, no new alert.
    offsetMs += 10 * MINUTE;
    expect(await evaluateShopAlerts(server.deps, shopId)).toMatchObject({ raised: 0, suppressed: 1 });
    expect(await owner.monitoring.alerts()).toHaveLength(0);

    offsetMs += 25 * MINUTE;
    expect(await evaluateShopAlerts(server.deps, shopId)).toMatchObject({ raised: 1 });
    expect(await owner.monitoring.alerts({ which: 'all' })).toHaveLength(2);
  });

  it('clears an alert by itself when its condition goes away', async () => {
    let offsetMs = 2 * 60 * MINUTE;
    server = await testServerDb({ config, clock: () => new Date(Date.now() + offsetMs) });
    const { owner, counters, shopId } = await shopWithCounters(server, 'clears@example.in', ['C1']);
    expect(await evaluateShopAlerts(server.deps, shopId)).toMatchObject({ raised: 1 });
    offsetMs = 0;
    await counters[0]!.api.sync.push(pushOf([invoiceOp({ number: 'C1-2026-000001' })]));
    expect(await evaluateShopAlerts(server.deps, shopId)).toMatchObject({ raised: 0, cleared: 1 });
    const [alert] = await owner.monitoring.alerts({ which: 'resolved' });
    expect(alert).toMatchObject({ state: 'resolved', resolvedBy: null });
  });

  it('alerts on a printer in trouble and a long outbox, from the heartbeat', async () => {
    server = await testServerDb({ config });
    const { owner, counters, shopId } = await shopWithCounters(server, 'printer@example.in', ['C1']);
    await counters[0]!.api.sync.push({
      ...pushOf([invoiceOp({ number: 'C1-2026-000001' })]),
      heartbeat: {
        outboxDepth: 250,
        printer: { state: 'error', detail: 'paper out', jobsWaiting: 3 },
        lastBackupAt: null,
      },
    });
    await evaluateShopAlerts(server.deps, shopId);
    const kinds = (await owner.monitoring.alerts()).map((alert) => `${alert.kind}: ${alert.message}`).sort();
    expect(kinds).toEqual([
      'outbox_backlog: Counter C1 (C1) has 250 changes waiting to sync.',
      'printer_error: Counter C1 (C1): printer problem (paper out); 3 print job(s) waiting.',
    ]);
  });

  it("only managers and owners see and handle alerts, and only their own shop's", async () => {
    server = await testServerDb({ config, clock: () => new Date(Date.now() + 3 * 60 * MINUTE) });
    const first = await shopWithCounters(server, 'one@example.in', ['C1']);
    const second = await shopWithCounters(server, 'two@example.in', ['C1']);
    await evaluateShopAlerts(server.deps, first.shopId);
    const [alert] = await first.owner.monitoring.alerts();
    await expect(second.owner.monitoring.acknowledge({ alertId: alert!.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await second.owner.monitoring.alerts()).toEqual([]);
    await expect(first.counters[0]!.api.monitoring.alerts()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('alert conditions', () => {
  const base: CounterStatus = {
    shopId: 's',
    counterId: 'c',
    name: 'Front',
    counterCode: 'C1',
    enrolledAt: new Date('2026-11-01T00:00:00Z'),
    lastSyncAt: new Date('2026-11-23T09:00:00Z'),
    clockSkewMs: 0,
    appVersion: '1.0.0',
    outboxDepth: 0,
    printer: { state: 'ok', detail: null, jobsWaiting: 0 },
    heartbeatAt: null,
    lastBackupAt: null,
    lastUploadedBackupAt: new Date('2026-11-22T21:00:00Z'),
  };
  const monitoring = config.operations.monitoring;

  it('finds nothing wrong with a counter that synced and backed up recently', () => {
    expect(alertConditions([base], monitoring, new Date('2026-11-23T09:30:00Z'))).toEqual([]);
  });

  it('turns critical when a counter has been silent for a day', () => {
    const [silent] = alertConditions([base], monitoring, new Date('2026-11-24T10:00:00Z'));
    expect(silent).toMatchObject({
      kind: 'counter_silent',
      severity: 'critical',
      message: 'Front (C1) has not synced for 25 h.',
    });
  });

  it("warns when the counter's last backup on the server is older than 26 hours", () => {
    const kinds = alertConditions(
      [{ ...base, lastSyncAt: new Date('2026-11-24T00:00:00Z') }],
      monitoring,
      new Date('2026-11-24T00:30:00Z'),
    ).map((found) => found.kind);
    expect(kinds).toEqual(['counter_backup_stale']);
  });
});
