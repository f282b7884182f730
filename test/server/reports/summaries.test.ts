// The summaries stay exact however a push arrives: retried, duplicated, overlapping, or replayed op by op after a bad op.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { asOwner, testServerDb, type TestServerDb } from '../../support/server';
import { shopWithCounters } from '../../support/server-shop';
import { invoiceOp, pushOf, stockOp } from '../../support/sync-ops';

let server: TestServerDb;
afterEach(() => server?.close());

const range = { from: '2026-06-01', to: '2026-06-01' };

async function rawTotals(shopId: string) {
  const result = (await asOwner(server.database, (db) =>
    db.execute(
      sql`SELECT count(*) AS n, COALESCE(SUM(total_paise), 0) AS paise FROM invoices WHERE shop_id = ${shopId}`,
    ),
  )) as unknown as { rows: { n: string; paise: string }[] };
  return { invoices: Number(result.rows[0]!.n), salesPaise: Number(result.rows[0]!.paise) };
}

describe('report summaries under sync retries', () => {
  it('count each sale once through a retried, a duplicated and an overlapping push', async () => {
    server = await testServerDb();
    const { owner, counters, shopId } = await shopWithCounters(server, 'asha@example.in');
    const c1 = counters[0]!.api;
    const itemId = randomUUID();
    // ₹200 handed over for the ₹118 bill: ₹82 change, so ₹118 of cash stays in the drawer, not ₹200.
    const first = [
      invoiceOp({ number: 'C1-2026-000001', totalPaise: 11_800, changePaise: 8_200, itemId }),
      invoiceOp({ number: 'C1-2026-000002', totalPaise: 23_600, itemId }),
      stockOp(itemId, -2000),
    ];
    await c1.sync.push(pushOf(first));
    await c1.sync.push(pushOf(first));
    // The same documents under new op ids (a counter that lost its acknowledgements and re-queued): still no double.
    const requeued = first.map((op) => ({ ...op, opId: randomUUID() }));
    const third = invoiceOp({ number: 'C1-2026-000003', totalPaise: 5_900, itemId });
    await c1.sync.push(pushOf([...requeued, third]));

    const report = await owner.reports.sales(range);
    expect({ invoices: report.totals.invoices, salesPaise: report.totals.salesPaise }).toEqual(await rawTotals(shopId));
    expect(report.totals).toMatchObject({ invoices: 3, salesPaise: 41_300 });
    expect((await owner.reports.items(range)).rows.find((row) => row.itemId === itemId)).toMatchObject({
      qtyMilli: 3000,
      costPaise: 15_000,
    });
    // Cash taken is net of the change handed back: the drawer holds what the three bills came to.
    expect(report.byMode).toEqual([expect.objectContaining({ mode: 'cash', inPaise: 41_300, count: 3 })]);
  });

  it('keep only the applied ops of a batch replayed op by op after one was refused', async () => {
    server = await testServerDb();
    const { owner, counters, shopId } = await shopWithCounters(server, 'asha@example.in');
    const c1 = counters[0]!.api;
    await c1.sync.push(pushOf([invoiceOp({ number: 'C1-2026-000001', totalPaise: 10_000 })]));
    // A second document under a number already taken fails the fast path; the batch is replayed op by op.
    const clash = invoiceOp({ number: 'C1-2026-000001', totalPaise: 99_999 });
    const good = invoiceOp({ number: 'C1-2026-000002', totalPaise: 20_000 });
    const result = await c1.sync.push(pushOf([clash, good]));
    expect(result.results.map((op) => op.status)).toEqual(['rejected', 'applied']);
    const report = await owner.reports.sales(range);
    expect(report.totals).toMatchObject({ invoices: 2, salesPaise: 30_000 });
    expect({ invoices: report.totals.invoices, salesPaise: report.totals.salesPaise }).toEqual(await rawTotals(shopId));
  });
});
