// Sync speed row (target ≤ 5 s): a counter pushes 10,000 finalised invoices (and their stock movements) to the server.
// Runs the real HTTP server in-process on PGlite in a temp folder, or on DATABASE_URL (in a fresh database) when set.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { parseConfig } from '../server/config';
import { openPglite, openPostgres, type ServerDatabase } from '../server/db/connection';
import { buildApp } from '../server/http/app';
import { createCallerFactory } from '../server/trpc/init';
import { serverRouter } from '../server/trpc/app-router';
import { createContext } from '../server/trpc/context';
import { openLedger } from '../src-main/ledger/ledger';
import { setupOwner } from '../src-main/ledger/staff/service';
import { setSetting } from '../src-main/ledger/settings/service';
import { openSession } from '../src-main/ledger/cash-sessions/service';
import { createItem } from '../src-main/ledger/catalogue/service';
import { finalizeSale } from '../src-main/ledger/sales/service';
import { pendingCount } from '../src-main/ledger/outbox/service';
import { enrolCounter } from '../src-main/sync/enrol';
import { createRemote } from '../src-main/sync/remote';
import { pushAll } from '../src-main/sync/push';
import { summarise, type BenchRow } from './stats';

const INVOICES = Number(process.env.GALLA_BENCH_SYNC_INVOICES ?? 10_000);

async function benchDatabase(dir: string): Promise<{ database: ServerDatabase; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openPglite(path.join(dir, 'pglite'));
    return { database, drop: () => database.close() };
  }
  const name = `galla_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 10);
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function syncBench(log: (line: string) => void): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-bench-sync-'));
  const { database, drop } = await benchDatabase(dir);
  const deps = {
    db: database.db,
    config: parseConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000' }),
    clock: () => new Date(),
    log: pino({ level: 'silent' }),
  };
  const app = await buildApp(deps, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const ledger = openLedger({ file: path.join(dir, 'ledger.db') });
  try {
    const caller = async (token?: string) =>
      createCallerFactory(serverRouter)(await createContext(deps, token ? `Bearer ${token}` : undefined));
    const session = await (
      await caller()
    ).accounts.signUp({ shopName: 'Bench Kirana', email: 'bench@example.in', password: 'correct horse battery' });
    const { code } = await (
      await caller(session.accessToken)
    ).counters.createEnrolmentCode({ name: 'Bench', counterCode: 'C1' });
    const enrolment = await enrolCounter(ledger, { serverUrl: url, code });

    const owner = setupOwner(ledger, { name: 'Owner', pin: '1111' });
    const actor = { staffId: owner.id, role: 'owner' as const };
    setSetting(ledger, actor, 'shop', {
      name: 'Bench Kirana',
      address: '',
      phone: '',
      gstin: null,
      stateCode: '27',
      upiId: '',
      receiptFooter: '',
    });
    openSession(ledger, actor, { openingFloatPaise: 0 });
    const item = createItem(ledger, actor, {
      sku: 'RICE',
      name: 'Rice',
      unit: 'pcs',
      pricePaise: 5_900,
      priceIncludesTax: true,
      costPaise: 4_000,
      gstRateBp: 1_800,
      cessRateBp: 0,
      hsn: '1006',
      plu: null,
      barcodes: [],
      reorderLevelMilli: 0,
      category: '',
      openingStockMilli: 0,
    });
    // Filling the outbox is set-up, not the measurement: no fsync per bill here.
    ledger.sqlite.pragma('synchronous = OFF');
    for (let i = 0; i < INVOICES; i += 1) {
      finalizeSale(ledger, actor, {
        deliveryAddress: '',
        id: randomUUID(),
        partyId: null,
        heldBillId: null,
        billDiscount: null,
        lines: [{ itemId: item.id, qtyMilli: 1000, discount: null }],
        payments: [{ mode: 'cash', amountPaise: 5_900, reference: '' }],
      });
    }
    ledger.sqlite.pragma('synchronous = FULL');
    const ops = pendingCount(ledger);
    log(`sync bench: ${INVOICES} invoices (${ops} outbox ops) to push to ${database.kind}`);

    const remote = createRemote({ serverUrl: url, deviceToken: enrolment.deviceToken });
    const started = process.hrtime.bigint();
    const { rounds } = await pushAll(ledger, remote);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (pendingCount(ledger) !== 0) throw new Error('sync bench: the outbox did not empty');
    const stored = await (await caller(session.accessToken)).counters.list();
    log(
      `sync bench: ${ops} ops in ${rounds} batches, ${(ops / (ms / 1000)).toFixed(0)} ops/s; counter pushed ${stored[0]?.pushedOps ?? 0} ops`,
    );
    return [
      summarise(
        `sync push of ${INVOICES.toLocaleString('en-IN')} invoices (${database.kind})`,
        [ms],
        5_000,
        `${ops} ops in ${rounds} batches of ≤1,000, over HTTP`,
      ),
    ];
  } finally {
    ledger.close();
    await app.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await syncBench((line) => console.log(line));
  for (const row of rows)
    console.log(
      `${row.name}: ${row.p99.toFixed(0)} ms (target ≤ ${row.target} ms) ${row.target !== null && row.p99 <= row.target ? 'ok' : 'MISSED'}`,
    );
}
