// The counter's background services: a bill made through the router prints and syncs by itself, without anyone
// calling the print worker or the sync engine, and a counter enrolled while running starts syncing.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appRouter } from '../../../src-main/trpc/app-router';
import { createCallerFactory } from '../../../src-main/trpc/init';
import { startCounterServices, type CounterServices } from '../../../src-main/runtime/counter-services';
import { parsePrintConfig } from '../../../src-main/printing/worker';
import { startPrinterEmulator, type PrinterEmulator } from '../../../src-main/printing/emulator/server';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { emulatorPrinter, usePrinter } from '../../support/printing';
import { syncedShop, type SyncedShop } from '../../support/sync-shop';

const createCaller = createCallerFactory(appRouter);
// Polls and idle waits far longer than any test: whatever happens within the test happened because a write woke it.
const SLOW_POLL = parsePrintConfig({
  pollMs: 600_000,
  connectTimeoutMs: 3000,
  statusTimeoutMs: 3000,
  ioTimeoutMs: 3000,
});
const SLOW_SYNC = { idleMs: 600_000, requestTimeoutMs: 5_000 };

let services: CounterServices | undefined;
let emulator: PrinterEmulator | undefined;
let shop: Shop | undefined;
let synced: SyncedShop | undefined;
afterEach(async () => {
  await services?.stop();
  services = undefined;
  await emulator?.close();
  shop?.t.cleanup();
  shop = undefined;
  await synced?.close();
  synced = undefined;
});

/** The router as the bridges serve it: each call's context carries the services' afterWrite. */
function callerWithServices(target: Shop, staffId: string, running: CounterServices) {
  return createCaller({ ledger: target.t.ledger, session: { staffId }, afterWrite: running.afterWrite });
}

const unsentOps = (target: Shop) =>
  target.t.ledger.sqlite.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL').pluck().get() as number;

describe('printing in the background', () => {
  it('a bill finalised through the router comes out of the default printer by itself', async () => {
    shop = await shopWithStaff();
    emulator = await startPrinterEmulator();
    await usePrinter(shop, emulatorPrinter(emulator.port));
    const soap = await shop.manager.catalogue.create(itemInput({ name: 'Neem Soap 100g', pricePaise: 3_550 }));
    services = startCounterServices({ ledger: shop.t.ledger, print: SLOW_POLL, backups: false });
    const cashier = callerWithServices(shop, shop.ids.cashier, services);
    const printed = (number: string) =>
      emulator!.captures.some((c) => c.complete && c.lines.some((line) => line.includes(number)));
    const bill = () =>
      cashier.sales.finalize({
        id: randomUUID(),
        lines: [{ itemId: soap.id, qtyMilli: 2000 }],
        payments: [{ mode: 'cash', amountPaise: 7_100 }],
      });
    // The first may be caught by the worker's look at start; once that is done, only the write's wake prints the second.
    const first = await bill();
    await vi.waitFor(() => expect(printed(first.invoice.number)).toBe(true), { timeout: 10_000, interval: 50 });
    const second = await bill();
    await vi.waitFor(() => expect(printed(second.invoice.number)).toBe(true), { timeout: 10_000, interval: 50 });
    // The printer has the receipt before the worker hears the transport confirm it: the job is done only then.
    await vi.waitFor(
      async () =>
        expect((await cashier.printing.jobs({ docId: second.invoice.id })).jobs.map((job) => job.status)).toEqual([
          'done',
        ]),
      { timeout: 10_000, interval: 50 },
    );
  });

  it('a shift closed through the router prints its Z-report, and a query wakes nothing', async () => {
    shop = await shopWithStaff();
    emulator = await startPrinterEmulator();
    services = startCounterServices({ ledger: shop.t.ledger, print: SLOW_POLL, backups: false });
    const wake = vi.spyOn(services, 'afterWrite');
    await usePrinter(shop, emulatorPrinter(emulator.port));
    const cashier = callerWithServices(shop, shop.ids.cashier, services);
    await cashier.cashSessions.current();
    expect(wake).not.toHaveBeenCalled();
    await cashier.cashSessions.close({ countedPaise: 100_000, note: '' });
    expect(wake).toHaveBeenCalledTimes(1);
    await vi.waitFor(
      () => expect(emulator!.captures.map((c) => c.lines.join('\n')).join('\n')).toContain('Z-REPORT counter C1'),
      { timeout: 10_000, interval: 50 },
    );
  });
});

describe('sync in the background', () => {
  it('an enrolled counter pushes a bill soon after it is made, and another counter sees its stock move', async () => {
    synced = await syncedShop(['C1', 'C2']);
    const [c1, c2] = synced.counters as [SyncedShop['counters'][number], SyncedShop['counters'][number]];
    const rice = await c1.manager.catalogue.create(
      itemInput({ name: 'Basmati Rice 1kg', pricePaise: 10_000, openingStockMilli: 50_000 }),
    );
    services = startCounterServices({ ledger: c1.t.ledger, print: SLOW_POLL, sync: SLOW_SYNC, backups: false });
    // The engine's first run at start sends what was waiting (the item); after it, only a write wakes it.
    await vi.waitFor(() => expect(unsentOps(c1)).toBe(0), { timeout: 15_000, interval: 50 });
    const cashier = callerWithServices(c1, c1.ids.cashier, services);
    await cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: rice.id, qtyMilli: 3000 }],
      payments: [{ mode: 'upi', amountPaise: 30_000 }],
    });
    expect(unsentOps(c1)).toBeGreaterThan(0);
    await vi.waitFor(() => expect(unsentOps(c1)).toBe(0), { timeout: 15_000, interval: 50 });
    await c2.engine().syncNow();
    expect((await c2.cashier.catalogue.get({ id: rice.id })).stockMilli).toBe(47_000);
  });

  it('a counter enrolled while the app runs starts syncing without a restart', async () => {
    synced = await syncedShop([]);
    shop = await shopWithStaff();
    await shop.manager.catalogue.create(itemInput({ name: 'Toor Dal 1kg' }));
    services = startCounterServices({ ledger: shop.t.ledger, print: SLOW_POLL, sync: SLOW_SYNC, backups: false });
    const { code } = await synced.owner.counters.createEnrolmentCode({ name: 'Front counter', counterCode: 'C1' });
    const owner = callerWithServices(shop, shop.ids.owner, services);
    expect(unsentOps(shop)).toBeGreaterThan(0);
    await owner.sync.enrol({ serverUrl: synced.url, code });
    // A run records its success only after its pull, which follows the push that empties the outbox: wait for that.
    await vi.waitFor(async () => expect((await owner.sync.status()).lastSuccessAt).not.toBeNull(), {
      timeout: 15_000,
      interval: 50,
    });
    expect(unsentOps(shop)).toBe(0);
  });
});
