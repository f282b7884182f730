// Paying a supplier prints a slip through the print queue, as a khata payment prints its receipt: what went out, how,
// and what is still owed, in English or Hindi; it can be printed again (marked as a duplicate, the drawer shut).
// The Z-report of the shift counts cash paid on a purchase bill with the supplier payments.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { emulatorPrinter, TEST_PRINT_CONFIG, usePrinter } from '../../support/printing';
import { startPrinterEmulator, type PrinterEmulator } from '../../../src-main/printing/emulator/server';
import { startPrintWorker } from '../../../src-main/printing/worker';
import { shopBusinessDate, shopDate } from '../../../src-shared/shop-time';

let shop: Shop;
let emulator: PrinterEmulator;
afterEach(async () => {
  await emulator?.close();
  shop?.t.cleanup();
});

async function printingShop(receiptLanguage: 'en' | 'hi' = 'en') {
  shop = await shopWithStaff();
  emulator = await startPrinterEmulator();
  await usePrinter(shop, emulatorPrinter(emulator.port, { width: 58 }));
  if (receiptLanguage !== 'en') {
    const current = await shop.owner.settings.all();
    await shop.owner.settings.set({ key: 'shop', value: { ...current.shop!, receiptLanguage } });
  }
  return shop.manager.parties.create({ kind: 'supplier', name: 'Shree Traders', openingBalancePaise: 2_500_00 });
}

async function runWorkerOnce() {
  const worker = startPrintWorker(shop.t.ledger, TEST_PRINT_CONFIG, { poll: false });
  await worker.runDue();
  await worker.stop();
}

const transcript = (index: number) => emulator.captures[index]!.lines.join('\n');

describe('the supplier payment slip', () => {
  it('a cash payment queues its slip with the payment; it shows the amount, the due left and opens the drawer', async () => {
    const supplier = await printingShop();
    const paid = await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 1_000_00,
      mode: 'cash',
    });
    expect((await shop.cashier.printing.jobs({ docId: paid.id })).jobs.map((job) => job.docNumber)).toEqual([
      paid.number,
    ]);
    await runWorkerOnce();
    expect(emulator.captures).toHaveLength(1);
    const text = transcript(0);
    expect(emulator.captures[0]!.complete).toBe(true);
    expect(text).toContain('Galla Kirana');
    expect(text).toContain('PAYMENT TO SUPPLIER');
    expect(text).toMatch(new RegExp(`^Payment No +${paid.number}$`, 'm'));
    expect(text).toContain('Paid to: Shree Traders');
    expect(text).toMatch(/^Paid by Cash Rs\. +1,000\.00 +\{bold/m);
    expect(text).toMatch(/^Still owed to supplier +1,500\.00 +\{bold\}$/m);
    expect(text).toContain('Received by (sign)');
    expect(text).toContain('[DRAWER KICK');
    expect(text).not.toContain('REPRINT');
  });

  it('a cheque slip names the cheque; printed again from the statement it is marked a duplicate and keeps the drawer shut', async () => {
    const supplier = await printingShop();
    const today = shopBusinessDate(new Date());
    const first = await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 500_00,
      mode: 'cheque',
      reference: '004417',
      chequeDate: today,
    });
    // A later payment: the first slip, printed again, still shows the due right after it.
    await shop.manager.payables.pay({ id: randomUUID(), supplierId: supplier.id, amountPaise: 700_00, mode: 'upi' });
    await runWorkerOnce();
    const row = (await shop.cashier.payables.statement({ supplierId: supplier.id })).rows.find(
      (entry) => entry.docNumber === first.number,
    )!;
    // Anyone logged in may print it again (the statement's button): a cashier here.
    await shop.cashier.printing.reprint({ docType: 'supplier_payment', docId: row.docId! });
    await runWorkerOnce();
    expect(emulator.captures).toHaveLength(3);
    const original = transcript(0);
    expect(original).toMatch(/^Paid by Cheque Rs\. +500\.00/m);
    expect(original).toMatch(/^Cheque No +004417$/m);
    expect(original).toMatch(new RegExp(`^Cheque date +${shopDate(today)}$`, 'm'));
    expect(original).not.toContain('[DRAWER KICK');
    expect(transcript(1)).toMatch(/^Still owed to supplier +1,300\.00/m);
    const again = transcript(2);
    expect(again).toContain('REPRINT');
    expect(again).toMatch(new RegExp(`^Payment No +${first.number}$`, 'm'));
    expect(again).toMatch(/^Still owed to supplier +2,000\.00/m);
    expect(again).not.toContain('[DRAWER KICK');
    await expect(
      shop.cashier.printing.reprint({ docType: 'supplier_payment', docId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('prints in Hindi when Settings says Hindi', async () => {
    const supplier = await printingShop('hi');
    const paid = await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 250_00,
      mode: 'cash',
    });
    const preview = await shop.cashier.printing.preview({ docType: 'supplier_payment', docId: paid.id });
    expect(preview).toContainEqual(expect.stringMatching(/सप्लायर को भुगतान/));
    expect(preview).toContainEqual(expect.stringMatching(new RegExp(`^भुगतान नं\\. +${paid.number}$`)));
    expect(preview).toContainEqual(expect.stringMatching(/^भुगतान नकद ₹ +250\.00$/));
    expect(preview).toContainEqual(expect.stringMatching(/^सप्लायर का बकाया अब +2,250\.00$/));
    await runWorkerOnce();
    const text = transcript(0);
    expect(text).not.toMatch(/PAYMENT TO SUPPLIER|Paid by|Still owed/);
    // The Hindi words come out as raster images; the number stays text.
    expect(emulator.captures[0]!.lines.filter((line) => line.startsWith('[RASTER')).length).toBeGreaterThanOrEqual(4);
    expect(text).toContain(paid.number);
  });

  it('the Z-report counts cash paid on a purchase bill with cash paid to suppliers', async () => {
    const supplier = await printingShop();
    const soap = await shop.manager.catalogue.create(itemInput({ pricePaise: 5_900 }));
    // 10 soaps at ₹40 + 18 % GST: ₹472.00, ₹300.00 paid in cash on the bill.
    await shop.manager.purchases.finalise({
      id: randomUUID(),
      supplierId: supplier.id,
      supplierInvoiceNumber: 'ST/1',
      supplierInvoiceDate: shopBusinessDate(new Date()),
      lines: [{ itemId: soap.id, qtyMilli: 10_000, ratePaise: 4_000, gstRateBp: 1800 }],
      payments: [{ mode: 'cash', amountPaise: 300_00 }],
    });
    await shop.manager.payables.pay({ id: randomUUID(), supplierId: supplier.id, amountPaise: 200_00, mode: 'cash' });
    // ₹1,000 float − ₹300 − ₹200 = ₹500 expected.
    await shop.cashier.cashSessions.close({ countedPaise: 500_00, note: '' });
    shop.t.ledger.sqlite.prepare("DELETE FROM print_jobs WHERE doc_type != 'z_report'").run();
    await runWorkerOnce();
    const text = transcript(0);
    expect(text).toMatch(/^Paid to suppliers +-500\.00$/m);
    expect(text).toMatch(/^Expected cash Rs\. +500\.00 +\{bold\}$/m);
    expect(text).toMatch(/^Difference +0\.00 +\{bold\}$/m);
  });
});
