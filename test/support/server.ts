// Test servers: a fresh, migrated database per test (PGlite from a migrated template, or a new database on the real
// PostgreSQL when GALLA_TEST_DB=postgres, copied from the run's migrated template database), the server's deps, callers
// by bearer token, and a real HTTP server.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { parseConfig, type ServerConfig } from '../../server/config';
import { openPglite, openPostgres, pgliteAsApp, type ServerDatabase, type ServerDb } from '../../server/db/connection';
import { buildApp } from '../../server/http/app';
import { serverRouter } from '../../server/trpc/app-router';
import { createContext } from '../../server/trpc/context';
import type { Clock } from '../../src-shared/clock';
import { createCallerFactory, type ServerDeps } from '../../server/trpc/init';
import { PGLITE_TEMPLATE_ENV, POSTGRES_TEMPLATE_ENV } from './server-template';

export const TEST_DB = process.env.GALLA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase {
  /** For a child process: the real database's URL, or null on PGlite. */
  url: string | null;
  /** Opens (again) the same database: a server restart in a test. */
  open(): Promise<ServerDatabase>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('GALLA_TEST_DB=postgres needs DATABASE_URL');
  return url;
}

/**
 * A new database on the real server, dropped (forcibly) by drop(): empty, or a copy of a migrated template database
 * (made once per vitest run by test/support/server-template.ts).
 */
async function postgresDatabase(template?: string): Promise<TestDatabase> {
  const name = `galla_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    open: () => openPostgres(url.toString(), 8),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * PGlite in a temp folder, so it survives close and reopen like a real server's data. Its first open starts from the
 * migrated template's data folder (when the run has one); every open, the first too, runs the server's migrations as
 * the server does on start (then finding nothing to do).
 */
async function pgliteDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-pglite-'));
  let loaded = false;
  const open = async () => {
    if (!loaded && process.env[PGLITE_TEMPLATE_ENV]) {
      await (await PGlite.create(dir, { loadDataDir: await pgliteTemplate() })).close();
    }
    loaded = true;
    return openPglite(dir);
  };
  return { url: null, open, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A database for a test that opens it itself (and may reopen it): empty on PostgreSQL, so its open() migrates it. */
export function freshTestDatabase(): Promise<TestDatabase> {
  return TEST_DB === 'postgres' ? postgresDatabase() : pgliteDatabase();
}

let template: Promise<Blob> | null = null;

/**
 * The migrated PGlite data folder: the one test/support/server-template.ts wrote once for the whole run, or (outside a
 * vitest server project, e.g. a script run by tsx) one migrated here once per process.
 */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = process.env[PGLITE_TEMPLATE_ENV];
    if (file) return new Blob([new Uint8Array(fs.readFileSync(file))]);
    const first = await openPglite(null);
    const client = (first.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await first.close();
    return dump;
  })();
  return template;
}

/** PGlite takes seconds to start and migrate; tests that need no restart clone the migrated template. */
async function pgliteFromTemplate(): Promise<ServerDatabase> {
  return pgliteAsApp(new PGlite({ loadDataDir: await pgliteTemplate() }));
}

/**
 * For a test's own checks across shops: one transaction as the session's user (the owner of the tables, a superuser
 * here), which sees every row. The server itself never does this; its connection runs as galla_app.
 */
export function asOwner<T>(database: Pick<ServerDatabase, 'db'>, fn: (db: ServerDb) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL ROLE NONE`);
    return fn(tx as unknown as ServerDb);
  });
}

export function testConfig(overrides: Record<string, string> = {}): ServerConfig {
  // Counter backups uploaded in tests go to a temp folder of this test process, not into the working tree.
  return parseConfig({
    LOG_LEVEL: 'silent',
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '100000',
    GALLA_BACKUP_DIR: path.join(os.tmpdir(), `galla-test-backups-${process.pid}`),
    ...overrides,
  });
}

const createCaller = createCallerFactory(serverRouter);
export type ServerCaller = ReturnType<typeof createCaller>;

export interface TestServerDb {
  database: ServerDatabase;
  deps: ServerDeps;
  /** A tRPC caller as whoever holds this bearer token (or nobody), calling from clientAddress when given. */
  as(token: string | null, clientAddress?: string): Promise<ServerCaller>;
  close(): Promise<void>;
}

export async function testServerDb(options: { clock?: Clock; config?: ServerConfig } = {}): Promise<TestServerDb> {
  let database: ServerDatabase;
  let cleanup: () => Promise<void>;
  if (TEST_DB === 'pglite') {
    database = await pgliteFromTemplate();
    cleanup = () => database.close();
  } else {
    const fresh = await postgresDatabase(process.env[POSTGRES_TEMPLATE_ENV]);
    database = await fresh.open();
    cleanup = async () => {
      await database.close();
      await fresh.drop();
    };
  }
  let closed: Promise<void> | null = null;
  const deps: ServerDeps = {
    db: database.db,
    config: options.config ?? testConfig(),
    clock: options.clock ?? (() => new Date()),
    log: pino({ level: 'silent' }),
  };
  return {
    database,
    deps,
    as: async (token, clientAddress) =>
      createCaller(await createContext(deps, token ? `Bearer ${token}` : undefined, clientAddress ?? null)),
    close: () => (closed ??= cleanup()),
  };
}

/** The server over real HTTP on 127.0.0.1 and a free port, on the given database. */
export async function listen(
  deps: ServerDeps,
  database: ServerDatabase,
  port = 0,
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(deps, database);
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}` };
}
