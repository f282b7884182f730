// The A4 tax invoice and the receipt language from the screens, in the browser fallback (dev:web): the bill just saved
// and the invoice page offer "A4 invoice" (downloaded here) and "Print A4" (which says plainly that no A4 printer is
// set up), and Settings chooses the receipt language; the Z-report screen names who opened the shift and who billed.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ITEMS, PINS } from './support/seed';
import { openLoggedIn } from './support/login';
import { ensureShiftOpen, scan, shot } from './support/screens';
import { pdfLines } from '../support/pdf-text';

const [, , SOAP] = ITEMS;

test.describe.serial('A4 invoice, receipt language and the Z-report screen', () => {
  let page: Page;
  let number = '';

  test.beforeAll(async ({ browser }) => {
    page = await openLoggedIn(browser, 'Asha', PINS.owner);
  });
  test.afterAll(async () => page.close());

  test('the bill just saved offers the A4 invoice, downloaded as a PDF of that bill', async () => {
    await ensureShiftOpen(page, '500');
    await page.keyboard.press('Alt+b');
    await expect(page.getByTestId('scan-box')).toBeFocused();
    await scan(page, SOAP.barcode);
    await expect(page.getByTestId('bill-total')).toHaveText('₹36.00');
    await page.keyboard.press('F2');
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('last-bill')).toContainText('saved');
    number = /C1-\d{4}-\d{6}/.exec((await page.getByTestId('last-bill').textContent()) ?? '')![0];
    const lastBill = page.getByTestId('last-bill');
    await expect(lastBill.getByTestId('a4-invoice')).toHaveText('A4 invoice');
    await expect(lastBill.getByTestId('print-a4')).toHaveText('Print A4');
    const downloading = page.waitForEvent('download');
    await lastBill.getByTestId('a4-invoice').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const text = (await pdfLines(fs.readFileSync(await download.path()))).join('\n');
    expect(text).toContain(`Invoice No: ${number}`);
    expect(text).toContain('TAX INVOICE');
    await expect(lastBill.getByTestId('pdf-state')).toHaveText(`${number}.pdf downloaded.`);
    await shot(page, 'invoice-pdf-last-bill');
  });

  test('"Print A4" with no office printer set up says so, and how to add one', async () => {
    const lastBill = page.getByTestId('last-bill');
    await lastBill.getByTestId('print-a4').click();
    await expect(lastBill.getByRole('alert')).toContainText(
      'No A4 printer is set up. Add your office printer in Settings → Printers with the connection "Printer queue".',
    );
    await shot(page, 'invoice-pdf-no-a4-printer');
  });

  test('the invoice page offers the same two buttons', async () => {
    await page.keyboard.press('Alt+n');
    await page.getByTestId('invoice-search').fill(number);
    await page.getByTestId('invoice-row').first().click();
    await expect(page.getByTestId('invoice-number')).toHaveText(number);
    await expect(page.getByTestId('invoice-detail').getByTestId('a4-invoice')).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('invoice-detail').getByTestId('a4-invoice').click();
    expect((await downloading).suggestedFilename()).toBe(`${number}.pdf`);
    await shot(page, 'invoice-pdf-invoice-page');
    await page.keyboard.press('Escape');
  });

  test('Settings chooses the receipt language; Hindi shows in the receipt preview', async () => {
    await page.keyboard.press('Alt+s');
    const language = page.getByTestId('shop-receiptLanguage');
    await expect(language).toHaveValue('en');
    await language.selectOption('hi');
    await page.getByTestId('shop-form').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('shop-form')).toContainText('Saved');
    await shot(page, 'settings-receipt-language');
    await page.reload();
    await expect(page.getByTestId('login').or(page.getByTestId('who'))).toBeVisible();
    if (await page.getByTestId('login').isVisible()) {
      const { loginAs } = await import('./support/login');
      await loginAs(page, 'Asha', PINS.owner);
    }
    await page.keyboard.press('Alt+s');
    await expect(page.getByTestId('shop-receiptLanguage')).toHaveValue('hi');
    // Back to English, so the other specs' receipts read as they expect.
    await page.getByTestId('shop-receiptLanguage').selectOption('en');
    await page.getByTestId('shop-form').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('shop-form')).toContainText('Saved');
  });

  test('the cash screen names who opened the shift and who billed, with GST by rate', async () => {
    await page.keyboard.press('Alt+c');
    await expect(page.getByTestId('shift-people')).toContainText('by Asha');
    await expect(page.getByTestId('shift-people')).toContainText(/Billed by: .*Asha/);
    await expect(page.getByTestId('shift-gst-sales')).toContainText('GST on sales');
    await expect(page.getByTestId('shift-gst-sales')).toContainText('18%');
    await shot(page, 'cash-shift-z-details');
  });
});
