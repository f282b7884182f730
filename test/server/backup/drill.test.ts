// The server's backup drill: sync a shop's sales in, dump the database, destroy it, restore into a fresh one with
// `npm run server:restore`, and find every row count and report total as it was (on PGlite, and on PostgreSQL).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type ServerDatabase } from '../../../server/db/connection';
import { dumpServer, dumpSource, listServerDumps, pruneServerDumps, restoreServer } from '../../../server/backup/dump';
import { serverRouter } from '../../../server/trpc/app-router';
import { createContext } from '../../../server/trpc/context';
import { createCallerFactory, type ServerDeps } from '../../../server/trpc/init';
import { asOwner, freshTestDatabase, TEST_DB, testConfig, type TestServerDb } from '../../support/server';
import { shopWithCounters } from '../../support/server-shop';
import { invoiceOp, itemOp, khataOp, partyOp, pushOf, stockOp } from '../../support/sync-ops';

const TSX_CLI = path.resolve('node_modules/tsx/dist/cli.mjs');

const execFileAsync = promisify(execFile);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const createCaller = createCallerFactory(serverRouter);

function serverOn(database: ServerDatabase): Pick<TestServerDb, 'as'> {
  const deps: ServerDeps = {
    db: database.db,
    config: testConfig(),
    clock: () => new Date(),
    log: pino({ level: 'silent' }),
  };
  return { as: async (token) => createCaller(await createContext(deps, token ? `Bearer ${token}` : undefined)) };
}

async function rows<T>(database: ServerDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await asOwner(database, (db) => db.execute(query))) as unknown as { rows: T[] }).rows;
}

