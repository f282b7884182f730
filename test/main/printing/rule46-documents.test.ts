// Every particular of CGST Rule 46 on the A4 and A5 tax invoice PDFs and the thermal receipt (as the emulated ESC/POS
// printer prints it), for a same-state bill to a registered trader and an other-state bill of ₹50,000 or more to a
// buyer without a GSTIN; and a bill of supply (Rule 49) for a composition shop and for exempt goods.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { readPdf } from '../../support/pdf-text';
import { emulatorPrinter, TEST_PRINT_CONFIG, usePrinter } from '../../support/printing';
import { missingParticulars, type BillOnPaper } from '../../support/rule46';
import { invoicePdf } from '../../../src-main/printing/invoice-pdf';
import { startPrintWorker } from '../../../src-main/printing/worker';
import { startPrinterEmulator, type PrinterEmulator } from '../../../src-main/printing/emulator/server';
import { transcriptPng } from '../../../src-main/printing/emulator/preview';

let shop: Shop;
let emulator: PrinterEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  shop?.t.cleanup();
});

const CASH = [{ mode: 'cash' as const, amountPaise: 1_00_00_000 }];
const OUT = os.tmpdir();

async function shopWithPrinter(taxScheme: 'regular' | 'composition' = 'regular') {
  shop = await shopWithStaff();
  emulator = await startPrinterEmulator();
  await usePrinter(shop, emulatorPrinter(emulator.port, { width: 80 }));
  if (taxScheme === 'composition') {
    const current = await shop.owner.settings.all();
    await shop.owner.settings.set({ key: 'shop', value: { ...current.shop!, taxScheme } });
  }
}

/** A same-state bill to a registered Pune trader: tea by the piece, sugar by the kilo, rice at 5 %. */
async function intraStateB2b() {
  await shopWithPrinter();
  const tea = await shop.manager.catalogue.create(
    itemInput({ name: 'Tea 250g', pricePaise: 10_000, priceIncludesTax: false, gstRateBp: 1800, hsn: '0902' }),
  );
  const sugar = await shop.manager.catalogue.create(
    itemInput({
      name: 'Sugar loose',
      unit: 'kg',
      pricePaise: 4_500,
      priceIncludesTax: false,
      gstRateBp: 500,
      hsn: '1701',
    }),
  );
  const trader = await shop.cashier.parties.create({
    name: 'Pune Traders',
    gstin: '27AABCP1234Q1Z7',
    stateCode: '27',
    address: 'Shop 4, Market Yard, Pune 411037',
  });
  return shop.cashier.sales.finalize({
    id: randomUUID(),
    partyId: trader.id,
    lines: [
      { itemId: tea.id, qtyMilli: 3000 },
      { itemId: sugar.id, qtyMilli: 2500 },
    ],
    payments: CASH,
  });
}

/** An other-state buyer without a GSTIN, a television of ₹55,000 before tax, delivered to another address. */
async function interStateB2cLarge(setUp = true) {
  if (setUp) await shopWithPrinter();
  const tv = await shop.manager.catalogue.create(
    itemInput({ name: 'LED TV 55 inch', pricePaise: 55_00_000, priceIncludesTax: false, gstRateBp: 1800, hsn: '8528' }),
  );
  const asha = await shop.cashier.parties.create({
    name: 'Asha Rao',
    phone: '9845000000',
    stateCode: '29',
    address: '12 Indiranagar, Bengaluru 560038',
  });
  return { tv, asha };
}

async function printedReceipts(): Promise<string[][]> {
  const worker = startPrintWorker(shop.t.ledger, TEST_PRINT_CONFIG, { poll: false });
  await worker.runDue();
  await worker.stop();
  return emulator!.captures.map((capture) => capture.lines);
}

async function pdfText(invoiceId: string, pageSize: 'A4' | 'A5', file: string): Promise<string[]> {
  const { pdf } = await invoicePdf(shop.t.ledger, invoiceId, pageSize);
  fs.writeFileSync(path.join(OUT, `${file}-${pageSize}.pdf`), pdf);
  const pages = await readPdf(pdf);
  expect(pages).toHaveLength(1);
  return pages[0]!.lines;
}

/** The bill as its documents must show it: read back from the ledger, as the printers get it. */
async function onPaper(invoiceId: string): Promise<BillOnPaper> {
  return shop.cashier.sales.get({ id: invoiceId });
}

async function expectEveryParticular(invoiceId: string, file: string) {
  const bill = await onPaper(invoiceId);
  expect(bill.invoice.number.length).toBeLessThanOrEqual(16);
  expect(bill.invoice.number).toMatch(/^[A-Z0-9/-]+$/);
  for (const size of ['A4', 'A5'] as const)
    expect(missingParticulars('pdf', bill, await pdfText(invoiceId, size, file)), `${size} PDF`).toEqual([]);
  const [receipt] = await printedReceipts();
  fs.writeFileSync(path.join(OUT, `${file}-receipt.png`), transcriptPng(emulator!.captures[0]!.entries, 576));
  expect(missingParticulars('receipt', bill, receipt!), 'thermal receipt').toEqual([]);
  return { bill, receipt: receipt! };
}

