// Purchase orders as a manager makes them: an item low on stock, a new order filled from the low-stock suggestions,
// sent as a PDF and as text for WhatsApp; a second order cancelled with its reason; the screens in Hindi too.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PINS, seedShop } from './support/seed';
import { loginAs } from './support/login';
import { shot } from './support/screens';
import { pdfLines } from '../support/pdf-text';

/** Names of this run only, so nothing another spec made can match them. */
const RUN = Date.now().toString(36).toUpperCase();
const TEA = `Chai Patti ${RUN}`;
const SUGAR = `Sugar Sack ${RUN}`;
const SUPPLIER = `Sharma Traders ${RUN}`;
const istToday = () =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', dateStyle: 'short' })
    .format(new Date())
    .replaceAll('/', '-');

/** The supplier, made as a manager makes one: Khata → Suppliers → New supplier. */
async function makeSupplier(page: Page): Promise<void> {
  await page.keyboard.press('Alt+k');
  await page.getByTestId('suppliers-tab').click();
  const form = page.getByTestId('new-supplier-form');
  await form.getByTestId('party-name').fill(SUPPLIER);
  await form.getByTestId('party-phone').fill('9822222222');
  await form.getByTestId('party-save').click();
  await expect(page.getByTestId('supplier-row').filter({ hasText: SUPPLIER })).toHaveCount(1);
}

async function newItem(page: Page, name: string, stock: string, reorderLevel: string): Promise<void> {
  await page.keyboard.press('Alt+i');
  await page.keyboard.press('F2');
  await page.getByTestId('item-name').fill(name);
  await page.getByTestId('item-price').fill('120');
  await page.getByTestId('item-cost').fill('95.50');
  await page.getByTestId('item-openingStock').fill(stock);
  await page.getByTestId('item-reorderLevel').fill(reorderLevel);
  await page.getByTestId('item-save').click();
  await expect(page.getByTestId('item-created')).toBeVisible();
  await page.keyboard.press('Escape');
}

