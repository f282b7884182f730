// Server side of sync: a push applies each op exactly once in one transaction; a pull serves other counters' changes by cursor.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { asOwner, testServerDb, type TestServerDb } from '../support/server';
import { shopWithCounters } from '../support/server-shop';
import { invoiceOp, itemOp, khataOp, partyOp, pushOf, stockOp } from '../support/sync-ops';

let server: TestServerDb;
afterEach(() => server?.close());

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await asOwner(server.database, (db) => db.execute(query))) as unknown as {
    rows: { n: number | string }[];
  };
  return Number(result.rows[0]!.n);
}

describe('push', () => {
  it('applies a batch once: pushing it again, or its ops reordered and repeated, doubles nothing', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const c1 = counters[0]!.api;
    const ops = [
      invoiceOp({ number: 'C1-2026-000001', totalPaise: 10_000 }),
      invoiceOp({ number: 'C1-2026-000002', totalPaise: 25_050 }),
    ];
    const first = await c1.sync.push(pushOf(ops));
    expect(first.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const again = await c1.sync.push(pushOf([ops[1]!, ops[0]!, ops[1]!]));
    expect(again.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await scalar(sql`SELECT count(*) AS n FROM invoices`)).toBe(2);
    expect(await scalar(sql`SELECT sum(total_paise) AS n FROM invoices`)).toBe(35_050);
    expect(await scalar(sql`SELECT count(*) AS n FROM payments`)).toBe(2);
  });

  it('a document already stored under another op id is a duplicate too (the server keys documents by their UUID)', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const sale = invoiceOp({ number: 'C1-2026-000001' });
    await counters[0]!.api.sync.push(pushOf([sale]));
    const replay = await counters[0]!.api.sync.push(pushOf([{ ...sale, opId: randomUUID() }]));
    expect(replay.results[0]!.status).toBe('duplicate');
    expect(await scalar(sql`SELECT count(*) AS n FROM invoices`)).toBe(1);
  });

  it('rejects only the op that cannot be stored (number out of series, number taken, bad payload) and keeps the rest', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const c1 = counters[0]!.api;
    await c1.sync.push(pushOf([invoiceOp({ number: 'C1-2026-000001' })]));
    const result = await c1.sync.push(
      pushOf([
        invoiceOp({ number: 'C1-2026-000002' }),
        invoiceOp({ number: 'C2-2026-000001' }),
        invoiceOp({ number: 'C1-2026-000001' }),
        { ...invoiceOp({ number: 'C1-2026-000003' }), payload: { invoice: {} } },
      ]),
    );
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected']);
    expect(result.results[1]!.reason).toContain('series C1');
    expect(await scalar(sql`SELECT count(*) AS n FROM invoices`)).toBe(2);
    await expect(c1.sync.push(pushOf([]))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('reports a drifted counter clock without failing the push', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const result = await counters[0]!.api.sync.push(
      pushOf([invoiceOp({ number: 'C1-2026-000001' })], new Date(Date.now() - 3 * 86_400_000)),
    );
    expect(result.results[0]!.status).toBe('applied');
    expect(result.clockSkewMs).toBeLessThan(-2 * 86_400_000);
  });
});

