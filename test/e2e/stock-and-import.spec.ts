// Items as a shop owner keeps them: a SKU made when left empty, "I counted N" beside "add/remove N", a sample CSV to
// start from, a re-import's stock taken as a count, and dates in the shop's dd-mm-yyyy IST whatever the PC's locale.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PINS, seedShop } from './support/seed';
import { loginAs } from './support/login';
import { shot } from './support/screens';

/** Names and SKUs of this run only, so nothing another spec made can match them. */
const RUN = Date.now().toString(36).toUpperCase();
const NAME = `Jaggery Cube ${RUN}`;
const BARCODE = `TWIN${RUN}`;

test.describe.serial('items, stock counts and CSV import', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // A PC set to US English in New York: the counter must still show the shop's dates and India's time.
    await seedShop(process.env.GALLA_WS ?? '');
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(process.env.GALLA_URL ?? '');
    await loginAs(page, 'Manoj', PINS.manager);
    await page.keyboard.press('Alt+i');
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test('an item saved with its SKU left empty gets one made from its name', async () => {
    await page.keyboard.press('F2');
    await page.getByTestId('item-name').fill(NAME);
    await expect(page.getByTestId('item-editor')).toContainText('Leave empty to make one from the name.');
    await page.getByTestId('item-price').fill('60');
    await page.getByTestId('item-openingStock').fill('10');
    await page.getByTestId('item-save').click();
    await expect(page.getByTestId('item-created')).toBeVisible();
    await expect(page.getByTestId('item-sku')).toHaveValue(`JAGGERY-CUBE-${RUN}-1`);
    await expect(page.getByTestId('item-stock')).toHaveText('10 pcs');
  });

  test('"I counted 7" sets the stock to 7 and says by how much it changed', async () => {
    await page.getByTestId('adjust-reason').selectOption('count');
    await expect(page.getByTestId('stock-panel')).toContainText('Count on the shelf');
    await page.getByTestId('adjust-qty').fill('7');
    await page.getByTestId('adjust-note').fill('Shelf count');
    await page.getByTestId('adjust-save').click();
    await expect(page.getByTestId('item-stock')).toHaveText('7 pcs');
    await expect(page.getByTestId('adjust-posted')).toHaveText('Counted 7: the stock changed by -3.');
    await expect(page.getByTestId('movement-row').first()).toContainText('-3');
  });

  test('"add or remove" moves the stock by the change; a change too large is refused beside the quantity', async () => {
    await page.getByTestId('adjust-reason').selectOption('change');
    await page.getByTestId('adjust-qty').fill('2000000');
    await page.getByTestId('adjust-note').fill('Typo');
    await page.getByTestId('adjust-save').click();
    await expect(page.getByTestId('adjust-qty-error')).toHaveText('Enter a change of up to 10,00,000.');
    await page.getByTestId('adjust-qty').fill('+2');
    await page.getByTestId('adjust-note').fill('Found two');
    await page.getByTestId('adjust-save').click();
    await expect(page.getByTestId('item-stock')).toHaveText('9 pcs');
    await expect(page.getByTestId('adjust-qty-error')).toHaveCount(0);
  });

  test("movements are dated dd-mm-yyyy at India's time, not the PC's", async () => {
    const istToday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', dateStyle: 'short' })
      .format(new Date())
      .replaceAll('/', '-');
    const firstCell = page.getByTestId('movement-row').first().locator('td').first();
    await expect(firstCell).toHaveText(new RegExp(`^${istToday} \\d{2}:\\d{2}$`));
    await page.getByTestId('stock-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await shot(page, 'smalls-08-stock-count');
    await page.keyboard.press('Escape');
  });

  test('"Download sample CSV" gives a file with every column, and the screen says what stock does for known items', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('csv-sample').click();
    const sample = await readFile(await (await download).path(), 'utf8');
    expect(sample.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      'sku,name,barcodes,unit,price,price_includes_tax,cost,gst_rate,cess_rate,hsn,plu,stock,reorder_level,category',
    );
    await expect(page.getByTestId('csv-stock-hint')).toContainText('taken as what you counted');
    await page.getByTestId('csv-import').evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await shot(page, 'smalls-09-csv-sample');
  });

  test("a re-import's stock for an item already in the list is taken as a count, and the screen says so", async () => {
    const header = 'sku,name,unit,price,gst_rate,stock';
    const first = [header, `TEA-${RUN},Assam Tea ${RUN},pcs,120,5,25`].join('\n');
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: 'tea.csv', mimeType: 'text/csv', buffer: Buffer.from(first) });
    await expect(page.getByTestId('csv-done')).toHaveText('Imported: 1 new, 0 updated.');
    const again = [header, `TEA-${RUN},Assam Tea ${RUN},pcs,125,5,30`].join('\n');
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: 'tea.csv', mimeType: 'text/csv', buffer: Buffer.from(again) });
    await expect(page.getByTestId('csv-done')).toHaveText(
      'Imported: 0 new, 1 updated. Stock set to the counted number for 1 items already in the list.',
    );
    await page.getByTestId('item-filter').fill(`Assam Tea ${RUN}`);
    await expect(page.getByTestId('item-row')).toHaveCount(1);
    await expect(page.getByTestId('item-row')).toContainText('30 pcs');
  });

  test('a barcode already on another item is reported against the barcodes column, in Hindi too', async () => {
    const csv = ['sku,name,barcodes,unit,price,gst_rate', `BAR-${RUN},Twin ${RUN},${BARCODE},pcs,10,5`].join('\n');
    const taken = ['sku,name,barcodes,unit,price,gst_rate', `BAR2-${RUN},Twin two ${RUN},${BARCODE},pcs,10,5`].join(
      '\n',
    );
    await page.getByTestId('csv-file').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByTestId('csv-done')).toBeVisible();
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from(taken) });
    const error = page.getByTestId('csv-errors');
    await expect(error).toContainText('1 of 1 rows have errors; nothing was imported.');
    const row = error.locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row.locator('td')).toHaveText(['2', 'barcodes', `Barcode ${BARCODE} is already on another item.`]);
    await page.getByTestId('csv-import').evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await shot(page, 'smalls-10-csv-barcode-en');
    await page.keyboard.press('Alt+l');
    await expect(error).toContainText(`बारकोड ${BARCODE} पहले से किसी दूसरे आइटम पर है।`);
    await shot(page, 'smalls-11-csv-barcode-hi');
    await page.keyboard.press('Alt+l');
  });
});