test.describe.serial('purchase orders', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    await seedShop(process.env.GALLA_WS ?? '');
    const context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(process.env.GALLA_URL ?? '');
    await page.evaluate(() => localStorage.removeItem('galla.language'));
    await loginAs(page, 'Manoj', PINS.manager);
    await makeSupplier(page);
    // 4 packets of tea on the shelf against a reorder level of 10: low on stock. Sugar is plentiful.
    await newItem(page, TEA, '4', '10');
    await newItem(page, SUGAR, '80', '5');
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test('a new order filled from low stock suggests the tea and not the sugar; a zero quantity is refused beside it', async () => {
    await page.keyboard.press('Alt+o');
    await expect(page.getByTestId('purchase-orders')).toBeVisible();
    await page.keyboard.press('F2');
    await page.getByTestId('po-supplier').selectOption({ label: SUPPLIER });
    await page.getByTestId('po-period').fill('0');
    await page.getByTestId('po-suggest').click();
    await expect(page.getByTestId('po-error-periodDays')).toHaveText('Choose a period from 1 to 365 days.');
    await expect(page.getByTestId('po-line')).toHaveCount(0);
    await page.getByTestId('po-period').fill('30');
    await expect(page.getByTestId('po-error-periodDays')).toHaveCount(0);
    await page.getByTestId('po-cover').fill('15');
    await page.getByTestId('po-suggest').click();
    const tea = page.getByTestId('po-line').filter({ hasText: TEA });
    await expect(tea).toHaveCount(1);
    await expect(page.getByTestId('po-line').filter({ hasText: SUGAR })).toHaveCount(0);
    // No sales yet: 0 a day × 15 days + reorder level 10 − 4 on the shelf = 6 packets.
    await expect(tea.getByTestId('po-line-qty')).toHaveValue('6');
    await expect(tea.getByTestId('po-line-rate')).toHaveValue('95.50');
    // Keep only this run's item: other specs may have left low-stock items in the shared ledger.
    const others = page.getByTestId('po-line').filter({ hasNotText: TEA });
    while ((await others.count()) > 0) await others.first().getByTestId('po-line-remove').click();
    await tea.getByTestId('po-line-qty').fill('0');
    await page.getByTestId('po-save').click();
    await expect(page.getByTestId('po-error-lines.0.qtyMilli')).toHaveText('Enter a quantity above zero.');
    await shot(page, 'purchase-orders-01-new-from-suggestions');
    await tea.getByTestId('po-line-qty').fill('12');
    await expect(page.getByTestId('po-error-lines.0.qtyMilli')).toHaveCount(0);
    await page.getByTestId('po-note').fill('Deliver by Saturday');
    await page.getByTestId('po-save').click();
    await expect(page.getByTestId('po-detail')).toBeVisible();
    await expect(page.getByTestId('po-state')).toHaveText('Draft');
    await expect(page.getByTestId('po-number')).toHaveText(/^PO\/C1\/\d{4}$/);
    await expect(page.getByTestId('po-detail-line')).toContainText(['12 pcs']);
    await expect(page.getByTestId('po-expected-total')).toHaveText('₹1,146.00');
  });

  test('sent as an A4 PDF and as text to paste into WhatsApp: shop, date dd-mm-yyyy, item and quantity', async () => {
    const number = (await page.getByTestId('po-number').textContent()) ?? '';
    const download = page.waitForEvent('download');
    await page.getByTestId('po-send-pdf').click();
    const pdfFile = await (await download).path();
    const pdf = (await pdfLines(await readFile(pdfFile))).join('\n');
    expect(pdf).toContain(`Order No: ${number}`);
    expect(pdf).toContain(SUPPLIER);
    expect(pdf).toContain(`${TEA} 12 pcs`);
    await expect(page.getByTestId('po-state')).toHaveText('Sent');
    await page.getByTestId('po-send-text').click();
    const text = page.getByTestId('po-share-text');
    await expect(text).toHaveValue(
      [
        `*Purchase order ${number}*`,
        'Galla Kirana',
        `Date: ${istToday()}`,
        `To: ${SUPPLIER}`,
        '',
        `1. ${TEA} - 12 pcs`,
        '',
        'Note: Deliver by Saturday',
        '',
        'Please confirm the order.',
        'Galla Kirana, Phone: 9800000000',
      ].join('\n'),
    );
    await expect(page.getByTestId('po-edit')).toHaveCount(0);
    await shot(page, 'purchase-orders-02-sent-as-text');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('po-row').filter({ hasText: number }).getByTestId('po-row-state')).toHaveText('Sent');
  });

  test('another order, with an item added by name, is cancelled with its reason and shows as cancelled', async () => {
    await page.getByTestId('po-new').click();
    await page.getByTestId('po-supplier').selectOption({ label: SUPPLIER });
    await page.getByTestId('po-add-item').fill(SUGAR);
    await expect(page.getByTestId('po-add-item-list')).toContainText(SUGAR);
    await page.getByTestId('po-add-item').press('Enter');
    await page.getByTestId('po-line').filter({ hasText: SUGAR }).getByTestId('po-line-qty').fill('2');
    await page.getByTestId('po-save').click();
    await expect(page.getByTestId('po-state')).toHaveText('Draft');
    const number = (await page.getByTestId('po-number').textContent()) ?? '';
    await page.getByTestId('po-edit').click();
    await expect(page.getByTestId('po-editor')).toContainText(`Edit draft ${number}`);
    await page.getByTestId('po-line').filter({ hasText: SUGAR }).getByTestId('po-line-qty').fill('3');
    await shot(page, 'purchase-orders-03a-edit-draft');
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('po-detail-line')).toContainText(['3 pcs']);
    await page.getByTestId('po-cancel').click();
    await page.getByTestId('po-cancel-confirm').click();
    await expect(page.getByTestId('po-cancel-error')).toHaveText('Fill this in.');
    await expect(page.getByTestId('po-state')).toHaveText('Draft');
    await page.getByTestId('po-cancel-reason').fill('Bought at the market instead');
    await page.getByTestId('po-cancel-confirm').click();
    await expect(page.getByTestId('po-state')).toHaveText('Cancelled');
    await expect(page.getByTestId('po-cancelled')).toHaveText('Cancelled: Bought at the market instead');
    await expect(page.getByTestId('po-actions')).toHaveCount(0);
    await shot(page, 'purchase-orders-03-cancelled');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('po-row').filter({ hasText: number }).getByTestId('po-row-state')).toHaveText(
      'Cancelled',
    );
    await shot(page, 'purchase-orders-04-list');
  });

  test('in Hindi: the list, the states and a sent order read in Hindi', async () => {
    await page.getByTestId('language').click();
    await expect(page.getByTestId('purchase-orders')).toContainText('खरीद ऑर्डर');
    await expect(page.getByTestId('po-row-state').filter({ hasText: 'रद्द' }).first()).toBeVisible();
    await shot(page, 'purchase-orders-05-list-hi');
    await page.getByTestId('po-row').filter({ hasText: 'भेजा गया' }).first().click();
    await expect(page.getByTestId('po-detail')).toContainText('आना बाकी');
    await shot(page, 'purchase-orders-06-detail-hi');
    await page.getByTestId('language').click();
  });
});
