// Opens the server's database: PGlite in a data folder when no DATABASE_URL is set, else a pooled real PostgreSQL; migrates it.
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
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    kind: 'pglite',
    db: db as unknown as ServerDb,
    ping: async () => void (await db.execute(sql`SELECT 1`)),
    close: () => client.close(),
  };
}

/** Idle pooled connections can die (PostgreSQL restarted, database dropped); the pool replaces them, we only log. */
export type OnIdleError = (error: Error) => void;

export async function openPostgres(
  url: string,
  poolMax: number,
  onIdleError: OnIdleError = () => {},
): Promise<ServerDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', onIdleError);
  const db = drizzlePostgres(pool, { schema });
  try {
    await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    kind: 'postgres',
    db: db as unknown as ServerDb,
    ping: async () => void (await pool.query('SELECT 1')),
    close: () => pool.end(),
  };
}

export function openDatabase(database: ServerConfig['database'], onIdleError?: OnIdleError): Promise<ServerDatabase> {
  return database.kind === 'postgres'
    ? openPostgres(database.url, database.poolMax, onIdleError)
    : openPglite(database.dataDir);
}
