// A finalised bill comes out of the (emulated) thermal printer with every line, total and tax on it, in ESC/POS the emulator decodes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shopWithStaff, type Shop } from '../../support/ledger';
import { creditSale, emulatorPrinter, TEST_PRINT_CONFIG, usePrinter } from '../../support/printing';
import { startPrinterEmulator, type PrinterEmulator } from '../../../src-main/printing/emulator/server';
import { transcriptPng } from '../../../src-main/printing/emulator/preview';
import { startPrintWorker } from '../../../src-main/printing/worker';
import { formatRupees } from '../../../src-shared/money';

let shop: Shop;
let emulator: PrinterEmulator;
afterEach(async () => {
  await emulator?.close();
  shop?.t.cleanup();
});

const money = (paise: number) => formatRupees(paise, { symbol: false });

async function printFirstJob(width: 58 | 80, receiptLanguage?: 'en' | 'hi' | 'both') {
  shop = await shopWithStaff();
  emulator = await startPrinterEmulator();
  await usePrinter(shop, emulatorPrinter(emulator.port, { width }));
  if (receiptLanguage) {
    const current = await shop.owner.settings.all();
    await shop.owner.settings.set({ key: 'shop', value: { ...current.shop!, receiptLanguage } });
  }
  const bill = await creditSale(shop);
  const worker = startPrintWorker(shop.t.ledger, TEST_PRINT_CONFIG, { poll: false });
  await worker.runDue();
  await worker.stop();
  expect(emulator.captures).toHaveLength(1);
  return { ...bill, capture: emulator.captures[0]! };
}

describe('printing a receipt as ESC/POS', () => {
  it.each([58, 80] as const)('carries every line, total and tax of the invoice on %i mm paper', async (width) => {
    const { sale, capture } = await printFirstJob(width);
    const transcript = capture.lines.join('\n');
    const { invoice } = sale;
    expect(capture.complete).toBe(true);
    expect(transcript).toContain('Galla Kirana');
    expect(transcript).toContain('GSTIN: 27AAPFU0939F1ZV');
    expect(transcript).toMatch(new RegExp(`Bill No +${invoice.number}`));
    // Each line at its own price (qty × rate); the soap's own discount under it.
    for (const line of sale.lines) expect(transcript).toMatch(new RegExp(` ${money(line.grossPaise)}$`, 'm'));
    expect(transcript).toMatch(/^ +discount +-10\.00$/m);
    for (const word of [
      'Basmati',
      'Rice',
      'Premium',
      'Long',
      'Grain',
      'Aged',
      'Two',
      'Years',
      '5kg',
      'Bag',
      'Lifebuoy',
    ])
      expect(transcript).toContain(word);
    expect(transcript).toContain('[RASTER'); // the Hindi name "तूर दाल 1 किलो" has no code page: it is printed as an image
    expect(transcript).toMatch(new RegExp(`^TOTAL Rs\\. +${money(invoice.totalPaise)} +\\{bold,tall\\}$`, 'm'));
    const items = sale.lines.reduce((sum, line) => sum + line.grossPaise - line.lineDiscountPaise, 0);
    expect(transcript).toMatch(new RegExp(`^Items \\(GST incl\\.\\) +${money(items)}$`, 'm'));
    expect(transcript).toMatch(/^GST included in the prices:$/m);
    for (const rate of ['0%', '5%', '18%'])
      expect(transcript).toMatch(new RegExp(`^GST ${rate} on [\\d,]+\\.\\d\\d`, 'm'));
    expect(transcript).toMatch(new RegExp(`^Change +${money(invoice.changePaise)}`, 'm'));
    expect(transcript).toMatch(/^Khata balance now +500\.00$/m);
    expect(transcript).toContain(
      `[QR upi://pay?pa=galla%40upi&pn=Galla%20Kirana&am=500.00&cu=INR&tn=${invoice.number}]`,
    );
    expect(transcript).toContain(`[BARCODE CODE128 ${invoice.number}]`);
    expect(capture.lines[0]).toBe('[DRAWER KICK pin 2]');
    expect(capture.lines.at(-1)).toBe('[CUT]');
    expect(capture.lines.filter((l) => l.startsWith('[UNKNOWN'))).toEqual([]);
    fs.writeFileSync(
      path.join(os.tmpdir(), `galla-receipt-${width}mm.png`),
      transcriptPng(capture.entries, width === 58 ? 384 : 576),
    );
  });

  it('sends no ₹ and no Devanagari as text: the code page has neither', async () => {
    const { capture } = await printFirstJob(80);
    const textBytes = capture.entries
      .filter((e) => e.kind === 'text')
      .map((e) => (e.kind === 'text' ? e.text : ''))
      .join('');
    expect(textBytes).toMatch(/^[\x20-\x7e]*$/);
  });

  it('prints the words of the receipt in Hindi, as raster lines, when Settings says Hindi', async () => {
    const { sale, capture } = await printFirstJob(58, 'hi');
    const transcript = capture.lines.join('\n');
    const preview = await shop.cashier.printing.preview({ docType: 'invoice', docId: sale.invoice.id });
    expect(preview).toContainEqual(expect.stringMatching(/^कुल ₹ +[\d,]+\.\d\d$/));
    expect(preview).toContainEqual(expect.stringMatching(/^बिल नं\. +C1-/));
    expect(preview).toContainEqual(expect.stringMatching(/^नकद +1,000\.00$/));
    expect(transcript).not.toMatch(/TOTAL|Bill No|Cash/);
    // Every Hindi line is an image; the ASCII ones (item names, the barcode) stay text.
    expect(capture.lines.filter((line) => line.startsWith('[RASTER')).length).toBeGreaterThanOrEqual(8);
    expect(transcript).toContain('Lifebuoy Soap 125g');
    fs.writeFileSync(path.join(os.tmpdir(), 'galla-receipt-hindi-58mm.png'), transcriptPng(capture.entries, 384));
  });
});
