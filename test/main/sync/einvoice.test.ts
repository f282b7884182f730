// E-invoicing end to end against the local IRP stand-in: a B2B bill finalised while the counter is offline reaches the
// server when it reconnects, is reported to the IRP once, and the IRN and signed QR code come back to the counter, whose
// reprinted receipt and A4 PDF carry them (the QR decoded back and its signature checked); then the IRN is cancelled.
// And what must not happen: a second Generate IRN for one document, a lost answer or an unreadable reply losing the
// IRN, a bill past the 30-day window or with an address the IRP cannot take being sent at all.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { itemInput, SHOP_GSTIN } from '../../support/ledger';
import { syncedShop, type SyncedCounter, type SyncedShop } from '../../support/sync-shop';
import { asOwner, testConfig } from '../../support/server';
import { startGspStandin, STANDIN_CREDENTIALS, type GspStandin } from '../../support/gsp-standin';
import { verifyJwt } from '../../support/jwt';
import { qrCodesInPdf } from '../../support/pdf-qr';
import { pdfLines } from '../../support/pdf-text';
import { emulatorPrinter, TEST_PRINT_CONFIG, usePrinter } from '../../support/printing';
import { startPrinterEmulator, type PrinterEmulator } from '../../../src-main/printing/emulator/server';
import { startPrintWorker } from '../../../src-main/printing/worker';
import { invoicePdf } from '../../../src-main/printing/invoice-pdf';
import { documentEinvoices } from '../../../src-main/ledger/einvoice/schema';

const BUYER_GSTIN = '29AAPFU0939F1ZR';
let shop: (SyncedShop & { restartHttp(): Promise<void> }) | null = null;
let standin: GspStandin | null = null;
let emulator: PrinterEmulator | null = null;

afterEach(async () => {
  await shop?.close();
  await standin?.close();
  await emulator?.close();
  shop = standin = emulator = null;
});

async function einvoicingShop(options: { shopAddress?: string } = {}) {
  standin = await startGspStandin({ holdMs: 1_500 });
  const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'galla-irp-')), 'irp-public.pem');
  fs.writeFileSync(keyFile, standin.irpPublicKeyPem);
  const config = testConfig({
    GSP_BASE_URL: standin.url,
    GSP_CLIENT_ID: STANDIN_CREDENTIALS.clientId,
    GSP_CLIENT_SECRET: STANDIN_CREDENTIALS.clientSecret,
    GSP_API_USER: STANDIN_CREDENTIALS.userName,
    GSP_API_PASSWORD: STANDIN_CREDENTIALS.password,
    IRP_PUBLIC_KEY_FILE: keyFile,
    GSP_TIMEOUT_MS: '500',
  });
  shop = (await syncedShop(['C1'], { config })) as SyncedShop & { restartHttp(): Promise<void> };
  await shop.owner.accounts.updateShop({
    name: 'Galla Kirana',
    legalName: 'Galla Kirana Private Limited',
    gstin: SHOP_GSTIN,
    stateCode: '27',
    address: 'MG Road, Pune 411001',
  });
  await shop.owner.einvoice.setEnabled({ enabled: true });
  const counter = shop.counters[0]!;
  const current = await counter.owner.settings.all();
  await counter.owner.settings.set({
    key: 'shop',
    value: { ...current.shop!, address: options.shopAddress ?? 'Shop 4, MG Road, Pune 411001' },
  });
  return { shop, counter, standin };
}

async function b2bSale(counter: SyncedCounter, partyGstin: string | null = BUYER_GSTIN) {
  const tea = await counter.manager.catalogue.create(
    itemInput({ name: 'Assam tea 1 kg', pricePaise: 45_000, priceIncludesTax: false, gstRateBp: 500, hsn: '0902' }),
  );
  const buyer = await counter.cashier.parties.create({
    name: 'Kaveri Traders',
    ...(partyGstin ? { gstin: partyGstin } : {}),
    stateCode: '29',
    address: '12 MG Road, Bengaluru 560001',
  });
  return counter.cashier.sales.finalize({
    id: randomUUID(),
    partyId: buyer.id,
    lines: [{ itemId: tea.id, qtyMilli: 4000 }],
    payments: [{ mode: 'cash', amountPaise: 10_00_000 }],
  });
}

/** The next try waits a minute or more (backoff); the test makes it due now rather than wait. */
const makeDue = (shop: SyncedShop) =>
  asOwner(shop.server.database, (db) =>
    db.execute(sql`UPDATE einvoice_documents SET next_attempt_at = now() - interval '1 second'`),
  );

const einvoiceOnCounter = (counter: SyncedCounter, docId: string) =>
  counter.t.ledger.db.select().from(documentEinvoices).where(eq(documentEinvoices.docId, docId)).get();