/** Every table's row count, and the figures the owner's reports are made of. */
async function figures(database: ServerDatabase) {
  const tables = await rows<{ name: string }>(
    database,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname IN ('public', 'drizzle') ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number(
      (
        await rows<{ n: string }>(
          database,
          sql.raw(`SELECT count(*) AS n FROM ${name === '__drizzle_migrations' ? 'drizzle.' : ''}"${name}"`),
        )
      )[0]!.n,
    );
  const salesByDay = await rows(
    database,
    sql`SELECT business_date::text AS day, count(*)::int AS bills, sum(total_paise)::bigint::text AS total, sum(khata_paise)::bigint::text AS khata FROM invoices GROUP BY 1 ORDER BY 1`,
  );
  const byMode = await rows(
    database,
    sql`SELECT mode, sum(amount_paise)::bigint::text AS paise FROM payments GROUP BY 1 ORDER BY 1`,
  );
  const khata = await rows(
    database,
    sql`SELECT party_id, sum(amount_paise)::bigint::text AS balance FROM khata_entries GROUP BY 1 ORDER BY 1`,
  );
  const stock = await rows(
    database,
    sql`SELECT item_id, sum(qty_milli)::bigint::text AS qty FROM stock_movements GROUP BY 1 ORDER BY 1`,
  );
  return { counts, salesByDay, byMode, khata, stock };
}

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Where a restore goes: a new folder on PGlite, a new database (dropped afterwards) on PostgreSQL. */
function freshTarget(): { args: string[]; open(): Promise<ServerDatabase>; url: string | null } {
  if (TEST_DB === 'pglite') {
    const dataDir = path.join(tempDir('galla-restored-'), 'pglite');
    return { args: ['--into-dir', dataDir], open: () => openPglite(dataDir), url: null };
  }
  const url = new URL(process.env.DATABASE_URL!);
  const name = `galla_restored_${randomBytes(6).toString('hex')}`;
  url.pathname = `/${name}`;
  cleanups.push(async () => {
    // As the owner, not through the server's pool (which runs as galla_app, and may drop nothing).
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL! });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return { args: ['--into-url', url.toString()], open: () => openPostgres(url.toString(), 4), url: url.toString() };
}

async function seededShop() {
  const testDb = await freshTestDatabase();
  const database = await testDb.open();
  const { counters, shopId } = await shopWithCounters(
    serverOn(database) as TestServerDb,
    `drill-${randomBytes(4).toString('hex')}@example.in`,
  );
  const item = itemOp({ name: 'Basmati 1kg', pricePaise: 5900 });
  const party = partyOp({ name: 'Ramesh' });
  const sales = Array.from({ length: 40 }, (_, i) =>
    invoiceOp({
      number: `C1-2026-${String(i + 1).padStart(6, '0')}`,
      totalPaise: 5900 + i * 137,
      itemId: item.entityId,
    }),
  );
  await counters[0]!.api.sync.push(
    pushOf([item, party, ...sales, khataOp(party.entityId, 25_000), stockOp(item.entityId, -40_000)]),
  );
  const lastOp = invoiceOp({
    number: 'C2-2026-000001',
    totalPaise: 11_800,
    partyId: party.entityId,
    khataPaise: 11_800,
  });
  await counters[1]!.api.sync.push(pushOf([lastOp]));
  return { testDb, database, counters, shopId, lastOp };
}

describe('server backup drill', () => {
  it('backs up, is destroyed, restores into a fresh database with npm run server:restore, and nothing is lost', async () => {
    const { testDb, database, counters, lastOp } = await seededShop();
    const before = await figures(database);
    expect(before.counts.invoices).toBe(41);

    const dir = tempDir('galla-server-backups-');
    const dump = await dumpServer(dumpSource(database, testDb.url), dir, new Date());
    expect(fs.readFileSync(`${dump.file}.sha256`, 'utf8')).toBe(`${dump.sha256}  ${path.basename(dump.file)}\n`);

    await database.close();
    await testDb.drop();

    const target = freshTarget();
    // tsx's own CLI under this Node, as `npm run server:restore` runs it, without npx's resolution on top.
    const { stdout } = await execFileAsync(
      process.execPath,
      [TSX_CLI, 'server/backup/cli.ts', 'restore', '--file', dump.file, ...target.args],
      { cwd: process.cwd(), timeout: 180_000 },
    );
    expect(stdout).toMatch(/^restored /);
    const restored = await target.open();
    cleanups.push(() => restored.close());
    expect(await figures(restored)).toEqual(before);

    // The restored server still knows every op: a counter re-sending its last batch doubles nothing.
    const again = await (await serverOn(restored).as(counters[1]!.deviceToken)).sync.push(pushOf([lastOp]));
    expect(again.results[0]!.status).toBe('duplicate');
    expect((await figures(restored)).counts.invoices).toBe(41);
    // A real restore in a child process (its own PGlite start and migrations) on top of 41 pushed documents: on a
    // loaded two-core machine this takes well over the suite's default, so it gets its own bound.
  }, 300_000);

  it('refuses a dump that does not match its checksum, and a target that is not fresh', async () => {
    const { testDb, database } = await seededShop();
    cleanups.push(async () => {
      await database.close();
      await testDb.drop();
    });
    const dir = tempDir('galla-server-backups-');
    const dump = await dumpServer(dumpSource(database, testDb.url), dir, new Date());
    const bytes = fs.readFileSync(dump.file);
    const altered = path.join(dir, path.basename(dump.file).replace('galla-server-', 'galla-server-altered-'));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(altered, bytes);
    fs.copyFileSync(`${dump.file}.sha256`, `${altered}.sha256`);
    const target = freshTarget();
    const into = target.url
      ? { kind: 'postgres' as const, url: target.url }
      : { kind: 'pglite' as const, dataDir: target.args[1]! };
    await expect(restoreServer(altered, into)).rejects.toThrow(/does not match its checksum/);

    await restoreServer(dump.file, into);
    await expect(restoreServer(dump.file, into)).rejects.toThrow(/already exists|not empty/);
  });

  it('keeps the newest dump of each of the last 30 days', async () => {
    const { testDb, database } = await seededShop();
    cleanups.push(async () => {
      await database.close();
      await testDb.drop();
    });
    const dir = tempDir('galla-server-backups-');
    const first = await dumpServer(dumpSource(database, testDb.url), dir, new Date(Date.UTC(2026, 9, 1, 2)));
    // Copies of one real dump, named as if taken twice a day for 40 days.
    for (let day = 0; day < 40; day++) {
      for (const hour of [2, 14]) {
        const at = new Date(Date.UTC(2026, 9, 1 + day, hour));
        const name = `galla-server-${at
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d+Z$/, 'Z')}${path.extname(first.file) === '.gz' ? '.pglite.tar.gz' : '.pgdump'}`;
        if (path.join(dir, name) === first.file) continue;
        fs.copyFileSync(first.file, path.join(dir, name));
        fs.writeFileSync(path.join(dir, `${name}.sha256`), `${first.sha256}  ${name}\n`);
      }
    }
    const removed = pruneServerDumps(dir, 30);
    const kept = listServerDumps(dir);
    expect(kept).toHaveLength(30);
    expect(removed).toHaveLength(80 - 30);
    expect(new Set(kept.map((dump) => dump.createdAt.toISOString().slice(0, 10))).size).toBe(30);
    expect(kept[0]!.createdAt.toISOString()).toBe('2026-11-09T14:00:00.000Z');
  });
});