describe('pull', () => {
  it("serves other counters' catalogue, khata and stock changes in server order, never the counter's own, never invoices", async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in', ['C1', 'C2', 'C3']);
    const [c1, c2, c3] = counters.map((counter) => counter.api);
    const rice = itemOp({ name: 'Rice' });
    const ramesh = partyOp({ name: 'Ramesh' });
    await c1!.sync.push(pushOf([rice, ramesh, stockOp(rice.entityId, 5000), invoiceOp({ number: 'C1-2026-000001' })]));
    await c2!.sync.push(pushOf([khataOp(ramesh.entityId, 20_000)]));

    const forC2 = await c2!.sync.pull({ cursor: 0, limit: 100 });
    expect(forC2.changes.map((change) => change.entity)).toEqual(['item', 'party', 'stock_movement']);
    expect(forC2).toMatchObject({ nextCursor: 4, headCursor: 4, hasMore: false });
    const forC3 = await c3!.sync.pull({ cursor: 0, limit: 2 });
    expect(forC3.changes.map((change) => change.cursor)).toEqual([1, 2]);
    expect(forC3.hasMore).toBe(true);
    const rest = await c3!.sync.pull({ cursor: forC3.nextCursor, limit: 2 });
    expect(rest.changes.map((change) => change.entity)).toEqual(['stock_movement', 'khata_entry']);
    expect(rest.hasMore).toBe(false);
  });

  it('catalogue edits: the last writer in server order wins, whatever the counters’ clocks said', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in', ['C1', 'C2', 'C3']);
    const id = randomUUID();
    const fromC2 = itemOp({ id, pricePaise: 7000 });
    fromC2.payload.updatedAt = '2099-01-01T00:00:00.000Z';
    await counters[1]!.api.sync.push(pushOf([fromC2]));
    await counters[0]!.api.sync.push(pushOf([itemOp({ id, pricePaise: 6500 })]));
    expect(await scalar(sql`SELECT (payload->>'pricePaise')::int AS n FROM items`)).toBe(6500);
    const pulled = await counters[2]!.api.sync.pull({ cursor: 0, limit: 100 });
    expect(pulled.changes.at(-1)!.payload.pricePaise).toBe(6500);
  });

  it('an item edited after its stock moved reaches a counter that joins later before its stock movement, then the edit', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in', ['C1', 'C2', 'C3']);
    const [c1, c2, c3] = counters.map((counter) => counter.api);
    const rice = itemOp({ name: 'Rice', pricePaise: 6000 });
    // C1 makes the item, buys stock of it, then its cost and price change (a purchase bill re-sends the item).
    await c1!.sync.push(pushOf([rice, stockOp(rice.entityId, 5000)]));
    await c1!.sync.push(pushOf([itemOp({ id: rice.entityId, sku: rice.payload.sku as string, pricePaise: 6500 })]));
    const forC2 = await c2!.sync.pull({ cursor: 0, limit: 100 });
    expect(forC2.changes.map((change) => [change.entity, change.payload.pricePaise])).toEqual([
      ['item', 6000],
      ['stock_movement', undefined],
      ['item', 6500],
    ]);
    // C3 edits it last: C3 is not sent the versions its own edit replaced (they would overwrite its newer one)…
    await c3!.sync.push(pushOf([itemOp({ id: rice.entityId, sku: rice.payload.sku as string, pricePaise: 7000 })]));
    const forC3 = await c3!.sync.pull({ cursor: 0, limit: 100 });
    expect(forC3.changes.map((change) => change.entity)).toEqual(['stock_movement']);
    // …and every other counter ends with C3's price.
    const again = await c2!.sync.pull({ cursor: forC2.nextCursor, limit: 100 });
    expect(again.changes.map((change) => change.payload.pricePaise)).toEqual([7000]);
  });

  it('khata entries from different counters add up; none overwrites another', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const party = partyOp();
    await counters[0]!.api.sync.push(pushOf([party, khataOp(party.entityId, 50_000)]));
    await counters[1]!.api.sync.push(pushOf([khataOp(party.entityId, -20_000), khataOp(party.entityId, 1_999)]));
    expect(await scalar(sql`SELECT sum(amount_paise) AS n FROM khata_entries`)).toBe(31_999);
  });

  it('concurrent pushes from several counters never let a cursor skip a change', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in', ['C1', 'C2', 'C3']);
    const party = partyOp();
    await counters[0]!.api.sync.push(pushOf([party]));
    const reader = counters[2]!.api;
    const seen = new Set<string>();
    let cursor = 0;
    const pushes = Promise.all(
      counters
        .slice(0, 2)
        .flatMap((counter) =>
          Array.from({ length: 10 }, () =>
            counter.api.sync.push(pushOf([khataOp(party.entityId, 100), khataOp(party.entityId, 100)])),
          ),
        ),
    );
    const reading = (async () => {
      for (let round = 0; round < 40; round += 1) {
        const page = await reader.sync.pull({ cursor, limit: 7 });
        for (const change of page.changes) seen.add(change.entityId);
        cursor = page.nextCursor;
      }
    })();
    await Promise.all([pushes, reading]);
    for (
      let page = await reader.sync.pull({ cursor, limit: 1000 });
      ;
      page = await reader.sync.pull({ cursor, limit: 1000 })
    ) {
      for (const change of page.changes) seen.add(change.entityId);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(seen.size).toBe(41);
  });
});