describe('a tax invoice carries every particular of CGST Rule 46', () => {
  it('same-state bill to a registered trader: both GSTINs, CGST and SGST each at half the rate, units for pieces and kilos', async () => {
    const sale = await intraStateB2b();
    expect(sale.invoice).toMatchObject({ interState: false, placeOfSupply: '27', igstPaise: 0 });
    expect(sale.supply).toEqual({
      billOfSupply: false,
      composition: false,
      recipientAddress: 'Shop 4, Market Yard, Pune 411037',
      deliveryAddress: '',
    });
    const { receipt } = await expectEveryParticular(sale.invoice.id, 'galla-rule46-b2b');
    expect(receipt.join('\n')).toMatch(/^ +3 pcs x 100\.00 @18% +300\.00$/m);
    expect(receipt.join('\n')).toMatch(/^ +2\.5 kg x 45\.00 @5% +112\.50$/m);
  });

  it('other-state bill of ₹50,000 or more to a buyer without a GSTIN: name, address, address of delivery, State by name and code, IGST', async () => {
    const { tv, asha } = await interStateB2cLarge();
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      partyId: asha.id,
      lines: [{ itemId: tv.id, qtyMilli: 1000 }],
      deliveryAddress: '45 Residency Road, Bengaluru 560025',
      payments: CASH,
    });
    expect(sale.invoice).toMatchObject({ interState: true, placeOfSupply: '29', taxablePaise: 55_00_000 });
    expect(sale.invoice.igstPaise).toBe(9_90_000);
    const { bill } = await expectEveryParticular(sale.invoice.id, 'galla-rule46-b2cl');
    expect(bill.supply.deliveryAddress).toBe('45 Residency Road, Bengaluru 560025');
  });

  it('refuses such a bill without the address of delivery or without the buyer, in shop words, and writes nothing', async () => {
    const { tv, asha } = await interStateB2cLarge();
    const bill = { lines: [{ itemId: tv.id, qtyMilli: 1000 }], payments: CASH };
    await expect(shop.cashier.sales.finalize({ id: randomUUID(), partyId: asha.id, ...bill })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A bill of ₹50,000 or more to a buyer without a GSTIN needs the address of delivery (GST Rule 46).',
    });
    await expect(shop.cashier.sales.finalize({ id: randomUUID(), ...bill })).rejects.toMatchObject({
      message:
        'A bill of ₹50,000 or more to a buyer without a GSTIN must name the buyer (GST Rule 46): choose the customer.',
    });
    expect((await shop.cashier.sales.list({ limit: 10, offset: 0 })).total).toBe(0);
    // Just under ₹50,000 of taxable value, no address is asked for.
    const small = await shop.manager.catalogue.create(
      itemInput({ name: 'Fridge', pricePaise: 49_999_99, priceIncludesTax: false, gstRateBp: 1800, hsn: '8418' }),
    );
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: small.id, qtyMilli: 1000 }],
      payments: CASH,
    });
    expect(sale.invoice.taxablePaise).toBe(49_999_99);
  });
});

describe('a bill of supply (Rule 49) instead of a tax invoice', () => {
  it('a composition shop charges no GST and says so at the top: no tax columns at all', async () => {
    await shopWithPrinter('composition');
    const notebook = await shop.manager.catalogue.create(
      itemInput({ name: 'Notebook 200 pages', pricePaise: 5_000, gstRateBp: 1200, hsn: '4820' }),
    );
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: notebook.id, qtyMilli: 4000 }],
      payments: CASH,
    });
    expect(sale.invoice).toMatchObject({ totalPaise: 20_000, taxablePaise: 20_000, cgstPaise: 0, sgstPaise: 0 });
    expect(sale.lines[0]).toMatchObject({ gstRateBp: 0, cessRateBp: 0 });
    expect(sale.supply).toMatchObject({ billOfSupply: true, composition: true });
    const { receipt } = await expectEveryParticular(sale.invoice.id, 'galla-bill-of-supply');
    // Rule 5(1)(g): the declaration is the first thing printed.
    expect(receipt.find((line) => /\w/.test(line) && !line.startsWith('['))).toMatch(/^ *Composition taxable person/);
  });

  it('a regular shop selling only exempt goods issues a bill of supply with the exempt declaration', async () => {
    await shopWithPrinter();
    const milk = await shop.manager.catalogue.create(
      itemInput({ name: 'Fresh milk 1 L', pricePaise: 6_000, gstRateBp: 0, hsn: '0401' }),
    );
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: milk.id, qtyMilli: 2000 }],
      payments: CASH,
    });
    expect(sale.supply).toMatchObject({ billOfSupply: true, composition: false });
    await expectEveryParticular(sale.invoice.id, 'galla-bill-of-supply-exempt');
  });
});
