// Everything operations adds to the HTTP server, in one call from buildApp: request timing, /ready, /metrics,
// and the counters' backup upload and download routes.
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../db/connection';
import { registerCounterBackupRoutes } from '../backup/counter-store';
import type { ServerDeps } from '../trpc/init';
import { observeRequests, registerMonitoringRoutes } from './http-routes';

export async function registerOperations(
  app: FastifyInstance,
  deps: ServerDeps,
  database: Pick<ServerDatabase, 'kind' | 'ping'>,
  procedures: Iterable<string>,
): Promise<void> {
  observeRequests(app, new Set(procedures));
  registerMonitoringRoutes(app, deps, database);
  await registerCounterBackupRoutes(app, deps);
}
