// The A4/A5 GST tax invoice PDF: both GSTINs, place of supply, HSN-wise tax, totals and the amount in Indian words,
// read back with pdf.js.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { pdfLines, readPdf } from '../../support/pdf-text';
import { invoicePdf } from '../../../src-main/printing/invoice-pdf';
import { startPrintWorker } from '../../../src-main/printing/worker';
import { appRouter } from '../../../src-main/trpc/app-router';
import { createCallerFactory } from '../../../src-main/trpc/init';
import { emulatorPrinter, TEST_PRINT_CONFIG, usePrinter } from '../../support/printing';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

/** A B2B bill to a Karnataka trader (IGST) worth over a lakh, with two HSN codes and a Hindi item name. */
async function b2bInvoice() {
  shop = await shopWithStaff();
  const oil = await shop.manager.catalogue.create(
    itemInput({
      name: 'Sunflower Oil 15 L tin',
      pricePaise: 1_800_000,
      priceIncludesTax: false,
      gstRateBp: 500,
      hsn: '1512',
    }),
  );
  const ghee = await shop.manager.catalogue.create(
    itemInput({ name: 'देसी घी 1 किलो', pricePaise: 60_000, priceIncludesTax: false, gstRateBp: 1200, hsn: '0405' }),
  );
  const trader = await shop.cashier.parties.create({
    name: 'Bengaluru Traders',
    gstin: '29AAPFU0939F1ZR',
    phone: '9900000000',
    address: '12 KR Market, Bengaluru',
  });
  return shop.cashier.sales.finalize({
    id: randomUUID(),
    partyId: trader.id,
    lines: [
      { itemId: oil.id, qtyMilli: 6000 },
      { itemId: ghee.id, qtyMilli: 2000 },
    ],
    payments: [
      { mode: 'upi', amountPaise: 100_000 },
      { mode: 'khata', amountPaise: 11_374_400 },
    ],
  });
}

/** The one page of an invoice: its size, its rows (a table row on one line) and its text in drawing order. */
async function invoicePage(pdf: Buffer) {
  const pages = await readPdf(pdf);
  expect(pages).toHaveLength(1);
  const page = pages[0]!;
  return { ...page, text: page.lines.join('\n') };
}

describe('the tax invoice PDF', () => {
  it('carries both GSTINs, place of supply, HSN-wise IGST, the total and the amount in words (lakh)', async () => {
    const sale = await b2bInvoice();
    expect(sale.invoice).toMatchObject({ totalPaise: 11_474_400, igstPaise: 554_400, interState: true });
    const { pdf, fileName } = await invoicePdf(shop.t.ledger, sale.invoice.id, 'A4');
    expect(fileName).toBe(`${sale.invoice.number}.pdf`);
    const page = await invoicePage(pdf);
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    const text = page.text;
    expect(text).toContain('TAX INVOICE');
    expect(text).toContain(`Invoice No: ${sale.invoice.number}`);
    expect(text).toContain('GSTIN: 27AAPFU0939F1ZV');
    expect(text).toContain('GSTIN: 29AAPFU0939F1ZR');
    expect(text).toContain('Place of supply: Karnataka (29)');
    expect(text).toMatch(/1512\s+1,08,000\.00\s+5%\s+5,400\.00\s+0\.00\s+5,400\.00/);
    expect(text).toMatch(/0405\s+1,200\.00\s+12%\s+144\.00\s+0\.00\s+144\.00/);
    expect(text).toMatch(/IGST\s+₹5,544\.00/);
    expect(text).toMatch(/Invoice total\s+₹1,14,744\.00/);
    // Drawing order keeps the words' paragraph whole (the signature box sits beside it on the page).
    expect(page.drawn).toContain('Rupees One Lakh Fourteen Thousand Seven Hundred Forty Four Only');
    expect(text).toContain('Authorised Signatory');
    expect(text).toContain('Due on khata (credit): ₹1,13,744.00');
  });

  it('fits on A5 too, with CGST+SGST for a same-state walk-in customer', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(
      itemInput({ name: 'Tea 250g', pricePaise: 11_800, gstRateBp: 1800, hsn: '0902' }),
    );
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'cash', amountPaise: 20_000 }],
    });
    const page = await invoicePage((await invoicePdf(shop.t.ledger, sale.invoice.id, 'A5')).pdf);
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([420, 595]);
    const text = page.text;
    expect(text).toContain('Cash customer');
    expect(text).toContain('Intra-state supply (CGST + SGST)');
    expect(text).toMatch(/CGST\s+₹9\.00/);
    expect(text).toMatch(/SGST\s+₹9\.00/);
    expect(text.replace(/\s+/g, ' ')).toContain('Rupees One Hundred Eighteen Only');
  });

  it('a bill with a bill discount totals taxable value + taxes ± round-off, never a "Gross" of mixed prices', async () => {
    shop = await shopWithStaff();
    const tea = await shop.manager.catalogue.create(itemInput({ name: 'Tea 250g', pricePaise: 14_000, hsn: '0902' }));
    const sale = await shop.manager.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: tea.id, qtyMilli: 1000 }],
      billDiscount: { kind: 'percent', bp: 1000 },
      payments: [{ mode: 'cash', amountPaise: 20_000 }],
    });
    const lines = await pdfLines((await invoicePdf(shop.t.ledger, sale.invoice.id, 'A4')).pdf);
    expect(lines.join('\n')).not.toMatch(/Gross/);
    expect(lines).toContainEqual(expect.stringMatching(/^1 Tea 250g 0902 1 pcs 140\.00\* 14\.00 106\.78 18% 126\.00$/));
    expect(lines).toContain('* rate includes GST');
    const figure = (label: string) => lines.find((line) => line.startsWith(`${label} ₹`))?.slice(label.length + 2);
    const paise = (text: string | undefined) => Math.round(Number(text!.replaceAll(',', '')) * 100);
    expect(
      paise(figure('Taxable value')) +
        paise(figure('CGST')) +
        paise(figure('SGST')) +
        paise(figure('Round off') ?? '0'),
    ).toBe(paise(figure('Invoice total')));
    expect(lines.join('\n')).toContain('Discount given: ₹14.00 (already deducted from the taxable value)');
  });
});

