// npm run bench:server: the cloud server on the real PostgreSQL (DATABASE_URL). A load test with autocannon (bounded in
// requests and time, 127.0.0.1 only) of 100 counters of one shop pushing fresh bills at once, then checked for bills
// lost or doubled; then the sync-push and owner-report rows. One table, also written to bench/server-results.json.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { z } from 'zod';
import { formatDocumentNumber } from '../src-shared/invoice-number';
import { parseConfig } from '../server/config';
import { openPostgres, type ServerDatabase } from '../server/db/connection';
import { buildApp } from '../server/http/app';
import { serverRouter } from '../server/trpc/app-router';
import { createContext } from '../server/trpc/context';
import { createCallerFactory, type ServerDeps } from '../server/trpc/init';
import { invoiceOp, itemOp, pushOf, stockOp } from '../test/support/sync-ops';
import { reportsBench } from './reports';
import { printTable } from './run';
import { summarise, type BenchRow } from './stats';
import { syncBench } from './sync';

const options = z
  .object({
    DATABASE_URL: z.url({
      protocol: /^postgres(ql)?$/,
      message:
        'bench:server needs DATABASE_URL set to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres',
    }),
    GALLA_BENCH_LOAD_COUNTERS: z.coerce.number().int().min(1).max(500).default(100),
    GALLA_BENCH_LOAD_REQUESTS: z.coerce.number().int().min(1).default(5_000),
    GALLA_BENCH_LOAD_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    GALLA_BENCH_BILLS_PER_PUSH: z.coerce.number().int().min(1).max(500).default(5),
  })
  .parse(process.env);

const OTHER_SHOPS = 3;
const ITEMS = 20;

const createCaller = createCallerFactory(serverRouter);
type Caller = ReturnType<typeof createCaller>;
interface Counter {
  code: string;
  token: string;
}

