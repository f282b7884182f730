// Monitoring over HTTP: /ready knows about migrations, /metrics shows per-procedure latency, sync figures and counters'
// totals (never a tenant), behind a token or on a loopback port, and the heartbeat a counter sends with a sync lands on
// the owner's monitoring page.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackMetrics } from '../../../server/monitoring/http-routes';
import type { CounterHeartbeat } from '../../../src-shared/sync/heartbeat';
import { asOwner, listen, testConfig, testServerDb, type TestServerDb } from '../../support/server';
import { shopWithCounters } from '../../support/server-shop';
import { invoiceOp, pushOf } from '../../support/sync-ops';

let server: TestServerDb;
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
  await server?.close();
});

async function served(env: Record<string, string> = {}) {
  server = await testServerDb({ config: testConfig(env) });
  const { app, url } = await listen(server.deps, server.database);
  close = () => app.close();
  return url;
}

/** The value of one sample in Prometheus' text format, or null when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const value = line.slice(line.lastIndexOf(' ') + 1);
    if (Object.entries(labels).every(([key, label]) => line.includes(`${key}="${label}"`)))
      return value === '+Inf' ? Infinity : Number(value);
  }
  return null;
}

const METRICS_TOKEN = 'scrape-me-please-0123456789';

const heartbeat: CounterHeartbeat = {
  outboxDepth: 7,
  printer: { state: 'error', detail: 'paper out', jobsWaiting: 2 },
  appVersion: '1.4.2',
  lastBackupAt: '2026-11-22T21:00:00.000Z',
};

describe('monitoring endpoints', () => {
  it('/ready says ready once every migration is applied, and 503 when one is missing', async () => {
    const url = await served();
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { ready: boolean; migrations: number };
    expect(body).toMatchObject({ ready: true });
    expect(body.migrations).toBeGreaterThanOrEqual(6);
    await asOwner(server.database, (db) =>
      db.execute(
        sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)`,
      ),
    );
    const notReady = await fetch(`${url}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      ready: false,
      reason: expect.stringMatching(/migrations: \d+ of \d+ applied/),
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('/metrics shows latency histograms per procedure, sync batches and ops, and counters only as totals over all shops', async () => {
    const url = await served({ METRICS_TOKEN: METRICS_TOKEN });
    const scrape = async () =>
      (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const { counters, shopId } = await shopWithCounters(server, 'metrics@example.in');
    const other = await shopWithCounters(server, 'other-metrics@example.in');
    const token = counters[0]!.deviceToken;
    const push = (ops: ReturnType<typeof invoiceOp>[]) =>
      fetch(`${url}/trpc/sync.push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...pushOf(ops), appVersion: '1.4.2', heartbeat }),
      });
    const before = await scrape();
    const sale = invoiceOp({ number: 'C1-2026-000001' });
    expect((await push([sale, invoiceOp({ number: 'C1-2026-000002' })])).status).toBe(200);
    expect((await push([sale])).status).toBe(200);
    expect(
      (
        await fetch(`${url}/trpc/sync.push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);

    const text = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      (sample(text, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(
      delta('galla_trpc_request_duration_seconds_count', { procedure: 'sync.push', type: 'mutation', status: '200' }),
    ).toBe(2);
    expect(
      sample(text, 'galla_trpc_request_duration_seconds_bucket', { procedure: 'sync.push', status: '200', le: '+Inf' }),
    ).toBeGreaterThanOrEqual(2);
    expect(delta('galla_http_errors_total', { procedure: 'sync.push', class: 'client' })).toBe(1);
    expect(delta('galla_sync_batches_total', { direction: 'push', outcome: 'ok' })).toBe(2);
    expect(delta('galla_sync_ops_total', { status: 'applied' })).toBe(2);
    expect(delta('galla_sync_ops_total', { status: 'duplicate' })).toBe(1);
    // Two shops of two counters each: one has synced, three never have.
    const total = counters.length + other.counters.length;
    expect(text).toMatch(new RegExp(`^galla_counters_live\\{service="galla-server"\\} ${total}$`, 'm'));
    expect(sample(text, 'galla_counters_not_synced', { for_over: '1h' })).toBe(total - 1);
    expect(sample(text, 'galla_counters_not_synced', { for_over: '1d' })).toBe(total - 1);
    expect(text).toMatch(/^galla_counter_outbox_depth_max\{service="galla-server"\} 7$/m);
    expect(text).toMatch(/^galla_counters_printer_error\{service="galla-server"\} 1$/m);
    expect(sample(text, 'galla_counters_by_version', { version: '1.4.2' })).toBe(1);
    expect(text).toMatch(/^galla_app_info\{version="\d+\.\d+\.\d+",service="galla-server"\} 1$/m);
    expect(text).toMatch(/^galla_backup_age_seconds\{service="galla-server"\} \+Inf$/m);
    expect(text).toMatch(/^galla_disk_free_bytes\{/m);
    // No tenant in any series: no shop id, no counter id, no counter code as a label.
    for (const tenant of [
      shopId,
      other.shopId,
      ...[...counters, ...other.counters].map((counter) => counter.counterId),
    ])
      expect(text).not.toContain(tenant);
    expect(text).not.toMatch(/shop_id=|counter="/);
  });

  it("/metrics on the server's port answers no one without METRICS_TOKEN, and wants that token (in constant time) when set", async () => {
    const open = await served();
    await shopWithCounters(server, 'nosy@example.in');
    const anonymous = await fetch(`${open}/metrics`);
    expect(anonymous.status).toBe(404);
    expect(await anonymous.text()).not.toContain('galla_');
    await close?.();
    await server.close();

    const url = await served({ METRICS_TOKEN });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer scrape-me-please' } })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);
  });

  it('by default the metrics listen on a port of their own, on 127.0.0.1 only, with no token', async () => {
    server = await testServerDb({ config: testConfig({ METRICS_PORT: '0' }) });
    const listener = await startLoopbackMetrics(server.deps);
    close = () => listener!.close();
    const response = await fetch(`http://127.0.0.1:${listener!.port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('galla_counters_live');
    // Bound to the loopback address, not to every address of the machine.
    expect(listener!.address).toBe('127.0.0.1');
    expect(testConfig().operations.monitoring.metricsPort).toBe(4401);
    expect(testConfig({ METRICS_PORT: 'off' }).operations.monitoring.metricsPort).toBeNull();
  });

  it('stores the heartbeat that rides on a push or a pull, and a sync without one still works', async () => {
    server = await testServerDb();
    const { owner, counters } = await shopWithCounters(server, 'beat@example.in');
    const [c1, c2] = counters;
    await c1!.api.sync.push({ ...pushOf([invoiceOp({ number: 'C1-2026-000001' })]), appVersion: '1.4.2', heartbeat });
    await c1!.api.sync.pull({
      cursor: 0,
      heartbeat: {
        ...heartbeat,
        outboxDepth: 0,
        printer: { state: 'ok', detail: null, jobsWaiting: 0 },
        appVersion: undefined,
      },
    });
    await c2!.api.sync.push(pushOf([invoiceOp({ number: 'C2-2026-000001' })]));

    const statuses = await owner.monitoring.counters();
    expect(statuses.map((status) => status.counterCode)).toEqual(['C1', 'C2']);
    expect(statuses[0]).toMatchObject({
      outboxDepth: 0,
      printer: { state: 'ok', detail: null, jobsWaiting: 0 },
      appVersion: '1.4.2',
      lastBackupAt: new Date('2026-11-22T21:00:00.000Z'),
    });
    expect(statuses[0]!.lastSyncAt).toBeInstanceOf(Date);
    expect(statuses[1]).toMatchObject({ outboxDepth: null, printer: null, lastBackupAt: null });
    expect(statuses[1]!.lastSyncAt).toBeInstanceOf(Date);
    await expect(
      c1!.api.sync.push({
        ...pushOf([invoiceOp({ number: 'C1-2026-000002' })]),
        heartbeat: { ...heartbeat, outboxDepth: -1 },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