describe('"A4 invoice" and "Print A4" from the counter screens', () => {
  const callerWith = (openFile?: (file: string) => Promise<void>) =>
    createCallerFactory(appRouter)({ ledger: shop.t.ledger, session: { staffId: shop.ids.cashier }, openFile });

  it('opens the PDF in the system viewer on the desktop, and hands it to the browser to download otherwise', async () => {
    const sale = await b2bInvoice();
    const opened: string[] = [];
    const desktop = await callerWith(async (file) => void opened.push(file)).printing.openInvoicePdf({
      invoiceId: sale.invoice.id,
    });
    expect(desktop).toEqual({ opened: true, fileName: `${sale.invoice.number}.pdf`, base64: null });
    expect(opened).toHaveLength(1);
    expect(path.basename(opened[0]!)).toBe(`${sale.invoice.number}.pdf`);
    expect((await pdfLines(fs.readFileSync(opened[0]!))).join('\n')).toContain(`Invoice No: ${sale.invoice.number}`);

    const browser = await callerWith().printing.openInvoicePdf({ invoiceId: sale.invoice.id });
    expect(browser).toMatchObject({ opened: false, fileName: `${sale.invoice.number}.pdf` });
    expect(Buffer.from(browser.base64!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('"Print A4" says plainly when no A4 printer is set up, and prints the PDF through the OS queue when one is', async () => {
    const sale = await b2bInvoice();
    await usePrinter(shop, emulatorPrinter(9100));
    await expect(
      shop.cashier.printing.reprint({ docType: 'invoice', docId: sale.invoice.id, format: 'a4' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'No A4 printer is set up. Add your office printer in Settings → Printers with the connection "Printer queue".',
    });
    const office = { ...emulatorPrinter(9100), id: 'office', name: 'Office laser', isDefault: false };
    await shop.owner.settings.set({
      key: 'printers',
      value: [emulatorPrinter(9100), { ...office, connection: { kind: 'os', queueName: 'office-laser' } }],
    });
    const job = await shop.cashier.printing.reprint({ docType: 'invoice', docId: sale.invoice.id, format: 'a4' });
    expect(job).toMatchObject({ printerId: 'office', format: 'a4', status: 'queued' });

    // CUPS' lp stands in as a script that keeps what it was given, so the test sees the bytes the queue got.
    const spool = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-lp-'));
    const lp = path.join(spool, 'lp');
    fs.writeFileSync(lp, `#!/bin/sh\necho "$@" > "${spool}/args"\ncat > "${spool}/job"\n`, { mode: 0o755 });
    const worker = startPrintWorker(
      shop.t.ledger,
      { ...TEST_PRINT_CONFIG, transport: { ...TEST_PRINT_CONFIG.transport, lpCommand: lp } },
      { poll: false },
    );
    await worker.runDue();
    await worker.stop();
    expect(fs.readFileSync(path.join(spool, 'args'), 'utf8').trim()).toBe('-d office-laser');
    const printed = fs.readFileSync(path.join(spool, 'job'));
    expect((await pdfLines(printed)).join('\n')).toContain(`Invoice No: ${sale.invoice.number}`);
  });
});
