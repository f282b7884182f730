// Real counters against a real server that loses its memory or is lied to: a server restored from an older dump is
// caught and every counter converges again, and a counter whose journal was rewritten and re-hashed is refused.
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { pgliteAsApp, type ServerDatabase } from '../../../server/db/connection';
import { documentHash, GENESIS_HASH } from '../../../src-shared/hash-chain';
import { documentContent } from '../../../src-main/ledger/journal/content';
import { syncStatus } from '../../../src-main/sync/status';
import { itemInput } from '../../support/ledger';
import { asOwner, TEST_DB } from '../../support/server';
import { syncedShop, type SyncedShop } from '../../support/sync-shop';

let shop: (SyncedShop & { restartHttp(): Promise<void> }) | undefined;
afterEach(() => shop?.close());

type Counter = SyncedShop['counters'][number];
const one = (counter: Counter, query: string) => counter.t.ledger.sqlite.prepare(query).pluck().get() as number;

async function serverFigures(database: ServerDatabase) {
  const rows = (await asOwner(database, (db) =>
    db.execute(sql`SELECT
      (SELECT count(*) FROM invoices)::int AS bills,
      (SELECT coalesce(sum(total_paise), 0) FROM invoices)::bigint::text AS paise,
      (SELECT coalesce(sum(amount_paise), 0) FROM khata_entries)::bigint::text AS khata,
      (SELECT coalesce(sum(qty_milli), 0) FROM stock_movements)::bigint::text AS stock`),
  )) as unknown as { rows: { bills: number; paise: string; khata: string; stock: string }[] };
  return rows.rows[0]!;
}

function counterFigures(counter: Counter) {
  return {
    bills: one(counter, 'SELECT count(*) FROM invoices'),
    paise: one(counter, 'SELECT coalesce(sum(total_paise), 0) FROM invoices'),
  };
}

async function sell(counter: Counter, itemId: string, partyId: string, qtyMilli: number, khataPaise: number) {
  const lines = [{ itemId, qtyMilli }];
  const cash = qtyMilli * 10 - khataPaise;
  await counter.cashier.sales.finalize({
    id: randomUUID(),
    partyId,
    lines,
    payments: [
      ...(cash > 0 ? [{ mode: 'cash' as const, amountPaise: cash }] : []),
      ...(khataPaise > 0 ? [{ mode: 'khata' as const, amountPaise: khataPaise }] : []),
    ],
  });
}

const NOT_PGLITE =
  "PGlite only: the server's restore is played by reloading PGlite's own data folder (dumpDataDir), which a PostgreSQL server has no equivalent of in a test process (server:pglite runs this)";

