// Monitoring over HTTP: /ready (database reachable, every migration applied), Prometheus /metrics, and the hooks that
// time every tRPC call per procedure. /health (liveness) stays where it is, in server/http/app.ts.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER, type ServerDatabase } from '../db/connection';
import { allShopIds, inShop } from '../db/tenant';
import { listServerDumps } from '../backup/dump';
import { bearerToken } from '../trpc/context';
import type { ServerDeps } from '../trpc/init';
import { ALERT_KINDS, alerts } from './schema';
import * as metrics from './metrics';
import { allCounterStatuses, type CounterStatus } from './status';

/** Procedure names come from the router, so a client cannot invent label values (and blow up the series count). */
function procedureLabels(request: FastifyRequest, known: ReadonlySet<string>): string[] {
  const pathPart = request.url.slice('/trpc/'.length).split('?')[0] ?? '';
  return decodeURIComponent(pathPart)
    .split(',')
    .map((name) => (known.has(name) ? name : 'unknown'));
}

export function observeRequests(app: FastifyInstance, knownProcedures: ReadonlySet<string>): void {
  app.addHook('onResponse', async (request, reply) => {
    const seconds = reply.elapsedTime / 1000;
    const status = String(reply.statusCode);
    const errorClass = reply.statusCode >= 500 ? 'server' : reply.statusCode >= 400 ? 'client' : null;
    if (!request.url.startsWith('/trpc/')) {
      if (errorClass) metrics.httpErrors.inc({ procedure: request.routeOptions.url ?? 'unknown', class: errorClass });
      return;
    }
    const type = request.method === 'GET' ? 'query' : 'mutation';
    for (const procedure of procedureLabels(request, knownProcedures)) {
      metrics.procedureSeconds.observe({ procedure, type, status }, seconds);
      if (errorClass) metrics.httpErrors.inc({ procedure, class: errorClass });
    }
  });
}

const EXPECTED_MIGRATIONS = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;

async function appliedMigrations(deps: ServerDeps): Promise<number> {
  const result = (await deps.db.execute(
    sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]!.n);
}

/** A folder not made yet (no backup taken) lives on the disk of its nearest existing parent. */
function existingAncestor(dir: string): string {
  let current = path.resolve(dir);
  while (!fs.existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/** Silence thresholds of the alert rules in monitoring/galla-alerts.yml. */
const NOT_SYNCED_FOR = [
  ['1h', 3_600],
  ['1d', 86_400],
] as const;

/** A version a counter reports is its own text: only a plain version number becomes a label value. */
const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9A-Za-z.]{1,20})?$/;

function refreshCounterGauges(now: number, statuses: CounterStatus[]): void {
  const live = statuses; // allCounterStatuses lists live counters only
  metrics.countersLive.set(live.length);
  for (const [label, seconds] of NOT_SYNCED_FOR)
    metrics.countersNotSynced.set(
      { for_over: label },
      live.filter((counter) => !counter.lastSyncAt || now - counter.lastSyncAt.getTime() > seconds * 1000).length,
    );
  const depths = live.map((counter) => counter.outboxDepth ?? 0);
  metrics.counterOutboxDepthMax.set(Math.max(0, ...depths));
  metrics.counterOutboxOps.set(depths.reduce((sum, depth) => sum + depth, 0));
  metrics.countersPrinterError.set(live.filter((counter) => counter.printer?.state === 'error').length);
  metrics.counterVersions.reset();
  const versions = new Map<string, number>();
  for (const counter of live) {
    const version = counter.appVersion && VERSION.test(counter.appVersion) ? counter.appVersion : 'other';
    versions.set(version, (versions.get(version) ?? 0) + 1);
  }
  for (const [version, count] of versions) metrics.counterVersions.set({ version }, count);
}

