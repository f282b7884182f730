// The durable print queue against the printer emulator: offline, refused, paper out, a stall mid-job and an app restart
// each leave the job queued, and it comes out later exactly once (a possibly partial earlier copy is followed by one marked REPRINT).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { shopWithStaff, tempLedger, type Shop } from '../../support/ledger';
import { creditSale, emulatorPrinter, TEST_PRINT_CONFIG, usePrinter } from '../../support/printing';
import { startPrinterEmulator, type PrinterEmulator } from '../../../src-main/printing/emulator/server';
import { startPrintWorker } from '../../../src-main/printing/worker';
import { claimDueJob } from '../../../src-main/ledger/printing/queue';
import type { PrintJob } from '../../../src-main/ledger/printing/schema';

let shop: Shop;
let emulator: PrinterEmulator;
let now: Date;
afterEach(async () => {
  await emulator?.close();
  shop?.t.cleanup();
});

const jobs = (): PrintJob[] =>
  shop.t.ledger.sqlite
    .prepare(
      'SELECT id, status, attempts, last_error AS lastError, doc_id AS docId FROM print_jobs ORDER BY created_at',
    )
    .all() as PrintJob[];
const laterBy = (ms: number) => (now = new Date(now.getTime() + ms));
/** Complete receipts the emulator printed for a bill number. */
const printedWhole = (number: string) =>
  emulator.captures.filter((c) => c.complete && c.lines.some((l) => l.includes(number)));

async function billedShop() {
  now = new Date('2026-06-01T10:00:00Z');
  shop = await shopWithStaff({ clock: () => now });
  emulator = await startPrinterEmulator();
  await usePrinter(shop, emulatorPrinter(emulator.port));
  const { sale } = await creditSale(shop);
  return sale.invoice;
}

async function runWorkerOnce() {
  const worker = startPrintWorker(shop.t.ledger, TEST_PRINT_CONFIG, { poll: false });
  await worker.runDue();
  await worker.stop();
}

describe('the print job is written with its document', () => {
  it('a finalised bill, a return and a khata payment each queue one receipt on the default printer', async () => {
    const invoice = await billedShop();
    const sale = await shop.cashier.sales.get({ id: invoice.id });
    const returned = await shop.manager.returns.create({
      id: randomUUID(),
      invoiceId: invoice.id,
      lines: [{ invoiceLineId: sale.lines[1]!.id, qtyMilli: 1000 }],
      refundMode: 'cash',
      reason: 'damaged',
    });
    const paid = await shop.cashier.khata.receivePayment({
      id: randomUUID(),
      partyId: invoice.partyId!,
      amountPaise: 20_000,
      mode: 'cash',
    });
    expect(jobs().map((j) => j.status)).toEqual(['queued', 'queued', 'queued']);
    // The list a person reads names each document by its number, newest first.
    expect((await shop.cashier.printing.jobs({})).jobs.map((j) => j.docNumber)).toEqual([
      paid.receipt.number,
      returned.creditNote.number,
      invoice.number,
    ]);
    await runWorkerOnce();
    expect(jobs().map((j) => j.status)).toEqual(['done', 'done', 'done']);
    const all = emulator.captures.map((c) => c.lines.join('\n'));
    expect(all[1]).toContain('CREDIT NOTE (RETURN)');
    expect(all[1]).toContain(`Against bill ${invoice.number}`);
    expect(all[2]).toContain('PAYMENT RECEIVED');
    expect(all[2]).toMatch(/^Khata balance now +300\.00 +\{bold\}$/m);
  });

  it('a bill that fails writes no print job, and with no printer set up a bill prints nothing', async () => {
    await billedShop();
    const before = jobs().length;
    await expect(shop.cashier.sales.finalize({ id: randomUUID(), lines: [], payments: [] })).rejects.toThrow();
    expect(jobs()).toHaveLength(before);
    await shop.owner.settings.set({ key: 'printers', value: [] });
    const item = await shop.manager.catalogue.list({ limit: 1, offset: 0 });
    await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.rows[0]!.id, qtyMilli: 1000 }],
      payments: [{ mode: 'cash', amountPaise: 100_000 }],
    });
    expect(jobs()).toHaveLength(before);
  });
});

