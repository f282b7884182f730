// Monitoring over HTTP: /ready (database reachable, every migration applied), Prometheus /metrics, and the hooks that
// time every tRPC call per procedure. /health (liveness) stays where it is, in server/http/app.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER, type ServerDatabase } from '../db/connection';
import { allShopIds, inShop } from '../db/tenant';
import { listServerDumps } from '../backup/dump';
import { bearerToken } from '../trpc/context';
import type { ServerDeps } from '../trpc/init';
import { ALERT_KINDS, alerts } from './schema';
import * as metrics from './metrics';
import { allCounterStatuses } from './status';

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

async function refreshGauges(deps: ServerDeps): Promise<void> {
  const now = deps.clock().getTime();
  const newest = listServerDumps(deps.config.operations.backup.dir)[0];
  metrics.backupLastSuccess.set(newest ? newest.createdAt.getTime() / 1000 : 0);
  metrics.backupAge.set(newest ? (now - newest.createdAt.getTime()) / 1000 : Infinity);
  metrics.counterLastSyncAge.reset();
  metrics.counterOutboxDepth.reset();
  metrics.counterVersion.reset();
  metrics.counterPrinterOk.reset();
  for (const counter of await allCounterStatuses(deps)) {
    const labels = { shop_id: counter.shopId, counter: counter.counterCode };
    metrics.counterLastSyncAge.set(labels, counter.lastSyncAt ? (now - counter.lastSyncAt.getTime()) / 1000 : Infinity);
    if (counter.outboxDepth !== null) metrics.counterOutboxDepth.set(labels, counter.outboxDepth);
    if (counter.appVersion) metrics.counterVersion.set({ ...labels, version: counter.appVersion }, 1);
    if (counter.printer) metrics.counterPrinterOk.set(labels, counter.printer.state === 'error' ? 0 : 1);
  }
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
    if (token && bearerToken(request.headers.authorization) !== token)
      return reply.code(401).send({ message: 'Send the metrics token as a bearer token.' });
    try {
      await refreshGauges(deps);
    } catch (error) {
      // The request and sync figures are still worth scraping when the database is down.
      deps.log.warn({ err: error }, 'metrics: could not refresh the database gauges');
    }
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
