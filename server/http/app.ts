// The HTTP face of the server: fastify with helmet, CORS, rate limit and body limit, /health, and tRPC under /trpc.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { ServerDatabase } from '../db/connection';
import { serverRouter, type ServerRouter } from '../trpc/app-router';
import { createContext } from '../trpc/context';
import { noteInternalError, type ServerDeps } from '../trpc/init';
import { replyToHttpError } from './internal-errors';
import { updateRoutes } from '../updates/http-routes';
import { registerOperations } from '../monitoring/plugin';

const DASHBOARD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/dashboard');

/** What Fastify does with a number of hops (its types take only the function form). */
const proxyHops =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

export async function buildApp(
  deps: ServerDeps,
  database: Pick<ServerDatabase, 'kind' | 'ping'>,
): Promise<FastifyInstance> {
  const { config } = deps;
  // tRPC batches put procedure names in the path, hence the longer parameter limit.
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    // Behind a reverse proxy, request.ip (and so the login limits and the rate limit) is the client's address.
    trustProxy: typeof config.trustProxy === 'number' ? proxyHops(config.trustProxy) : config.trustProxy,
    routerOptions: { maxParamLength: 5000 },
    // Per-request lines only when debugging: a shop's counters push often and the logs should show what matters.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  });
  app.setErrorHandler(replyToHttpError);
  await app.register(helmet);
  await app.register(cors, { origin: config.corsOrigins.length ? config.corsOrigins : false });
  await app.register(rateLimit, { max: config.rateLimitPerMinute, timeWindow: '1 minute' });

  app.get('/health', async (_request, reply) => {
    try {
      await database.ping();
      return { ok: true, database: database.kind, time: deps.clock().toISOString() };
    } catch (error) {
      deps.log.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).send({ ok: false, database: database.kind });
    }
  });

  await app.register(updateRoutes, { deps });
  await registerOperations(app, deps, database, Object.keys(serverRouter._def.procedures));

  // The owner dashboard (dashboard/, built by `vite build -c dashboard/vite.config.ts`) at /, when it has been built.
  if (fs.existsSync(DASHBOARD_DIR)) await app.register(fastifyStatic, { root: DASHBOARD_DIR, prefix: '/' });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: serverRouter,
      createContext: ({ req }) => createContext(deps, req.headers.authorization, req.ip),
      onError: ({ error, path }) => noteInternalError(deps.log, error, path),
    } satisfies FastifyTRPCPluginOptions<ServerRouter>['trpcOptions'],
  });
  return app;
}