describe('the cash drawer opens at the moment of a cash payment, never minutes later', () => {
  const kicked = (capture: { lines: string[] }) => capture.lines.includes('[DRAWER KICK pin 2]');

  it('a cash bill made while the printer was off prints when it is back, without opening the drawer', async () => {
    const invoice = await billedShop();
    await emulator.close();
    await runWorkerOnce();
    expect(jobs()[0]).toMatchObject({ status: 'queued', lastError: expect.stringContaining('refused') });
    laterBy(5 * 60_000);
    await emulator.listen();
    await runWorkerOnce();
    expect(jobs()[0]).toMatchObject({ status: 'done' });
    expect(printedWhole(invoice.number)).toHaveLength(1);
    expect(emulator.captures.filter(kicked)).toEqual([]);
  });

  it('a printer back within seconds still opens the drawer with the receipt', async () => {
    const invoice = await billedShop();
    await emulator.close();
    await runWorkerOnce();
    laterBy(2_000);
    await emulator.listen();
    await runWorkerOnce();
    expect(printedWhole(invoice.number)).toHaveLength(1);
    expect(emulator.captures[0]!.lines[0]).toBe('[DRAWER KICK pin 2]');
  });

  it('a reprint of a cash bill never opens the drawer, even straight away', async () => {
    const invoice = await billedShop();
    await runWorkerOnce();
    expect(kicked(emulator.captures[0]!)).toBe(true);
    await shop.cashier.printing.reprint({ docType: 'invoice', docId: invoice.id });
    await runWorkerOnce();
    expect(emulator.captures).toHaveLength(2);
    expect(kicked(emulator.captures[1]!)).toBe(false);
  });
});

describe('a printer that is not ready leaves the job queued, and it prints later exactly once', () => {
  it.each(['offline', 'paper-out'] as const)(
    '%s: nothing is sent, the job waits, then prints once unmarked',
    async (mode) => {
      const invoice = await billedShop();
      emulator.setMode(mode);
      await runWorkerOnce();
      expect(jobs()[0]).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: mode === 'offline' ? expect.stringContaining('offline') : 'paper out',
      });
      expect(emulator.captures).toHaveLength(0);
      emulator.setMode('online');
      await runWorkerOnce();
      expect(emulator.captures).toHaveLength(0); // still backing off
      laterBy(60_000);
      await runWorkerOnce();
      expect(jobs()[0]).toMatchObject({ status: 'done', attempts: 2 });
      expect(printedWhole(invoice.number)).toHaveLength(1);
      expect(emulator.captures[0]!.lines.join('\n')).not.toContain('REPRINT');
      expect(emulator.discarded).toBe(0);
    },
  );

  it('refused connection (printer switched off): retried with growing backoff until it is back', async () => {
    const invoice = await billedShop();
    await emulator.close();
    await runWorkerOnce();
    laterBy(1_000);
    await runWorkerOnce();
    expect(jobs()[0]).toMatchObject({ status: 'queued', attempts: 2, lastError: expect.stringContaining('refused') });
    const due = shop.t.ledger.sqlite.prepare('SELECT next_attempt_at FROM print_jobs').pluck().get() as string;
    expect(Date.parse(due) - now.getTime()).toBe(2_000);
    await emulator.listen();
    laterBy(2_000);
    await runWorkerOnce();
    expect(jobs()[0]).toMatchObject({ status: 'done', attempts: 3 });
    expect(printedWhole(invoice.number)).toHaveLength(1);
  });
});

describe('a stall mid-job or a restart mid-print cannot lose the receipt or pass a second copy off as the first', () => {
  it('a stall leaves a partial receipt; the retry prints the whole receipt once more, marked REPRINT', async () => {
    const invoice = await billedShop();
    emulator.setMode('stall', { stallAfterBytes: 300 });
    await runWorkerOnce();
    expect(jobs()[0]).toMatchObject({ status: 'printing', lastError: expect.stringContaining('stalled') });
    expect(emulator.captures).toHaveLength(1);
    expect(emulator.captures[0]!.complete).toBe(false);
    expect(emulator.captures[0]!.lines).not.toContain('[CUT]');
    emulator.setMode('online');
    laterBy(60_000);
    await runWorkerOnce();
    expect(jobs()[0]).toMatchObject({ status: 'done', attempts: 2 });
    const whole = printedWhole(invoice.number);
    expect(whole).toHaveLength(1);
    expect(whole[0]!.lines[0]).toContain('*** REPRINT / DUPLICATE ***');
    expect(whole[0]!.lines).not.toContain('[DRAWER KICK pin 2]');
  });

  it('an app restart with a job marked printing resolves it at start-up: printed once more, marked REPRINT', async () => {
    const invoice = await billedShop();
    expect(claimDueJob(shop.t.ledger, 60_000)?.job.status).toBe('printing'); // the app dies here, before or while sending
    shop.t.ledger.close();
    const reopened = tempLedger({ dir: shop.t.dir, clock: () => now });
    shop = { ...shop, t: reopened };
    await runWorkerOnce();
    expect(jobs()[0]).toMatchObject({ status: 'done', attempts: 2 });
    const whole = printedWhole(invoice.number);
    expect(whole).toHaveLength(1);
    expect(whole[0]!.lines[0]).toContain('REPRINT');
  });

  it('an app restart with a job still queued prints it once, unmarked, and running the worker twice at once prints nothing twice', async () => {
    const invoice = await billedShop();
    shop.t.ledger.close();
    shop = { ...shop, t: tempLedger({ dir: shop.t.dir, clock: () => now }) };
    const worker = startPrintWorker(shop.t.ledger, TEST_PRINT_CONFIG, { poll: false });
    await Promise.all([worker.runDue(), worker.runDue(), worker.runDue()]);
    await worker.stop();
    expect(printedWhole(invoice.number)).toHaveLength(1);
    expect(emulator.captures[0]!.lines.join('\n')).not.toContain('REPRINT');
  });
});

