// The A4/A5 GST tax invoice PDF: both GSTINs, place of supply, HSN-wise tax, totals and the amount in Indian words,
// read back with pdf.js.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { readPdf } from '../../support/pdf-text';
import { invoicePdf } from '../../../src-main/printing/invoice-pdf';

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
});
