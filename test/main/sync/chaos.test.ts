// Chaos: three counter processes on real SQLite files sync through a misbehaving network to one server that restarts,
// one counter is SIGKILLed mid-push; at the end all agree, and the server's totals equal the counters' ledgers to the paisa.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../../server/db/connection';
import { createCallerFactory, type ServerDeps } from '../../../server/trpc/init';
import { serverRouter } from '../../../server/trpc/app-router';
import { createContext } from '../../../server/trpc/context';
import { enrolCounter } from '../../../src-main/sync/enrol';
import { SyncEngine } from '../../../src-main/sync/engine';
import { asOwner, freshTestDatabase, listen, testConfig, TEST_DB, type TestDatabase } from '../../support/server';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import type { ItemWithBarcodes } from '../../../src-main/ledger/catalogue/service';
import type { Party } from '../../../src-main/ledger/parties/schema';
import { chaosProxy, type ChaosProxy } from './chaos/proxy';
import { chaosSeed, seeded } from './chaos/random';
import type { CounterArgs } from './chaos/counter';

const SEED = chaosSeed(process.env.CHAOS_SEED);
const OPS_PER_COUNTER = 80;
const CODES = ['C1', 'C2', 'C3'];

let database: TestDatabase | null = null;
let proxy: ChaosProxy | null = null;
const children = new Set<ChildProcess>();
const dirs: string[] = [];
// Set before the clean-up kills whatever still runs, so those kills are not taken for a counter that crashed.
let tearingDown = false;
afterAll(async () => {
  tearingDown = true;
  for (const child of children) child.kill('SIGKILL');
  await proxy?.close();
  await database?.drop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface Running {
  db: ServerDatabase;
  app: FastifyInstance;
  deps: ServerDeps;
  port: number;
}

/** On a fresh ephemeral port each time: a restart never races another process for the port it gave up. */
async function startServer(testDb: TestDatabase): Promise<Running> {
  const db = await testDb.open();
  const deps: ServerDeps = { db: db.db, config: testConfig(), clock: () => new Date(), log: pino({ level: 'silent' }) };
  const { app, url } = await listen(deps, db);
  return { db, app, deps, port: Number(new URL(url).port) };
}

async function stopServer(running: Running): Promise<void> {
  await running.app.close();
  await running.db.close();
}

async function rows<T>(running: Running, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await asOwner(running.db, (db) => db.execute(query))) as unknown as { rows: T[] }).rows;
}