describe('reprint and test print', () => {
  it('reprints any document at any time, marked as a duplicate, and reports queue state', async () => {
    const invoice = await billedShop();
    await runWorkerOnce();
    const again = await shop.cashier.printing.reprint({ docType: 'invoice', docId: invoice.id });
    expect((await shop.cashier.printing.jobs({})).pending).toBe(1);
    await runWorkerOnce();
    expect((await shop.cashier.printing.jobs({ docId: invoice.id })).jobs.map((j) => j.status)).toEqual([
      'done',
      'done',
    ]);
    expect(emulator.captures.map((c) => c.lines[0]!.includes('REPRINT'))).toEqual([false, true]);
    expect(again.docId).toBe(invoice.id);
    await expect(shop.cashier.printing.reprint({ docType: 'invoice', docId: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('closing a shift prints its Z-report with the expected cash, and it can be printed again on request', async () => {
    await billedShop();
    const summary = await shop.cashier.cashSessions.close({ countedPaise: 196_800, note: '' });
    expect(
      jobs()
        .filter((job) => job.docId === summary.session.id)
        .map((job) => job.status),
    ).toEqual(['queued']);
    shop.t.ledger.sqlite.prepare("DELETE FROM print_jobs WHERE doc_type != 'z_report'").run();
    await runWorkerOnce();
    const text = emulator.captures[0]!.lines.join('\n');
    expect(text).toContain('Z-REPORT counter C1');
    expect(text).not.toContain('REPRINT');
    expect(text).toMatch(/^Expected cash Rs\. +1,968\.00 +\{bold\}$/m);
    expect(text).toMatch(/^Difference +0\.00 +\{bold\}$/m);
    await shop.cashier.printing.reprint({ docType: 'z_report', docId: summary.session.id });
    await runWorkerOnce();
    expect(emulator.captures[1]!.lines.join('\n')).toContain('REPRINT');
  });

  it('the Z-report names who opened and closed the shift and who billed, and totals GST by rate', async () => {
    const first = await billedShop();
    const item = (await shop.manager.catalogue.list({ limit: 50, offset: 0 })).rows.find(
      (row) => row.gstRateBp === 1800,
    )!;
    const second = await shop.manager.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'upi', amountPaise: item.pricePaise }],
    });
    const summary = await shop.manager.cashSessions.close({ countedPaise: 196_800, note: '' });
    expect(summary).toMatchObject({ openedByName: 'Chetan (cashier)', closedByName: 'Manoj (manager)' });
    expect(summary.cashiers).toEqual([
      { staffId: shop.ids.cashier, name: 'Chetan (cashier)', invoiceCount: 1, salesPaise: first.totalPaise },
      { staffId: shop.ids.manager, name: 'Manoj (manager)', invoiceCount: 1, salesPaise: second.invoice.totalPaise },
    ]);
    expect(summary.gstSales.map((row) => row.gstRateBp)).toEqual([0, 500, 1800]);
    const sum = (key: 'taxablePaise' | 'cgstPaise' | 'sgstPaise') =>
      summary.gstSales.reduce((total, row) => total + row[key], 0);
    expect(sum('taxablePaise')).toBe(first.taxablePaise + second.invoice.taxablePaise);
    expect(sum('cgstPaise')).toBe(first.cgstPaise + second.invoice.cgstPaise);
    shop.t.ledger.sqlite.prepare("DELETE FROM print_jobs WHERE doc_type != 'z_report'").run();
    await runWorkerOnce();
    const text = emulator.captures[0]!.lines.join('\n');
    expect(text).toMatch(/^Opened \d\d-\d\d-2026 \d\d:\d\d by Chetan \(cashier\)$/m);
    expect(text).toMatch(/^Closed \d\d-\d\d-2026 \d\d:\d\d by Manoj \(manager\)$/m);
    expect(text).toMatch(/^Billed by +\{bold\}$/m);
    expect(text).toMatch(/^ +Chetan \(cashier\) \(1 bill\) +[\d,]+\.\d\d$/m);
    expect(text).toMatch(/^ +Manoj \(manager\) \(1 bill\) +[\d,]+\.\d\d$/m);
    expect(text).toMatch(/^GST on sales +\{bold\}$/m);
    expect(text).toMatch(/^ +18% taxable +[\d,]+\.\d\d$/m);
    const money = (paise: number) => (paise / 100).toLocaleString('en-IN', { minimumFractionDigits: 2 });
    expect(text).toMatch(new RegExp(`^ +Total CGST +${money(sum('cgstPaise'))}$`, 'm'));
  });

  it('the settings test print shows columns, Hindi as raster, QR, barcode, cut and drawer kick', async () => {
    await billedShop();
    await shop.cashier.printing.testPrint({ printerId: 'counter-1' });
    shop.t.ledger.sqlite.prepare("DELETE FROM print_jobs WHERE doc_type != 'test'").run();
    await runWorkerOnce();
    const lines = emulator.captures[0]!.lines;
    expect(lines).toEqual(
      expect.arrayContaining([
        '[DRAWER KICK pin 2]',
        '123456789012345678901234567890123456789012345678',
        '[RASTER 576x29 dots]',
        '[BARCODE CODE128 GALLA-TEST]',
        '[CUT]',
      ]),
    );
  });

  it('refuses a printer list with two defaults and a job for a printer that was removed fails, visibly', async () => {
    await billedShop();
    await expect(
      shop.owner.settings.set({ key: 'printers', value: [emulatorPrinter(1), emulatorPrinter(2, { id: 'second' })] }),
    ).rejects.toThrow(/only one printer can be the default/);
    await shop.owner.settings.set({ key: 'printers', value: [emulatorPrinter(emulator.port, { id: 'other' })] });
    await runWorkerOnce();
    expect(jobs()[0]).toMatchObject({ status: 'failed', lastError: expect.stringContaining('no longer set up') });
  });
});

describe('"Retry now" on the Settings print jobs list', () => {
  it('queues a failed job again and it prints at once; a waiting job is due now; a printed one is left as it is', async () => {
    const invoice = await billedShop();
    const printer = emulatorPrinter(emulator.port);
    // The printer it was meant for was removed: the job fails, visibly.
    await shop.owner.settings.set({ key: 'printers', value: [emulatorPrinter(emulator.port, { id: 'other' })] });
    await runWorkerOnce();
    const failed = jobs()[0]!;
    expect(failed.status).toBe('failed');
    expect((await shop.cashier.printing.jobs({ limit: 10 })).pending).toBe(0);

    // Set up again, then "Retry now": queued, due this instant, and it prints without waiting for a backoff.
    await shop.owner.settings.set({ key: 'printers', value: [printer] });
    laterBy(5_000);
    const retried = await shop.cashier.printing.retry({ jobId: failed.id });
    expect(retried).toMatchObject({ id: failed.id, status: 'queued', nextAttemptAt: now.toISOString() });
    expect((await shop.cashier.printing.jobs({ limit: 10 })).pending).toBe(1);
    await runWorkerOnce();
    expect(jobs()[0]).toMatchObject({ status: 'done' });
    expect(printedWhole(invoice.number)).toHaveLength(1);

    // A printed job is not printed again by "Retry now" (a reprint is its own button, marked as a duplicate).
    const done = await shop.cashier.printing.retry({ jobId: failed.id });
    expect(done.status).toBe('done');
    await runWorkerOnce();
    expect(printedWhole(invoice.number)).toHaveLength(1);
    await expect(shop.cashier.printing.retry({ jobId: randomUUID() })).rejects.toThrow('No such print job.');
  });

  it('a job waiting out its backoff is due straight after "Retry now", and one being printed counts as waiting', async () => {
    await billedShop();
    emulator.setMode('offline');
    await runWorkerOnce();
    const waiting = jobs()[0]!;
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    emulator.setMode('online');
    await runWorkerOnce();
    expect(emulator.captures).toHaveLength(0); // still backing off
    expect(await shop.cashier.printing.retry({ jobId: waiting.id })).toMatchObject({ status: 'queued' });
    // Claimed by a worker (status 'printing'): still counted as waiting for the printer.
    const claimed = claimDueJob(shop.t.ledger, 30_000);
    expect(claimed?.job.id).toBe(waiting.id);
    expect(jobs()[0]!.status).toBe('printing');
    expect((await shop.cashier.printing.jobs({ limit: 10 })).pending).toBe(1);
  });
});
