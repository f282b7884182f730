// A print job is "printed" only once the transport confirms it: not while its bytes are on the wire, not when the
// printer drops the connection halfway, and not when the app dies mid-send. Against the real printer emulator.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { shopWithStaff, tempLedger, type Shop } from '../../support/ledger';
import { creditSale, emulatorPrinter, TEST_PRINT_CONFIG, usePrinter } from '../../support/printing';
import { startPrinterEmulator, type Capture, type PrinterEmulator } from '../../../src-main/printing/emulator/server';
import { startPrintWorker } from '../../../src-main/printing/worker';

const CHILD = new URL('./fixtures/print-once.ts', import.meta.url).pathname;

let shop: Shop;
let emulator: PrinterEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  shop?.t.cleanup();
});

type JobRow = { status: string; printedAt: string | null; attempts: number };
const jobRow = (s: Shop): JobRow =>
  s.t.ledger.sqlite.prepare('SELECT status, printed_at AS printedAt, attempts FROM print_jobs').get() as JobRow;

/** A shop with one credit bill whose receipt is queued on an emulated printer that jams after `stallAfterBytes`. */
async function billedShop(onCapture: (capture: Capture) => void, mode: 'stall' | 'reset' = 'stall') {
  shop = await shopWithStaff();
  emulator = await startPrinterEmulator({ mode, stallAfterBytes: 200, onCapture });
  await usePrinter(shop, emulatorPrinter(emulator.port));
  const { sale } = await creditSale(shop);
  expect(jobRow(shop)).toMatchObject({ status: 'queued', printedAt: null });
  return sale.invoice;
}

async function printDue() {
  const worker = startPrintWorker(shop.t.ledger, TEST_PRINT_CONFIG, { poll: false });
  await worker.runDue();
  await worker.stop();
}

const printedWhole = (number: string) =>
  emulator!.captures.filter((capture) => capture.complete && capture.lines.some((line) => line.includes(number)));

describe('a print job is never printed before the printer confirms it', () => {
  it('while the receipt is on its way the job is printing, not printed; a jam leaves it to be printed again', async () => {
    const seenMidSend: JobRow[] = [];
    const invoice = await billedShop(() => seenMidSend.push(jobRow(shop)));
    await printDue();
    expect(seenMidSend).toEqual([{ status: 'printing', printedAt: null, attempts: 1 }]);
    expect(jobRow(shop)).toMatchObject({ status: 'printing', printedAt: null });
    emulator!.setMode('online');
    await printDue();
    expect(jobRow(shop)).toMatchObject({ status: 'done', printedAt: expect.any(String) });
    expect(printedWhole(invoice.number)).toHaveLength(1);
  });

  it('the connection dying halfway leaves the job unprinted, and it is printed again marked REPRINT', async () => {
    const seenMidSend: JobRow[] = [];
    // The printer loses power with the receipt half out: its end resets the connection.
    const invoice = await billedShop(() => seenMidSend.push(jobRow(shop)), 'reset');
    await printDue();
    expect(seenMidSend).toEqual([{ status: 'printing', printedAt: null, attempts: 1 }]);
    expect(jobRow(shop)).toMatchObject({ status: 'printing', printedAt: null });
    emulator!.setMode('online');
    shop.t.ledger.sqlite.exec("UPDATE print_jobs SET next_attempt_at = '2000-01-01T00:00:00.000Z'");
    await printDue();
    expect(jobRow(shop)).toMatchObject({ status: 'done', attempts: 2 });
    const whole = printedWhole(invoice.number);
    expect(whole).toHaveLength(1);
    expect(whole[0]!.lines[0]).toContain('REPRINT');
  });

  it('the app dying mid-send leaves the job unprinted; after a restart it is printed again, marked REPRINT', async () => {
    let child: ReturnType<typeof spawn> | undefined;
    const invoice = await billedShop(() => child?.kill('SIGKILL'));
    shop.t.ledger.close();
    const killed = await new Promise<NodeJS.Signals | null>((resolve, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', CHILD, shop.t.file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? resolve(signal) : reject(new Error(`the worker was not killed mid-send: ${output}`)),
      );
    });
    expect(killed).toBe('SIGKILL');
    expect(emulator!.captures).toEqual([expect.objectContaining({ complete: false })]);

    shop = { ...shop, t: tempLedger({ dir: shop.t.dir }) };
    expect(jobRow(shop)).toMatchObject({ status: 'printing', printedAt: null, attempts: 1 });
    emulator!.setMode('online');
    await printDue();
    expect(jobRow(shop)).toMatchObject({ status: 'done', attempts: 2 });
    const whole = printedWhole(invoice.number);
    expect(whole).toHaveLength(1);
    expect(whole[0]!.lines[0]).toContain('REPRINT');
  });
});