async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `galla_bench_server_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A shop signed up through the procedures, with its counters enrolled and their device tokens. */
async function shopWithCounters(
  as: (token?: string) => Promise<Caller>,
  email: string,
  count: number,
): Promise<{ shopId: string; counters: Counter[] }> {
  const session = await (
    await as()
  ).accounts.signUp({ shopName: `Shop of ${email}`, email, password: 'correct horse battery' });
  const owner = await as(session.accessToken);
  const counters: Counter[] = [];
  for (let i = 1; i <= count; i += 1) {
    const { code } = await owner.counters.createEnrolmentCode({ name: `Counter ${i}`, counterCode: `C${i}` });
    const enrolled = await (await as()).counters.enrol({ code, counterCode: `C${i}` });
    counters.push({ code: `C${i}`, token: enrolled.deviceToken });
  }
  return { shopId: session.user.shopId, counters };
}

/** One push as a counter sends it: each bill is its invoice and the stock movement it made. */
function billBatch(counter: Counter, firstSeq: number, itemIds: string[]) {
  const invoiceIds: string[] = [];
  const ops = [];
  for (let i = 0; i < options.GALLA_BENCH_BILLS_PER_PUSH; i += 1) {
    const itemId = itemIds[(firstSeq + i) % itemIds.length]!;
    const invoice = invoiceOp({ number: formatDocumentNumber(counter.code, 2026, firstSeq + i), itemId });
    invoiceIds.push(invoice.entityId);
    ops.push(invoice, stockOp(itemId, -1000));
  }
  return { invoiceIds, input: pushOf(ops) };
}

const rowsOf = async <T>(database: ServerDatabase, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

async function loadBench(log: (line: string) => void): Promise<{ row: BenchRow; load: Record<string, unknown> }> {
  const { url: databaseUrl, drop } = await freshDatabase(options.DATABASE_URL);
  const database = await openPostgres(databaseUrl, 20);
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000000',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '20',
  });
  const deps: ServerDeps = { db: database.db, config, clock: () => new Date(), log: pino({ level: 'silent' }) };
  const app = await buildApp(deps, database);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const as = async (token?: string) => createCaller(await createContext(deps, token ? `Bearer ${token}` : undefined));

    const shop = await shopWithCounters(as, 'load@example.in', options.GALLA_BENCH_LOAD_COUNTERS);
    const items = Array.from({ length: ITEMS }, (_, i) => itemOp({ name: `Item ${i + 1}` }));
    await (await as(shop.counters[0]!.token)).sync.push(pushOf(items));
    const itemIds = items.map((item) => item.entityId);
    // Other shops with their own bills: the load runs on a shared database, and must leave theirs alone.
    for (let s = 1; s <= OTHER_SHOPS; s += 1) {
      const other = await shopWithCounters(as, `neighbour${s}@example.in`, 2);
      for (const counter of other.counters)
        await (await as(counter.token)).sync.push(billBatch(counter, 1, itemIds).input);
    }
    const othersQuery = sql`SELECT shop_id, count(*)::int AS n, md5(string_agg(id::text, ',' ORDER BY id)) AS ids FROM invoices WHERE shop_id <> ${shop.shopId} GROUP BY shop_id ORDER BY shop_id`;
    const othersBefore = JSON.stringify(await rowsOf(database, othersQuery));
    log(
      `server bench: ${shop.counters.length} counters enrolled in one shop (+${OTHER_SHOPS} other shops); pushing ${options.GALLA_BENCH_BILLS_PER_PUSH} bills a push over ${shop.counters.length} connections`,
    );

    const sent = new Set<string>();
    const acknowledged: string[] = [];
    const latencies: number[] = [];
    let refused = 0;
    let connection = 0;
    const instance = autocannon(
      {
        url,
        connections: shop.counters.length,
        amount: Math.max(options.GALLA_BENCH_LOAD_REQUESTS, shop.counters.length),
        timeout: 20,
        method: 'POST',
        // Each connection is one counter: its own device token, its own series of bill numbers, fresh op and document ids.
        setupClient: (client) => {
          const counter = shop.counters[connection++ % shop.counters.length]!;
          let seq = 0;
          client.setRequests([
            {
              method: 'POST',
              path: '/trpc/sync.push',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${counter.token}` },
              setupRequest: (request, context) => {
                const batch = billBatch(counter, seq + 1, itemIds);
                seq += options.GALLA_BENCH_BILLS_PER_PUSH;
                for (const id of batch.invoiceIds) sent.add(id);
                Object.assign(context, { invoiceIds: batch.invoiceIds });
                return { ...request, body: JSON.stringify(batch.input) };
              },
              onResponse: (status, body, context) => {
                const statuses =
                  status === 200
                    ? (
                        JSON.parse(body) as { result: { data: { results: { status: string }[] } } }
                      ).result.data.results.map((result) => result.status)
                    : [];
                if (statuses.length > 0 && statuses.every((s) => s === 'applied'))
                  acknowledged.push(...(context as { invoiceIds: string[] }).invoiceIds);
                else refused += 1;
              },
            },
          ]);
        },
      },
      () => {},
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    const cap = setTimeout(() => instance.stop(), options.GALLA_BENCH_LOAD_SECONDS * 1000);
    const result = await new Promise<autocannon.Result>((resolve) => instance.on('done', resolve));
    clearTimeout(cap);
    // Pushes in flight when the time cap stopped autocannon still commit (or roll back) on the server: wait for them before counting.
    await app.close();
    for (let tries = 0; tries < 100; tries += 1) {
      const [busy] = await rowsOf<{ n: number }>(
        database,
        sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
      );
      if (busy!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const stored = await rowsOf<{ id: string }>(database, sql`SELECT id FROM invoices WHERE shop_id = ${shop.shopId}`);
    const storedIds = new Set(stored.map((row) => row.id));
    const [counts] = await rowsOf<{ invoices: number; numbers: number; movements: number; summarised: number }>(
      database,
      sql`SELECT (SELECT count(*)::int FROM invoices WHERE shop_id = ${shop.shopId}) AS invoices, (SELECT count(DISTINCT number)::int FROM invoices WHERE shop_id = ${shop.shopId}) AS numbers,
        (SELECT count(*)::int FROM stock_movements WHERE shop_id = ${shop.shopId}) AS movements, (SELECT COALESCE(SUM(invoices), 0)::int FROM report_sales_hourly WHERE shop_id = ${shop.shopId}) AS summarised`,
    );
    const missing = acknowledged.filter((id) => !storedIds.has(id)).length;
    const strays = [...storedIds].filter((id) => !sent.has(id)).length;
    const unacknowledgedLanded = storedIds.size - new Set(acknowledged).size;
    const othersUnchanged = JSON.stringify(await rowsOf(database, othersQuery)) === othersBefore;
    const exact =
      missing === 0 &&
      strays === 0 &&
      counts!.invoices === storedIds.size &&
      counts!.numbers === counts!.invoices &&
      counts!.movements === counts!.invoices &&
      counts!.summarised === counts!.invoices &&
      othersUnchanged;
    log(
      `server bench: ${result.requests.total} pushes in ${result.duration.toFixed(1)} s: ${result.requests.average.toFixed(0)} requests/s (${(result.requests.average * options.GALLA_BENCH_BILLS_PER_PUSH).toFixed(0)} bills/s); latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms; non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    log(
      `server bench: ${acknowledged.length} bills acknowledged, ${counts!.invoices} stored (${unacknowledgedLanded} of them in flight at the time cap), ${missing} missing, ${strays} unknown, ${counts!.invoices - counts!.numbers} doubled numbers; stock movements ${counts!.movements}, summaries count ${counts!.summarised}; other shops ${othersUnchanged ? 'untouched' : 'CHANGED'}: ${exact ? 'exact' : 'NOT EXACT'}`,
    );
    if (!exact) throw new Error('server bench: the server does not hold exactly the bills that were pushed');
    const load = {
      counters: shop.counters.length,
      billsPerPush: options.GALLA_BENCH_BILLS_PER_PUSH,
      requests: result.requests.total,
      seconds: result.duration,
      requestsPerSecond: result.requests.average,
      latencyMs: {
        p50: result.latency.p50,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      refused,
      billsAcknowledged: acknowledged.length,
      billsStored: counts!.invoices,
      missing,
      doubled: counts!.invoices - counts!.numbers,
    };
    const note = `${load.requestsPerSecond.toFixed(0)} req/s, p97.5 ${load.latencyMs.p97_5} ms, non-2xx ${load.non2xx}; ${load.billsStored} bills stored exactly once`;
    return {
      row: summarise(
        `sync push under load: ${load.counters} counters of one shop at once, ${load.billsPerPush} bills a push (postgres)`,
        latencies,
        null,
        note,
      ),
      load,
    };
  } finally {
    await app.close();
    await database.close();
    await drop();
  }
}

async function main(): Promise<void> {
  const log = (text: string) => console.log(text);
  const { row, load } = await loadBench(log);
  const rows = [row, ...(await syncBench(log)), ...(await reportsBench(log))];
  printTable(rows);
  const out = path.join(import.meta.dirname, 'server-results.json');
  fs.writeFileSync(
    out,
    JSON.stringify(
      { load, rows: rows.map(({ name, unit, p50, p95, p99, target }) => ({ name, unit, p50, p95, p99, target })) },
      null,
      2,
    ) + '\n',
  );
  console.log(`written ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
