// Counters syncing through a real server: what one counter does reaches the others, exactly once, by the written rules.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPulledPage, readCursor } from '../../../src-main/sync/pull';
import { syncStatus } from '../../../src-main/sync/status';
import { enrolCounter } from '../../../src-main/sync/enrol';
import { createRemote } from '../../../src-main/sync/remote';
import { readSyncState } from '../../../src-main/sync/state';
import { itemInput, shopWithStaff } from '../../support/ledger';
import { syncedShop, type SyncedShop } from '../../support/sync-shop';
import { asOwner } from '../../support/server';

let shop: SyncedShop & { restartHttp?: () => Promise<void> };
afterEach(() => shop?.close());

const count = (counter: SyncedShop['counters'][number], query: string) =>
  counter.t.ledger.sqlite.prepare(query).pluck().get() as number;

describe('syncing counters', () => {
  it('an item and a customer made on one counter reach the other; khata from both counters adds up everywhere', async () => {
    shop = await syncedShop();
    const [c1, c2] = shop.counters as [SyncedShop['counters'][number], SyncedShop['counters'][number]];
    const rice = await c1.manager.catalogue.create(
      itemInput({ name: 'Basmati Rice 1kg', pricePaise: 10_000, openingStockMilli: 50_000 }),
    );
    const ramesh = await c1.cashier.parties.create({ name: 'Ramesh', phone: '9811111111', openingBalancePaise: 5_000 });
    await c1.engine().syncNow();
    await c2.engine().syncNow();
    expect((await c2.cashier.catalogue.get({ id: rice.id })).stockMilli).toBe(50_000);
    expect((await c2.cashier.parties.get({ id: ramesh.id })).balancePaise).toBe(5_000);
    const c2OwnOps = count(c2, 'SELECT count(*) FROM outbox');

    await c2.cashier.sales.finalize({
      id: randomUUID(),
      partyId: ramesh.id,
      lines: [{ itemId: rice.id, qtyMilli: 2000 }],
      payments: [{ mode: 'khata', amountPaise: 20_000 }],
    });
    await c1.cashier.khata.receivePayment({ id: randomUUID(), partyId: ramesh.id, amountPaise: 3_000, mode: 'upi' });
    for (const counter of [c1, c2, c1]) await counter.engine().syncNow();

    for (const counter of [c1, c2]) {
      expect((await counter.cashier.parties.get({ id: ramesh.id })).balancePaise).toBe(22_000);
      expect((await counter.cashier.catalogue.get({ id: rice.id })).stockMilli).toBe(48_000);
    }
    // What C2 pulled was applied without re-entering its outbox: only C2's own sale was added there.
    expect(count(c2, 'SELECT count(*) FROM outbox')).toBe(c2OwnOps + 3);
    expect(count(c2, 'SELECT count(*) FROM outbox WHERE sent_at IS NULL')).toBe(0);
  });

  it('a price edited on two counters ends as the edit the server received last, even from a counter whose clock is days behind', async () => {
    shop = await syncedShop();
    const [c1, c2] = shop.counters as [SyncedShop['counters'][number], SyncedShop['counters'][number]];
    const item = await c1.manager.catalogue.create(itemInput({ pricePaise: 5_000 }));
    await c1.engine().syncNow();
    await c2.engine().syncNow();
    await c2.manager.catalogue.update({ id: item.id, pricePaise: 6_000 });
    const c1Ledger = c1.t.ledger as { clock: () => Date };
    c1Ledger.clock = () => new Date(Date.now() - 5 * 86_400_000);
    await c1.manager.catalogue.update({ id: item.id, pricePaise: 7_000 });
    await c2.engine().syncNow();
    await c1.engine().syncNow();
    await c2.engine().syncNow();
    expect((await c1.cashier.catalogue.get({ id: item.id })).pricePaise).toBe(7_000);
    expect((await c2.cashier.catalogue.get({ id: item.id })).pricePaise).toBe(7_000);
  });

  it('keeps a local edit not yet sent over an older one pulled from another counter', async () => {
    shop = await syncedShop();
    const [c1, c2] = shop.counters as [SyncedShop['counters'][number], SyncedShop['counters'][number]];
    const item = await c1.manager.catalogue.create(itemInput({ pricePaise: 5_000 }));
    await c1.engine().syncNow();
    await c2.engine().syncNow();
    await c1.manager.catalogue.update({ id: item.id, pricePaise: 5_500 });
    await c1.engine().syncNow();
    await c2.manager.catalogue.update({ id: item.id, pricePaise: 6_500 });
    await c2.engine().syncNow();
    await c1.engine().syncNow();
    expect((await c2.cashier.catalogue.get({ id: item.id })).pricePaise).toBe(6_500);
    expect((await c1.cashier.catalogue.get({ id: item.id })).pricePaise).toBe(6_500);
  });

  it('shows a drifted PC clock as a warning while sync still succeeds', async () => {
    shop = await syncedShop(['C1']);
    const c1 = shop.counters[0]!;
    const ledger = c1.t.ledger as { clock: () => Date };
    const realClock = ledger.clock;
    ledger.clock = () => new Date(Date.now() - 2 * 86_400_000);
    await c1.manager.catalogue.create(itemInput());
    await c1.engine().syncNow();
    ledger.clock = realClock;
    const status = syncStatus(c1.t.ledger);
    expect(status.clock.drifted).toBe(true);
    expect(status.pendingOps).toBe(0);
    expect(status.error).toBeNull();
  });
});

