// Monitoring over HTTP: /ready knows about migrations, /metrics shows per-procedure latency, sync figures and each
// counter's heartbeat, and the heartbeat a counter sends with a sync lands on the owner's monitoring page.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
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

  it("/metrics shows latency histograms per procedure, sync batches and ops, and each counter's last sync and version", async () => {
    const url = await served();
    const { counters, shopId } = await shopWithCounters(server, 'metrics@example.in');
    const token = counters[0]!.deviceToken;
    const push = (ops: ReturnType<typeof invoiceOp>[]) =>
      fetch(`${url}/trpc/sync.push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...pushOf(ops), appVersion: '1.4.2', heartbeat }),
      });
    const before = await (await fetch(`${url}/metrics`)).text();
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

    const text = await (await fetch(`${url}/metrics`)).text();
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
    const age = sample(text, 'galla_counter_last_sync_age_seconds', { shop_id: shopId, counter: 'C1' });
    expect(age).not.toBeNull();
    expect(age!).toBeLessThan(60);
    expect(sample(text, 'galla_counter_last_sync_age_seconds', { shop_id: shopId, counter: 'C2' })).toBe(Infinity);
    expect(sample(text, 'galla_counter_outbox_depth', { shop_id: shopId, counter: 'C1' })).toBe(7);
    expect(sample(text, 'galla_counter_app_info', { shop_id: shopId, counter: 'C1', version: '1.4.2' })).toBe(1);
    expect(sample(text, 'galla_counter_printer_ok', { shop_id: shopId, counter: 'C1' })).toBe(0);
    expect(text).toMatch(/^galla_app_info\{version="\d+\.\d+\.\d+",service="galla-server"\} 1$/m);
    expect(text).toMatch(/^galla_backup_age_seconds\{service="galla-server"\} \+Inf$/m);
    expect(text).toMatch(/^galla_disk_free_bytes\{/m);
  });

  it('/metrics wants the bearer token when one is configured', async () => {
    const url = await served({ METRICS_TOKEN: 'scrape-me-please-0123456789' });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer scrape-me-please-0123456789' } })).status,
    ).toBe(200);
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