describe('an e-invoiced B2B bill, end to end', () => {
  it('finalised offline → synced → IRN stored → reprint and PDF carry the signed QR → cancelled within 24 hours', async () => {
    const { shop, counter, standin } = await einvoicingShop();
    emulator = await startPrinterEmulator();
    await usePrinter(counter, emulatorPrinter(emulator.port, { width: 80 }));

    await shop.stopHttp();
    const sale = await b2bSale(counter);
    await expect(counter.engine().syncNow()).rejects.toThrow();
    expect(await shop.owner.einvoice.documents({})).toEqual([]);

    await shop.restartHttp();
    await counter.engine().syncNow();
    expect(await shop.owner.einvoice.documents({})).toMatchObject([
      { docId: sale.invoice.id, docKind: 'invoice', status: 'pending', irn: null },
    ]);
    // Pushing the same bill again queues nothing more.
    await counter.engine().syncNow();
    expect(await shop.owner.einvoice.documents({})).toHaveLength(1);

    expect(await shop.owner.einvoice.reportNow()).toEqual({ settled: 1 });
    const [reported] = await shop.owner.einvoice.documents({ invoiceId: sale.invoice.id });
    expect(reported).toMatchObject({ status: 'generated', irn: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(standin.generateRequests).toHaveLength(1);
    expect(standin.generateRequests[0]).toMatchObject({
      DocDtls: { Typ: 'INV', No: sale.invoice.number },
      BuyerDtls: { Gstin: BUYER_GSTIN, Pin: 560001, Pos: '29' },
      ValDtls: { AssVal: 1800, IgstVal: 90, TotInvVal: 1890 },
    });
    // Reporting again sends nothing.
    expect(await shop.owner.einvoice.reportNow()).toEqual({ settled: 0 });
    expect(standin.generateRequests).toHaveLength(1);

    await counter.engine().syncNow();
    expect(einvoiceOnCounter(counter, sale.invoice.id)).toMatchObject({
      status: 'generated',
      irn: reported!.irn,
      ackNo: reported!.ackNo,
      signedQrCode: reported!.signedQrCode,
    });

    // The reprinted receipt: the QR command's data is the signed QR code, whose signature holds.
    await counter.cashier.printing.reprint({ docType: 'invoice', docId: sale.invoice.id });
    const worker = startPrintWorker(counter.t.ledger, TEST_PRINT_CONFIG, { poll: false });
    await worker.runDue();
    await worker.stop();
    const receipt = emulator.captures.at(-1)!;
    fs.writeFileSync(path.join(os.tmpdir(), 'galla-einvoice-receipt.txt'), receipt.lines.join('\n'));
    const printed = receipt.lines.join('').replace(/\s/g, '');
    expect(printed).toContain(`IRN:${reported!.irn}`);
    expect(printed).toContain(`AckNo${reported!.ackNo}`);
    // The IRP's acknowledgement time, printed dd-mm-yyyy hh:mm.
    const [, ymd, hm] = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(reported!.ackDt!)!;
    const ackShown = `${ymd!.split('-').reverse().join('-')} ${hm}`;
    expect(printed).toContain(`AckDate${ackShown.replace(/\s/g, '')}`);
    const printedQr = receipt.entries.flatMap((entry) => (entry.kind === 'qr' ? [entry.data] : []));
    expect(printedQr).toEqual([reported!.signedQrCode]);
    const claims = JSON.parse(verifyJwt(printedQr[0]!, standin.signingPublicKeyPem).data as string);
    expect(claims).toMatchObject({ Irn: reported!.irn, DocNo: sale.invoice.number, BuyerGstin: BUYER_GSTIN });

    // The A4 PDF: its QR image decodes to the same signed payload.
    const { pdf } = await invoicePdf(counter.t.ledger, sale.invoice.id, 'A4');
    fs.writeFileSync(path.join(os.tmpdir(), 'galla-einvoice-A4.pdf'), pdf);
    const pdfQr = await qrCodesInPdf(pdf);
    expect(pdfQr).toEqual([reported!.signedQrCode]);
    expect((await pdfLines(pdf)).join('\n')).toContain(`Ack Date: ${ackShown}`);
    expect(verifyJwt(pdfQr[0]!, standin.signingPublicKeyPem).iss).toBe('NIC');

    // Cancellation: a remark is required; then the IRP cancels it and the counter hears of it.
    await expect(
      shop.owner.einvoice.cancel({ docId: sale.invoice.id, reason: '2', remark: ' ' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(standin.cancelRequests).toEqual([]);
    await shop.owner.einvoice.cancel({ docId: sale.invoice.id, reason: '2', remark: 'Wrong quantity billed' });
    expect(standin.registered.get(reported!.irn!)!.cancelledAt).not.toBeNull();
    await expect(
      shop.owner.einvoice.cancel({ docId: sale.invoice.id, reason: '2', remark: 'Again' }),
    ).rejects.toMatchObject({ message: 'This IRN is already cancelled.' });
    await counter.engine().syncNow();
    expect(einvoiceOnCounter(counter, sale.invoice.id)).toMatchObject({ status: 'cancelled' });
    // A cancelled IRN is no longer printed.
    const { pdf: after } = await invoicePdf(counter.t.ledger, sale.invoice.id, 'A4');
    expect(await qrCodesInPdf(after)).toEqual([]);
  });
});

describe('what the queue never does', () => {
  it('a B2C bill is not queued', async () => {
    const { shop, counter } = await einvoicingShop();
    await b2bSale(counter, null);
    await counter.engine().syncNow();
    expect(await shop.owner.einvoice.documents({})).toEqual([]);
  });

  it('a lost answer (timeout) is retried by asking for the IRN, never by a second Generate IRN', async () => {
    const { shop, counter, standin } = await einvoicingShop();
    const sale = await b2bSale(counter);
    await counter.engine().syncNow();
    standin.failNextGenerate('timeout');
    expect(await shop.owner.einvoice.reportNow()).toEqual({ settled: 0 });
    const [waiting] = await shop.owner.einvoice.documents({});
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, errorCode: 'GSP_TIMEOUT' });
    // Its next try is a minute away; the test moves the queue's clock by making the row due.
    await makeDue(shop);
    expect(await shop.owner.einvoice.reportNow()).toEqual({ settled: 1 });
    expect(standin.generateRequests).toHaveLength(1);
    const [done] = await shop.owner.einvoice.documents({});
    expect(done).toMatchObject({ docId: sale.invoice.id, status: 'generated', errorCode: null });
    expect(done!.irn).toBe([...standin.registered.keys()][0]);
  });

  it('a reply that is not JSON is kept with its code and tried again; a duplicate-IRN answer records the IRP’s IRN', async () => {
    const { shop, counter, standin } = await einvoicingShop();
    await b2bSale(counter);
    await counter.engine().syncNow();
    standin.failNextGenerate('not-json');
    await shop.owner.einvoice.reportNow();
    expect((await shop.owner.einvoice.documents({}))[0]).toMatchObject({
      status: 'pending',
      errorCode: 'GSP_BAD_REPLY',
      errorMessage: expect.stringContaining('not JSON'),
    });
    await makeDue(shop);
    expect(await shop.owner.einvoice.reportNow()).toEqual({ settled: 1 });
    expect((await shop.owner.einvoice.documents({}))[0]).toMatchObject({ status: 'generated' });
  });

  it('an IRP refusal is stored with its code and message and reaches the counter', async () => {
    const { shop, counter, standin } = await einvoicingShop();
    const sale = await b2bSale(counter);
    await counter.engine().syncNow();
    standin.failNextGenerate({ code: '3028', message: `GSTIN - ${BUYER_GSTIN} is invalid` });
    expect(await shop.owner.einvoice.reportNow()).toEqual({ settled: 1 });
    expect((await shop.owner.einvoice.documents({}))[0]).toMatchObject({
      status: 'refused',
      errorCode: '3028',
      errorMessage: `GSTIN - ${BUYER_GSTIN} is invalid`,
    });
    await counter.engine().syncNow();
    expect(einvoiceOnCounter(counter, sale.invoice.id)).toMatchObject({ status: 'refused', errorCode: '3028' });
    // Refused stays refused: nothing is sent again by itself.
    await shop.owner.einvoice.reportNow();
    expect(standin.generateRequests).toHaveLength(1);
  });

  it('a shop address without a PIN is refused before sending, in shop words', async () => {
    const { shop, counter, standin } = await einvoicingShop({ shopAddress: 'MG Road, Pune' });
    await b2bSale(counter);
    await counter.engine().syncNow();
    await shop.owner.einvoice.reportNow();
    expect((await shop.owner.einvoice.documents({}))[0]).toMatchObject({
      status: 'refused',
      errorCode: 'GALLA_INVALID',
      errorMessage: "The shop's address has no six-digit PIN code; the e-invoice needs one.",
    });
    expect(standin.generateRequests).toEqual([]);
  });

  it('a document past the 30-day reporting window is not sent', async () => {
    const { shop, counter, standin } = await einvoicingShop();
    await b2bSale(counter);
    await counter.engine().syncNow();
    await asOwner(shop.server.database, (db) =>
      db.execute(sql`UPDATE einvoice_documents SET doc_date = current_date - 31`),
    );
    await shop.owner.einvoice.reportNow();
    expect((await shop.owner.einvoice.documents({}))[0]).toMatchObject({
      status: 'expired',
      errorCode: 'WINDOW_PASSED',
    });
    expect(standin.generateRequests).toEqual([]);
  });
});