// Runs in both server projects: on PGlite always, and on PostgreSQL whenever DATABASE_URL is set.
describe(`chaos on ${TEST_DB}`, () => {
  it(`three counters converge and the server's totals equal their ledgers (seed ${SEED})`, async () => {
    const random = seeded(SEED);
    database = await freshTestDatabase();
    let server = await startServer(database);

    // The shop: C1 sets up the catalogue and customers; every counter enrols and pulls them before the day starts.
    const call = async (token?: string) =>
      createCallerFactory(serverRouter)(await createContext(server.deps, token ? `Bearer ${token}` : undefined));
    const session = await (
      await call()
    ).accounts.signUp({ shopName: 'Chaos Kirana', email: 'chaos@example.in', password: 'correct horse battery' });
    const owner = await call(session.accessToken);
    const url = `http://127.0.0.1:${server.port}`;
    const counters: Shop[] = [];
    for (const code of CODES) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `galla-chaos-${code}-`));
      dirs.push(dir);
      const shop = await shopWithStaff({ dir, openShift: false });
      await shop.owner.settings.set({ key: 'counter', value: { counterId: code } });
      await shop.cashier.cashSessions.open({ openingFloatPaise: 100_000 });
      const { code: enrolment } = await owner.counters.createEnrolmentCode({ name: code, counterCode: code });
      await enrolCounter(shop.t.ledger, { serverUrl: url, code: enrolment });
      counters.push(shop);
    }
    const c1 = counters[0]!;
    const goods: ItemWithBarcodes[] = [];
    for (let i = 0; i < 5; i += 1)
      goods.push(
        await c1.manager.catalogue.create(itemInput({ pricePaise: 1_000 + i * 1_234, openingStockMilli: 500_000 })),
      );
    const people: Party[] = [];
    for (let i = 0; i < 4; i += 1)
      people.push(await c1.cashier.parties.create({ name: `Customer ${i}`, openingBalancePaise: i * 1_000 }));
    for (const shop of [c1, ...counters]) await new SyncEngine({ ledger: shop.t.ledger }).syncNow();
    for (const shop of counters) shop.t.ledger.close();

    proxy = await chaosProxy(() => server.port, random);
    const argsFor = (index: number): CounterArgs => ({
      file: counters[index]!.t.file,
      proxyUrl: proxy!.url,
      seed: SEED + index,
      ops: OPS_PER_COUNTER,
      itemIds: goods.map((item) => item.id),
      itemPrices: goods.map((item) => item.pricePaise),
      partyIds: people.map((party) => party.id),
      cashierId: counters[index]!.ids.cashier,
      managerId: counters[index]!.ids.manager,
    });

    // The day: counters work and sync through the proxy; the server restarts; one counter is killed mid-push.
    let kills = 0;
    let pushes = 0;
    let finishing = false;
    const worked = new Set<number>();
    const replies = new Map<number, (type: string) => void>();
    const spawnCounter = (index: number): ChildProcess => {
      const child = fork(path.join(import.meta.dirname, 'chaos', 'counter.ts'), [JSON.stringify(argsFor(index))], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.add(child);
      child.on('message', (message: { type: string }) => {
        if (message.type === 'worked') worked.add(index);
        if (message.type === 'pushing') pushes += 1;
        // At least one kill lands early in a push (the 6th), another at random.
        if (message.type === 'pushing' && !finishing && kills < 2 && (pushes === 6 || random() < 0.1)) {
          kills += 1;
          child.kill('SIGKILL');
        }
        replies.get(index)?.(message.type);
      });
      child.on('exit', (code, signal) => {
        children.delete(child);
        if (signal === 'SIGKILL' && !finishing) handles[index] = spawnCounter(index);
        else if (code !== 0 && !tearingDown) throw new Error(`counter ${CODES[index]} exited with ${code ?? signal}`);
      });
      return child;
    };
    const handles = CODES.map((_, index) => spawnCounter(index));

    let restarts = 0;
    const deadline = Date.now() + 45_000;
    while (worked.size < CODES.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (restarts < 3 && worked.size < CODES.length) {
        await stopServer(server);
        // The counters reach it through the proxy, which follows it to its new port.
        server = await startServer(database);
        restarts += 1;
      }
    }
    expect(worked.size).toBe(CODES.length);

    // Dusk: the network calms; every counter pushes everything, then every counter pulls everything.
    finishing = true;
    proxy.calm = true;
    const ask = (type: string, expected: string) =>
      Promise.all(
        handles.map(
          (child, index) =>
            new Promise<void>((resolve) => {
              replies.set(index, (reply) => reply === expected && resolve());
              child.send({ type });
            }),
        ),
      );
    await ask('flush', 'flushed');
    await ask('converge', 'converged');
    // Each counter exits by itself once converged: wait for that, so none is still running when the ledgers are read.
    await Promise.all(
      handles.map((child) =>
        child.exitCode !== null || child.signalCode !== null
          ? null
          : new Promise((resolve) => child.once('exit', resolve)),
      ),
    );

    const ledgers = counters.map((shop) => new Database(shop.t.file, { readonly: true }));
    try {
      const one = <T>(db: Database.Database, query: string, ...params: unknown[]) =>
        db.prepare(query).get(...params) as T;
      const all = <T>(db: Database.Database, query: string) => db.prepare(query).all() as T[];
      const serverCounters = await rows<{ id: string; counter_code: string }>(
        server,
        sql`SELECT id, counter_code FROM counters`,
      );
      const counterId = (code: string) => serverCounters.find((row) => row.counter_code === code)!.id;

      // Per counter: invoices, credit notes and receipts, by count and to the paisa; nothing left unsent.
      for (const [index, db] of ledgers.entries()) {
        const id = counterId(CODES[index]!);
        for (const [table, column] of [
          ['invoices', 'total_paise'],
          ['credit_notes', 'total_paise'],
          ['receipts', 'amount_paise'],
        ] as const) {
          const local = one<{ n: number; total: number }>(
            db,
            `SELECT count(*) AS n, COALESCE(sum(${column}), 0) AS total FROM ${table}`,
          );
          const [remote] = await rows<{ n: string; total: string }>(
            server,
            sql`SELECT count(*) AS n, COALESCE(sum(${sql.raw(column)}), 0) AS total FROM ${sql.raw(table)} WHERE counter_id = ${id}`,
          );
          expect({ table, code: CODES[index], n: Number(remote!.n), total: Number(remote!.total) }).toEqual({
            table,
            code: CODES[index],
            n: local.n,
            total: local.total,
          });
        }
        expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').n).toBe(0);
      }

      // Per party: every counter shows the server's balance, which is the sum of each counter's own khata entries.
      const ownSum = (db: Database.Database, entity: string, column: string, key: string) =>
        new Map(
          all<{ k: string; s: number }>(
            db,
            `SELECT json_extract(payload, '$.${key}') AS k, sum(json_extract(payload, '$.${column}')) AS s FROM outbox WHERE entity = '${entity}' GROUP BY k`,
          ).map((row) => [row.k, row.s]),
        );
      for (const party of people) {
        const [remote] = await rows<{ s: string }>(
          server,
          sql`SELECT COALESCE(sum(amount_paise), 0) AS s FROM khata_entries WHERE party_id = ${party.id}`,
        );
        const fromOwnLedgers = ledgers.reduce(
          (sum, db) => sum + (ownSum(db, 'khata_entry', 'amountPaise', 'partyId').get(party.id) ?? 0),
          0,
        );
        expect(fromOwnLedgers).toBe(Number(remote!.s));
        for (const db of ledgers)
          expect(one<{ b: number }>(db, 'SELECT balance_paise AS b FROM parties WHERE id = ?', party.id).b).toBe(
            Number(remote!.s),
          );
      }

      // Per item: stock everywhere equals the server's sum of movements; quantities sold equal the counters' own lines.
      for (const item of goods) {
        const [stock] = await rows<{ s: string }>(
          server,
          sql`SELECT COALESCE(sum(qty_milli), 0) AS s FROM stock_movements WHERE item_id = ${item.id}`,
        );
        const [sold] = await rows<{ s: string }>(
          server,
          sql`SELECT COALESCE(sum(qty_milli), 0) AS s FROM invoice_lines WHERE item_id = ${item.id}`,
        );
        const soldLocally = ledgers.reduce(
          (sum, db) =>
            sum +
            one<{ s: number }>(
              db,
              'SELECT COALESCE(sum(qty_milli), 0) AS s FROM invoice_lines WHERE item_id = ?',
              item.id,
            ).s,
          0,
        );
        expect(soldLocally).toBe(Number(sold!.s));
        for (const db of ledgers)
          expect(one<{ s: number }>(db, 'SELECT stock_milli AS s FROM items WHERE id = ?', item.id).s).toBe(
            Number(stock!.s),
          );
      }

      // No invoice twice: as many on the server as on all counters together, each number once.
      const [invoiceCount] = await rows<{ n: string; numbers: string }>(
        server,
        sql`SELECT count(*) AS n, count(DISTINCT number) AS numbers FROM invoices`,
      );
      const localInvoices = ledgers.reduce(
        (sum, db) => sum + one<{ n: number }>(db, 'SELECT count(*) AS n FROM invoices').n,
        0,
      );
      expect(Number(invoiceCount!.n)).toBe(localInvoices);
      expect(Number(invoiceCount!.numbers)).toBe(localInvoices);
      expect(localInvoices).toBeGreaterThan(CODES.length * OPS_PER_COUNTER * 0.3);
      console.info(
        `chaos seed ${SEED}: ${localInvoices} invoices, ${kills} counter kills, ${restarts} server restarts, proxy ${JSON.stringify(proxy.stats)}`,
      );
      expect(proxy.stats.dropped + proxy.stats.lostAck + proxy.stats.duplicated + proxy.stats.delayed).toBeGreaterThan(
        0,
      );
      expect(kills).toBeGreaterThan(0);
      expect(restarts).toBeGreaterThan(0);
    } finally {
      for (const db of ledgers) db.close();
      await stopServer(server);
    }
  }, 120_000);
});