async function refreshGauges(deps: ServerDeps): Promise<void> {
  const now = deps.clock().getTime();
  const newest = listServerDumps(deps.config.operations.backup.dir)[0];
  metrics.backupLastSuccess.set(newest ? newest.createdAt.getTime() / 1000 : 0);
  metrics.backupAge.set(newest ? (now - newest.createdAt.getTime()) / 1000 : Infinity);
  refreshCounterGauges(now, await allCounterStatuses(deps));
  const open = new Map<string, number>();
  for (const shopId of await allShopIds(deps.db)) {
    const counted = (await inShop(deps.db, shopId, (tx) =>
      tx.execute(sql`SELECT kind, count(*)::int AS n FROM ${alerts} WHERE state <> 'resolved' GROUP BY kind`),
    )) as unknown as { rows: { kind: string; n: number }[] };
    for (const row of counted.rows) open.set(row.kind, (open.get(row.kind) ?? 0) + Number(row.n));
  }
  for (const kind of ALERT_KINDS) metrics.openAlerts.set({ kind }, open.get(kind) ?? 0);
  for (const [label, dir] of [
    ['backups', deps.config.operations.backup.dir],
    ['data', deps.config.database.kind === 'pglite' ? deps.config.database.dataDir : null],
  ] as const) {
    if (!dir) continue;
    const stats = fs.statfsSync(existingAncestor(dir));
    metrics.diskFree.set({ path: label }, stats.bavail * stats.bsize);
    metrics.diskSize.set({ path: label }, stats.blocks * stats.bsize);
  }
}

export function registerMonitoringRoutes(
  app: FastifyInstance,
  deps: ServerDeps,
  database: Pick<ServerDatabase, 'kind' | 'ping'>,
): void {
  app.get('/ready', async (_request, reply) => {
    try {
      await database.ping();
      const applied = await appliedMigrations(deps);
      if (applied < EXPECTED_MIGRATIONS)
        return reply
          .code(503)
          .send({ ready: false, reason: `migrations: ${applied} of ${EXPECTED_MIGRATIONS} applied` });
      return { ready: true, database: database.kind, migrations: applied, version: metrics.APP_VERSION };
    } catch (error) {
      deps.log.error({ err: error }, 'readiness check failed');
      return reply.code(503).send({ ready: false, reason: 'database unreachable' });
    }
  });

  app.get('/metrics', async (request, reply) => {
    const token = deps.config.operations.monitoring.metricsToken;
    if (!token)
      return reply.code(404).send({
        message: `Metrics are served on 127.0.0.1:${deps.config.operations.monitoring.metricsPort ?? '(off)'}; set METRICS_TOKEN to scrape them here.`,
      });
    if (!sameSecret(bearerToken(request.headers.authorization), token))
      return reply.code(401).send({ message: 'Send the metrics token as a bearer token.' });
    return sendMetrics(deps, reply);
  });
}

/** Constant time, whatever the lengths: both sides are hashed to 32 bytes first. */
function sameSecret(presented: string | null, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return presented !== null && timingSafeEqual(digest(presented), digest(expected));
}

export async function sendMetrics(deps: ServerDeps, reply: FastifyReply): Promise<FastifyReply> {
  try {
    await refreshGauges(deps);
  } catch (error) {
    // The request and sync figures are still worth scraping when the database is down.
    deps.log.warn({ err: error }, 'metrics: could not refresh the database gauges');
  }
  return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
}

/**
 * The metrics on their own listener, bound to the loopback address only: a Prometheus (or an agent) on the same host
 * scrapes it with no token, and nothing outside the machine can reach it. Null when METRICS_PORT is off.
 */
export async function startLoopbackMetrics(
  deps: ServerDeps,
): Promise<{ address: string; port: number; close(): Promise<void> } | null> {
  const port = deps.config.operations.monitoring.metricsPort;
  if (port === null) return null;
  const app = Fastify({ loggerInstance: deps.log as FastifyBaseLogger });
  app.get('/metrics', (_request, reply) => sendMetrics(deps, reply));
  await app.listen({ port, host: '127.0.0.1' });
  // listen() on a TCP port always leaves an AddressInfo (a string only for a pipe or socket file).
  const { address: host, port: bound } = app.server.address() as AddressInfo;
  return { address: host, port: bound, close: () => app.close() };
}
