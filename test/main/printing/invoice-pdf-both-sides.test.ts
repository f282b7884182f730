// The owner downloads a synced bill's tax invoice PDF from the dashboard's server: the same document, with the same
// figures, as the counter's own PDF of that bill; read back with pdfjs.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput } from '../../support/ledger';
import { pdfLines } from '../../support/pdf-text';
import { syncedShop, type SyncedShop } from '../../support/sync-shop';
import { invoicePdf } from '../../../src-main/printing/invoice-pdf';

let synced: SyncedShop;
afterEach(async () => synced?.close());

/** A B2B bill to a Karnataka trader (IGST) with two HSN codes and a bill discount, made at counter C1 and synced. */
async function syncedB2bBill() {
  synced = await syncedShop(['C1']);
  const counter = synced.counters[0]!;
  const oil = await counter.manager.catalogue.create(
    itemInput({
      name: 'Sunflower Oil 15 L tin',
      pricePaise: 180_000,
      priceIncludesTax: false,
      gstRateBp: 500,
      hsn: '1512',
    }),
  );
  const soap = await counter.manager.catalogue.create(
    itemInput({ name: 'Lifebuoy Soap 125g', pricePaise: 4_000, gstRateBp: 1800, hsn: '3401' }),
  );
  const trader = await counter.cashier.parties.create({
    name: 'Bengaluru Traders',
    gstin: '29AAPFU0939F1ZR',
    phone: '9900000000',
    address: '12 KR Market, Bengaluru',
  });
  const sale = await counter.manager.sales.finalize({
    id: randomUUID(),
    partyId: trader.id,
    lines: [
      { itemId: oil.id, qtyMilli: 2000 },
      { itemId: soap.id, qtyMilli: 3000 },
    ],
    billDiscount: { kind: 'amount', paise: 2_000 },
    payments: [{ mode: 'cash', amountPaise: 1_000_000 }],
  });
  return { counter, sale };
}

const money = /-?₹?[\d,]+\.\d\d/g;

describe('the tax invoice PDF on both sides', () => {
  it(
    'carries the number, both GSTINs, HSN rows and the amount in words, and the same figures on counter and server',
    { timeout: 120_000 },
    async () => {
      const { counter, sale } = await syncedB2bBill();
      await counter.engine().syncNow();
      const fromServer = await synced.owner.reports.invoicePdf({ id: sale.invoice.id });
      expect(fromServer).toMatchObject({ filename: `${sale.invoice.number}.pdf`, contentType: 'application/pdf' });
      const serverPdf = Buffer.from(fromServer.base64, 'base64');
      fs.writeFileSync(path.join(os.tmpdir(), 'galla-invoice-from-server.pdf'), serverPdf);
      const serverLines = await pdfLines(serverPdf);
      const counterLines = await pdfLines((await invoicePdf(counter.t.ledger, sale.invoice.id, 'A4')).pdf);

      for (const lines of [counterLines, serverLines]) {
        const text = lines.join('\n');
        expect(text).toContain(`Invoice No: ${sale.invoice.number}`);
        expect(text).toContain('GSTIN: 27AAPFU0939F1ZV');
        expect(text).toContain('GSTIN: 29AAPFU0939F1ZR');
        expect(text).toContain('Place of supply: Karnataka (29)');
        expect(lines).toContainEqual(expect.stringMatching(/^1512 [\d,]+\.\d\d 5% [\d,]+\.\d\d 0\.00 [\d,]+\.\d\d$/));
        expect(lines).toContainEqual(expect.stringMatching(/^3401 [\d,]+\.\d\d 18% [\d,]+\.\d\d 0\.00 [\d,]+\.\d\d$/));
        expect(lines).toContainEqual(
          `Invoice total ₹${(sale.invoice.totalPaise / 100).toLocaleString('en-IN', { minimumFractionDigits: 2 })}`,
        );
        expect(text.replace(/\s+/g, ' ')).toMatch(/Amount in words: Rupees [A-Za-z ]+ Only/);
      }
      // Same bill, same figures, in the same order: lines, totals, HSN-wise tax, payments.
      const figures = (lines: string[]) => lines.flatMap((line) => line.match(money) ?? []);
      expect(figures(counterLines).length).toBeGreaterThan(10);
      expect(figures(serverLines)).toEqual(figures(counterLines));
      expect(serverLines).toEqual(counterLines);
    },
  );

  it('is the shop’s own: another shop’s owner gets no such invoice', { timeout: 120_000 }, async () => {
    const { counter, sale } = await syncedB2bBill();
    await counter.engine().syncNow();
    const stranger = await (
      await synced.server.as(null)
    ).accounts.signUp({
      shopName: 'Other Shop',
      email: 'other@example.in',
      password: 'another horse battery',
    });
    const other = await synced.server.as(stranger.accessToken);
    await expect(other.reports.invoicePdf({ id: sale.invoice.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
