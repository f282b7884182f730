// vitest globalSetup of the server projects: the server's migrations run once per vitest run, not once per test file
// (PGlite) or once per test (PostgreSQL). Each test still gets a database of its own, copied from that migrated one:
// on PGlite a fresh instance loads the migrated data folder (PGlite's dumpDataDir/loadDataDir); on PostgreSQL a new
// database is made WITH TEMPLATE of it (PostgreSQL's own file-level copy). test/support/server.ts finds the template
// through the environment (forks inherit it); without one (a script run by tsx, the unit project) it migrates itself.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../server/db/connection';

/** Where the migrated PGlite data folder (an uncompressed tar from dumpDataDir) is, for test/support/server.ts. */
export const PGLITE_TEMPLATE_ENV = 'GALLA_TEST_PGLITE_TEMPLATE';
/** The migrated PostgreSQL database that each test's database is created from. */
export const POSTGRES_TEMPLATE_ENV = 'GALLA_TEST_POSTGRES_TEMPLATE';

async function pgliteTemplate(): Promise<() => void> {
  const migrated = await openPglite(null);
  const client = (migrated.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await migrated.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-pglite-template-'));
  const file = path.join(dir, 'pgdata.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return () => {
    delete process.env[PGLITE_TEMPLATE_ENV];
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

async function asAdmin(query: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(query);
  } finally {
    await admin.end();
  }
}

async function postgresTemplate(): Promise<() => Promise<void>> {
  if (!process.env.DATABASE_URL) throw new Error('the server:postgres project needs DATABASE_URL');
  const name = `galla_template_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  // Migrates as the owner and closes every connection: a database is only copied while nobody is connected to it.
  const migrated = await openPostgres(url.toString(), 1);
  await migrated.close();
  process.env[POSTGRES_TEMPLATE_ENV] = name;
  return async () => {
    delete process.env[POSTGRES_TEMPLATE_ENV];
    await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}

export default function setup(project: TestProject): Promise<() => void | Promise<void>> {
  return project.config.env.GALLA_TEST_DB === 'postgres' ? postgresTemplate() : pgliteTemplate();
}
