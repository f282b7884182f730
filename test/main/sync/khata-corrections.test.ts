// Khata corrections through a real server (PGlite by default): an edited customer and a cancelled receipt reach the
// owner and the other counter, so the owner's khata balance is the counter's, to the paisa.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { syncStatus } from '../../../src-main/sync/status';
import { inShop } from '../../../server/db/tenant';
import { PINS } from '../../support/ledger';
import { syncedShop, type SyncedShop } from '../../support/sync-shop';

let shop: SyncedShop;
afterEach(() => shop?.close());

const TODAY = new Date().toISOString().slice(0, 10);

describe('khata corrections sync', () => {
  it('a cancelled receipt restores the balance on the owner’s report and on the other counter, and is stored once', async () => {
    shop = await syncedShop();
    const [c1, c2] = shop.counters as [SyncedShop['counters'][number], SyncedShop['counters'][number]];
    const lata = await c1.cashier.parties.create({ name: 'Lata', openingBalancePaise: 80_000 });
    const paid = await c1.cashier.khata.receivePayment({
      id: randomUUID(),
      partyId: lata.id,
      amountPaise: 50_000,
      mode: 'cash',
    });
    await c1.engine().syncNow();
    expect((await shop.owner.reports.khata({ asOf: TODAY })).map((row) => row.totalPaise)).toEqual([30_000]);

    const reversed = await c1.cashier.khata.reverseReceipt({
      id: randomUUID(),
      receiptId: paid.receipt.id,
      reason: 'Wrong customer',
      approval: { staffId: c1.ids.manager, pin: PINS.manager },
    });
    await c1.engine().syncNow();
    await c1.engine().syncNow();
    await c2.engine().syncNow();

    expect(syncStatus(c1.t.ledger)).toMatchObject({ pendingOps: 0, rejectedOps: 0 });
    expect((await shop.owner.reports.khata({ asOf: TODAY })).map((row) => [row.name, row.totalPaise])).toEqual([
      ['Lata', 80_000],
    ]);
    expect((await c2.cashier.parties.get({ id: lata.id })).balancePaise).toBe(80_000);
    const stored = await inShop(shop.server.database.db, (await shop.owner.accounts.me()).shopId, (tx) =>
      tx.execute(sql`SELECT number, receipt_id AS "receiptId", amount_paise AS "amountPaise" FROM receipt_reversals`),
    );
    // PostgreSQL hands bigint columns back as text: compare amounts as numbers on both databases.
    const rows = (stored as unknown as { rows: { amountPaise: unknown }[] }).rows;
    expect(rows.map((row) => ({ ...row, amountPaise: Number(row.amountPaise) }))).toEqual([
      { number: reversed.reversal.number, receiptId: paid.receipt.id, amountPaise: 50_000 },
    ]);
  });

  it("a customer's phone added on one counter reaches the owner and the other counter", async () => {
    shop = await syncedShop();
    const [c1, c2] = shop.counters as [SyncedShop['counters'][number], SyncedShop['counters'][number]];
    const sunil = await c1.cashier.parties.create({ name: 'Sunil', openingBalancePaise: 1_000 });
    await c1.engine().syncNow();
    await c2.engine().syncNow();
    await c2.manager.parties.update({
      id: sunil.id,
      phone: '9822222222',
      creditLimitPaise: 50_000,
      creditLimitPolicy: 'approve',
    });
    await c2.engine().syncNow();
    await c1.engine().syncNow();
    expect(await c1.cashier.parties.get({ id: sunil.id })).toMatchObject({
      phone: '9822222222',
      creditLimitPaise: 50_000,
      creditLimitPolicy: 'approve',
      balancePaise: 1_000,
    });
    expect((await shop.owner.reports.khata({ asOf: TODAY })).map((row) => [row.name, row.phone])).toEqual([
      ['Sunil', '9822222222'],
    ]);
  });
});
