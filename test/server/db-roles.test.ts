// The server's database roles on a real PostgreSQL: the pool runs as galla_app, and with DATABASE_APP_URL (a login that
// is only a member of galla_app) even SET ROLE NONE or SET ROLE postgres cannot reach the owner's view of the shops.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres, type ServerDatabase } from '../../server/db/connection';
import { asOwner, freshTestDatabase, TEST_DB, type TestDatabase } from '../support/server';

const opened: ServerDatabase[] = [];
let fresh: TestDatabase | null = null;
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
  await fresh?.drop();
  fresh = null;
});

async function one<T>(query: Promise<unknown>): Promise<T> {
  return ((await query) as { rows: T[] }).rows[0]!;
}

/** A login role that owns nothing and may only become galla_app (roles are the cluster's, so made once). */
async function appLogin(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DO $$ BEGIN CREATE ROLE galla_web LOGIN IN ROLE galla_app;
    EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
  await admin.end();
  const appUrl = new URL(url);
  appUrl.username = 'galla_web';
  return appUrl.toString();
}

const ON_PGLITE =
  'PostgreSQL only: PGlite is a single-user database with no login roles, so galla_app and DATABASE_APP_URL cannot be tested on it (server:postgres runs this)';

describe('database roles on PostgreSQL', () => {
  it('one connection string: the pool starts as galla_app, which sees no shop outside inShop', async ({ skip }) => {
    skip(TEST_DB !== 'postgres', ON_PGLITE);
    fresh = await freshTestDatabase();
    const database = await openPostgres(fresh.url!, 2);
    opened.push(database);
    await asOwner(database, (db) => db.execute(sql`INSERT INTO shops (id, name) VALUES (gen_random_uuid(), 'Asha')`));
    expect(await one(database.db.execute(sql`SELECT current_user AS who`))).toEqual({ who: 'galla_app' });
    expect(await one(database.db.execute(sql`SELECT count(*)::int AS n FROM shops`))).toEqual({ n: 0 });
  });

  it('DATABASE_APP_URL: migrations as the owner, the app as a login that even SET ROLE NONE leaves without the shops', async ({
    skip,
  }) => {
    skip(TEST_DB !== 'postgres', ON_PGLITE);
    fresh = await freshTestDatabase();
    const appUrl = await appLogin(fresh.url!);
    const database = await openPostgres(fresh.url!, 2, () => {}, appUrl);
    opened.push(database);
    const owner = new pg.Client({ connectionString: fresh.url! });
    await owner.connect();
    await owner.query(`INSERT INTO shops (id, name) VALUES (gen_random_uuid(), 'Asha')`);
    await owner.end();
    expect(await one(database.db.execute(sql`SELECT current_user AS who, session_user AS login`))).toEqual({
      who: 'galla_app',
      login: 'galla_web',
    });
    const afterReset = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET ROLE NONE`);
      return one<{ who: string; n: number }>(
        tx.execute(sql`SELECT current_user AS who, (SELECT count(*)::int FROM shops) AS n`),
      );
    });
    expect(afterReset).toEqual({ who: 'galla_web', n: 0 });
    await expect(database.db.execute(sql`SET ROLE postgres`)).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/permission denied/) }),
    });
  });
});