describe('sync that is caught out', () => {
  it('a server restored from a dump taken before some pushes: both counters re-sync and converge, nothing lost or doubled', async ({
    skip,
  }) => {
    skip(TEST_DB !== 'pglite', NOT_PGLITE);
    shop = (await syncedShop()) as SyncedShop & { restartHttp(): Promise<void> };
    const [c1, c2] = shop.counters as [Counter, Counter];
    const rice = await c1.manager.catalogue.create(
      itemInput({ name: 'Rice', pricePaise: 10_000, openingStockMilli: 100_000 }),
    );
    const ramesh = await c1.cashier.parties.create({ name: 'Ramesh', phone: '9811111111', openingBalancePaise: 0 });
    await sell(c1, rice.id, ramesh.id, 2000, 5_000);
    for (const counter of [c1, c2, c1]) await counter.engine().syncNow();
    await sell(c2, rice.id, ramesh.id, 1000, 0);
    for (const counter of [c2, c1]) await counter.engine().syncNow();

    // The dump: the server's own PGlite data folder, as server/backup takes it.
    const client = (shop.server.database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');

    // After the dump: sales and khata on both counters, all acknowledged by the server and pulled by the other.
    await sell(c1, rice.id, ramesh.id, 3000, 12_345);
    await c1.cashier.khata.receivePayment({ id: randomUUID(), partyId: ramesh.id, amountPaise: 2_000, mode: 'upi' });
    await sell(c2, rice.id, ramesh.id, 2000, 7_001);
    for (const counter of [c1, c2, c1, c2]) await counter.engine().syncNow();
    const before = await serverFigures(shop.server.database);
    const balance = (await c1.cashier.parties.get({ id: ramesh.id })).balancePaise;
    expect(balance).toBe(5_000 + 12_345 - 2_000 + 7_001);

    // The server is restored from the older dump.
    await shop.stopHttp();
    const restored = await pgliteAsApp(new PGlite({ loadDataDir: dump }));
    shop.server.deps.db = restored.db;
    (shop.server as { database: ServerDatabase }).database = restored;
    await shop.restartHttp();
    expect((await serverFigures(restored)).bills).toBeLessThan(before.bills);

    for (const counter of [c1, c2, c1, c2]) await counter.engine().syncNow();
    expect(await serverFigures(restored)).toEqual(before);
    for (const counter of [c1, c2]) {
      expect((await counter.cashier.parties.get({ id: ramesh.id })).balancePaise).toBe(balance);
      expect((await counter.cashier.catalogue.get({ id: rice.id })).stockMilli).toBe(100_000 - 8_000);
      expect(syncStatus(counter.t.ledger).lastResync).toMatchObject({ reason: expect.stringContaining('restored') });
      expect(one(counter, 'SELECT count(*) FROM outbox WHERE sent_at IS NULL')).toBe(0);
    }
    const totals = [counterFigures(c1), counterFigures(c2)];
    expect(before.bills).toBe(totals[0]!.bills + totals[1]!.bills);
    expect(Number(before.paise)).toBe(totals[0]!.paise + totals[1]!.paise);
    // The owner's monitoring page lists each counter's re-sync (read here from the restored server's alerts table).
    const resets = (await asOwner(restored, (db) =>
      db.execute(sql`SELECT subject, message FROM alerts WHERE kind = 'sync_cursor_reset' AND state <> 'resolved'`),
    )) as unknown as { rows: { subject: string; message: string }[] };
    expect(new Set(resets.rows.map((alert) => alert.subject)).size).toBe(2);
    expect(resets.rows[0]!.message).toMatch(/pulling again from the start/);
  });

  it('a counter whose ledger file was rewritten and re-hashed is refused (JOURNAL_CHAIN_BROKEN) and its sync stops', async () => {
    shop = (await syncedShop()) as SyncedShop & { restartHttp(): Promise<void> };
    const [c1] = shop.counters as [Counter];
    const rice = await c1.manager.catalogue.create(
      itemInput({ name: 'Rice', pricePaise: 10_000, openingStockMilli: 100_000 }),
    );
    const ramesh = await c1.cashier.parties.create({ name: 'Ramesh', phone: '9811111111', openingBalancePaise: 0 });
    for (let i = 0; i < 3; i++) await sell(c1, rice.id, ramesh.id, 1000, 0);
    await c1.engine().syncNow();
    const anchored = syncStatus(c1.t.ledger).journalAnchored!;
    expect(anchored.seq).toBe(3);
    expect((await shop.owner.counters.list())[0]!.journal).toMatchObject({ verifiedTo: 3, refused: false });

    // Someone with the file changes the first bill's journal content and recomputes every hash after it.
    const { ledger } = c1.t;
    const rows = ledger.sqlite.prepare('SELECT seq, doc_type, doc_id FROM journal ORDER BY seq').all() as {
      seq: number;
      doc_type: 'invoice';
      doc_id: string;
    }[];
    let prev = GENESIS_HASH;
    ledger.sqlite.exec('PRAGMA foreign_keys = OFF');
    for (const row of ledger.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all())
      ledger.sqlite.exec(`DROP TRIGGER "${row as string}"`);
    for (const row of rows) {
      const content = documentContent(ledger, row.doc_type, row.doc_id)!.content as Record<string, unknown>;
      const hash = documentHash(prev, row.seq === 1 ? { ...content, rewritten: true } : content);
      ledger.sqlite.prepare('UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
    await sell(c1, rice.id, ramesh.id, 1000, 0);
    await expect(c1.engine().syncNow()).rejects.toMatchObject({ data: { reason: 'JOURNAL_CHAIN_BROKEN' } });
    expect((await shop.owner.counters.list())[0]!.journal).toMatchObject({ verifiedTo: 3, refused: true });
    const [alert] = await shop.owner.monitoring.alerts({ which: 'unresolved', limit: 100 });
    expect(alert).toMatchObject({ kind: 'journal_chain_broken', severity: 'critical' });
    expect(one(c1, 'SELECT count(*) FROM outbox WHERE sent_at IS NULL')).toBeGreaterThan(0);
  });
});