describe('resilience', () => {
  it('backs off while the server is down, shows the error, and catches up after weeks offline when it returns', async () => {
    shop = await syncedShop();
    const [c1, c2] = shop.counters as [SyncedShop['counters'][number], SyncedShop['counters'][number]];
    const item = await c1.manager.catalogue.create(itemInput({ pricePaise: 1_000, openingStockMilli: 10_000_000 }));
    await c1.engine().syncNow();
    await shop.stopHttp();
    for (let i = 0; i < 1_200; i += 1)
      await c1.cashier.sales.finalize({
        id: randomUUID(),
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'cash', amountPaise: 1_000 }],
      });
    const engine = c1.engine({ retry: { baseMs: 20, capMs: 100 }, idleMs: 50 });
    engine.start();
    await expect
      .poll(() => syncStatus(c1.t.ledger).error?.failures ?? 0, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    expect(syncStatus(c1.t.ledger).error?.nextAttemptAt).not.toBeNull();

    await shop.restartHttp!();
    await expect.poll(() => syncStatus(c1.t.ledger).pendingOps, { timeout: 30_000, interval: 100 }).toBe(0);
    await engine.stop();
    expect(syncStatus(c1.t.ledger).error).toBeNull();
    await c2.engine().syncNow();
    expect((await c2.cashier.catalogue.get({ id: item.id })).stockMilli).toBe(10_000_000 - 1_200_000);
    expect(
      await asOwner(shop.server.database, async (db) =>
        db.$count((await import('../../../server/db/schema')).invoices),
      ),
    ).toBe(1_200);
  }, 90_000);

  it('a bill made while a run is pulling is pushed right after that run, not after the idle pause', async () => {
    shop = await syncedShop(['C1']);
    const [c1] = shop.counters as [SyncedShop['counters'][number]];
    const item = await c1.manager.catalogue.create(itemInput({ pricePaise: 1_000 }));
    const enrolment = readSyncState(c1.t.ledger, 'enrolment')!;
    const real = createRemote({ serverUrl: enrolment.serverUrl, deviceToken: enrolment.deviceToken, timeoutMs: 5_000 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let pulls = 0;
    // The run's push (the item) is done; its first pull is held until the bill below has been made and announced.
    const remote = {
      push: real.push,
      pull: async (input: Parameters<typeof real.pull>[0]) => (pulls++ === 0 && (await gate), real.pull(input)),
    };
    const engine = c1.engine({ remote, idleMs: 600_000 });
    engine.start();
    await expect.poll(() => pulls, { timeout: 10_000 }).toBe(1);
    await c1.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'cash', amountPaise: 1_000 }],
    });
    engine.wake();
    release();
    await expect.poll(() => syncStatus(c1.t.ledger).pendingOps, { timeout: 15_000, interval: 50 }).toBe(0);
    await engine.stop();
    expect(
      await asOwner(shop.server.database, async (db) =>
        db.$count((await import('../../../server/db/schema')).invoices),
      ),
    ).toBe(1);
  });

  it('stops and asks before a pull that would retire most items, then applies it once a manager confirms', async () => {
    shop = await syncedShop(['C1']);
    const c1 = shop.counters[0]!;
    const created = [];
    for (let i = 0; i < 12; i += 1) created.push(await c1.manager.catalogue.create(itemInput()));
    await c1.engine().syncNow();
    const cursor = readCursor(c1.t.ledger);
    const retire = created.slice(0, 10).map((item, index) => ({
      cursor: cursor + index + 1,
      entity: 'item' as const,
      entityId: item.id,
      originCounterId: randomUUID(),
      payload: { ...item, active: false },
    }));
    const page = {
      changes: retire,
      nextCursor: cursor + 10,
      headCursor: cursor + 10,
      hasMore: false,
      serverTime: new Date().toISOString(),
    };

    expect(applyPulledPage(c1.t.ledger, page, cursor)).toMatchObject({ kind: 'held', removing: 10, active: 12 });
    expect(syncStatus(c1.t.ledger).hold?.reason).toContain('10 of 12');
    expect((await c1.cashier.catalogue.list({})).total).toBe(12);
    await expect(c1.cashier.sync.confirmMassChange()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await c1.manager.sync.confirmMassChange();
    expect(applyPulledPage(c1.t.ledger, page, cursor)).toMatchObject({ kind: 'applied', applied: 10 });
    expect((await c1.cashier.catalogue.list({})).total).toBe(2);
    expect(syncStatus(c1.t.ledger).hold).toBeNull();
  });

  it('an enrolment code that is wrong is refused with a clear message and nothing is stored', async () => {
    shop = await syncedShop(['C1']);
    const other = await shopWithStaff();
    try {
      await expect(enrolCounter(other.t.ledger, { serverUrl: shop.url, code: 'AAAAA-BBBBB' })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('not valid'),
      });
      expect(syncStatus(other.t.ledger).enrolled).toBe(false);
    } finally {
      other.t.cleanup();
    }
  });
});
