// Opens the server's database: PGlite in a data folder when no DATABASE_URL is set, else a pooled real PostgreSQL.
// Migrations run as the owning role; the application then runs as galla_app, which owns no table, so row-level
// security binds every query it makes (server/README.md, "Database roles").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { ServerConfig } from '../config';
import * as schema from './schema';
import { APP_ROLE } from './tenant';

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface ServerDatabase {
  readonly kind: 'pglite' | 'postgres';
  readonly db: ServerDb;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** PGlite is one embedded connection: drizzle serialises its transactions, which is all a small shop needs. */
export async function openPglite(dataDir: string | null): Promise<ServerDatabase> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  return pgliteAsApp(client);
}

/**
 * A migrated PGlite, from here on as galla_app. PGlite has one user (the superuser that owns the tables) and one
 * connection, so SET ROLE is the only way to drop to the application role; the session keeps it.
 */
export async function pgliteAsApp(client: PGlite): Promise<ServerDatabase> {
  await client.exec(`SET ROLE ${APP_ROLE}`);
  const db = drizzlePglite(client, { schema });
  return {
    kind: 'pglite',
    db: db as unknown as ServerDb,
    ping: async () => void (await db.execute(sql`SELECT 1`)),
    close: () => client.close(),
  };
}

/** Idle pooled connections can die (PostgreSQL restarted, database dropped); the pool replaces them, we only log. */
export type OnIdleError = (error: Error) => void;

/** Migrates with one connection as the owning role (DATABASE_URL), closed before the application's pool opens. */
async function migrateAsOwner(ownerUrl: string): Promise<void> {
  const owner = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await owner.connect();
  try {
    await migratePostgres(drizzlePostgres(owner, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await owner.end();
  }
}

/**
 * The application's pool: each connection starts as galla_app (the startup option `-c role=…`, so a connection that
 * cannot take the role fails instead of running as the owner). With only the owner's URL that is what binds the app;
 * with an appUrl for a login role that is merely a member of galla_app, even SET ROLE NONE gains nothing
 * (server/README.md, "Database roles").
 */
export async function openPostgres(
  url: string,
  poolMax: number,
  onIdleError: OnIdleError = () => {},
  appUrl: string | null = null,
): Promise<ServerDatabase> {
  await migrateAsOwner(url);
  const pool = new pg.Pool({
    connectionString: appUrl ?? url,
    max: poolMax,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    options: `-c role=${APP_ROLE}`,
  });
  pool.on('error', onIdleError);
  const db = drizzlePostgres(pool, { schema });
  return {
    kind: 'postgres',
    db: db as unknown as ServerDb,
    ping: async () => void (await pool.query('SELECT 1')),
    close: () => pool.end(),
  };
}

export function openDatabase(database: ServerConfig['database'], onIdleError?: OnIdleError): Promise<ServerDatabase> {
  return database.kind === 'postgres'
    ? openPostgres(database.url, database.poolMax, onIdleError, database.appUrl)
    : openPglite(database.dataDir);
}
