// Starts the cloud server: parse config once, open (and migrate) the database, listen, and shut down gracefully on a signal.
import { pino } from 'pino';
import { ConfigError, parseConfig, type ServerConfig } from './config';
import type { Clock } from '../src-shared/clock';
import { openDatabase, type ServerDatabase } from './db/connection';
import { buildApp } from './http/app';
import { startOperations } from './monitoring/operations';
import { startLoopbackMetrics } from './monitoring/http-routes';
import { startEinvoiceWorker } from './gst/einvoice/worker';
import type { FastifyInstance } from 'fastify';

export interface RunningServer {
  app: FastifyInstance;
  database: ServerDatabase;
  url: string;
  /** The loopback-only metrics listener, when METRICS_PORT is not off. */
  metricsUrl: string | null;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, options: { clock?: Clock } = {}): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, base: { service: 'galla-server' } });
  const database = await openDatabase(config.database, (error) =>
    log.warn({ err: error }, 'an idle database connection failed; the pool replaces it'),
  );
  const deps = { db: database.db, config, clock: options.clock ?? (() => new Date()), log };
  const app = await buildApp(deps, database);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ port, database: database.kind }, 'galla server listening');
  // Metrics are not worth failing the server for: a taken port is logged and the server runs without that listener.
  const metricsListener = await startLoopbackMetrics(deps).catch((error: unknown) => {
    log.error({ err: error }, 'metrics: could not listen on 127.0.0.1; set METRICS_PORT to a free port or "off"');
    return null;
  });
  if (metricsListener) log.info({ port: metricsListener.port }, 'metrics on 127.0.0.1 only');
  const operations = startOperations(deps, database);
  const einvoiceWorker = startEinvoiceWorker(deps);
  let closing: Promise<void> | null = null;
  return {
    app,
    database,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    metricsUrl: metricsListener ? `http://127.0.0.1:${metricsListener.port}` : null,
    close: () =>
      (closing ??= operations
        .stop()
        .then(() => einvoiceWorker?.stop())
        .then(() => metricsListener?.close())
        .then(() => app.close())
        .then(() => database.close())),
  };
}

async function main(): Promise<void> {
  const server = await startServer(parseConfig(process.env));
  const stop = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // A second signal, or a request that never finishes, must not keep the process up forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
