// A day at the counter, keyboard only: PIN login, shift, scanner, split payment, khata sale and payment, return,
// hold/recall, shift close with a difference; then a manager imports 1,000 items. Every screen is photographed.
// The day starts from an empty shop (first bill numbers, no shift, three items), so it runs on a ledger of its own,
// whatever the other specs did to the shared one.
import { expect, test, type Page } from '@playwright/test';
import { ITEMS, PINS } from './support/seed';
import { paiseOf, scan, shot } from './support/screens';
import { openSeededCounter, type SeededCounter } from './support/counter-app';

async function loginAs(page: Page, name: string, pin: string) {
  await expect(page.getByTestId('login')).toBeVisible();
  const pinBox = page.getByTestId('pin');
  await expect(pinBox).toBeFocused();
  for (
    let tries = 0;
    tries < 5 && !(await page.getByRole('option', { selected: true }).textContent())?.includes(name);
    tries++
  )
    await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { selected: true })).toContainText(name);
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('who')).toContainText(name);
}

test.describe.serial('the counter, keyboard only', () => {
  let page: Page;
  let counter: SeededCounter;

  test.beforeAll(async ({ browser }) => {
    counter = await openSeededCounter(browser);
    page = counter.page;
  });

  test.afterAll(() => counter?.close());

  test('a cashier logs in with a PIN', async () => {
    await shot(page, '01-login');
    await loginAs(page, 'Chetan', PINS.cashier);
    await expect(page.getByTestId('billing-blocked')).toContainText('No shift is open');
    await expect(page.getByTestId('scan-box')).toBeFocused();
  });

  test('opens a cash session with a float', async () => {
    await page.keyboard.press('Alt+c');
    await expect(page.getByTestId('float')).toBeFocused();
    await shot(page, '02-cash-open');
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('shift-summary')).toBeVisible();
    await expect(page.getByTestId('shift-state')).toContainText('Shift open');
  });

  test('scans three items by scanner keystrokes and takes a split cash + UPI payment with change', async () => {
    await page.keyboard.press('Alt+b');
    await expect(page.getByTestId('scan-box')).toBeFocused();
    for (const item of ITEMS) await scan(page, item.barcode);
    await expect(page.getByTestId('bill-line')).toHaveCount(3);
    await scan(page, ITEMS[0].barcode);
    await expect(page.getByTestId('bill-line')).toHaveCount(3);
    await expect(page.getByTestId('line-qty').first()).toHaveText('2 pcs');
    await page.keyboard.press('-');
    await expect(page.getByTestId('line-qty').first()).toHaveText('1 pcs');
    // 59.00 + 120.00 + 35.50 = 214.50, rounded to 215.00
    await expect(page.getByTestId('bill-total')).toHaveText('₹215.00');
    await shot(page, '03-billing-three-items');

    await page.keyboard.press('F2');
    await expect(page.getByTestId('pay-cash')).toBeFocused();
    await page.keyboard.type('200');
    await page.keyboard.press('Tab');
    await page.keyboard.type('100');
    await expect(page.getByTestId('pay-change')).toHaveText('₹85.00');
    await shot(page, '04-payment-split');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('last-bill')).toContainText(/Bill C1-\d{4}-000001 saved/);
    await expect(page.getByTestId('change-due')).toHaveText('₹85.00');
    await expect(page.getByTestId('empty-bill')).toBeVisible();
    await expect(page.getByTestId('scan-box')).toBeFocused();
    await shot(page, '05-billing-after-sale');
  });

  test('bills a credit sale to a new customer and sees the khata balance', async () => {
    await scan(page, ITEMS[1].barcode);
    await expect(page.getByTestId('bill-line')).toHaveCount(1);
    await page.keyboard.press('F3');
    await expect(page.getByTestId('customer-search')).toBeFocused();
    await page.keyboard.type('Ramesh Kumar');
    await expect(page.getByTestId('customer-options')).toContainText('Add new customer: Ramesh Kumar');
    await shot(page, '06-customer-dialog');
    await page.keyboard.press('Enter');
    // Adding a customer asks for the phone; it may be left empty.
    await expect(page.getByTestId('new-customer-phone')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('bill-customer')).toHaveText('Ramesh Kumar');
    await page.keyboard.press('F2');
    for (let field = 0; field < 3; field++) await page.keyboard.press('Tab');
    await expect(page.getByTestId('pay-khata')).toBeFocused();
    await page.keyboard.type('120');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('last-bill')).toContainText('000002');

    await page.keyboard.press('Alt+k');
    await expect(page.getByTestId('party-search')).toBeFocused();
    const row = page.getByTestId('party-row').filter({ hasText: 'Ramesh Kumar' });
    await expect(row.getByTestId('party-balance')).toHaveText('₹120.00');
    await shot(page, '07-khata-parties');
  });

  test('receives a khata payment', async () => {
    await page.keyboard.type('Ramesh');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('party-detail-balance')).toHaveText('₹120.00');
    await expect(page.getByTestId('receive-amount')).toBeFocused();
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receive-done')).toContainText('Balance now ₹70.00');
    await expect(page.getByTestId('party-detail-balance')).toHaveText('₹70.00');
    await expect(page.getByTestId('statement')).toContainText('Payment');
    await shot(page, '08-khata-statement');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+k');
    await page.getByTestId('ageing-tab').press('Enter');
    await expect(page.getByTestId('ageing')).toContainText('Ramesh Kumar');
    await shot(page, '09-khata-ageing');
  });

  test('returns one item of the split-payment bill with a manager PIN', async () => {
    await page.keyboard.press('Alt+n');
    await expect(page.getByTestId('invoice-search')).toBeFocused();
    await expect(page.getByTestId('invoice-row')).toHaveCount(2);
    await shot(page, '10-invoices');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('invoice-number')).toHaveText(/000001$/);
    await expect(page.getByTestId('return-qty').first()).toBeFocused();
    await page.keyboard.type('1');
    for (let field = 0; field < 3; field++) await page.keyboard.press('Tab');
    await expect(page.getByTestId('refund-mode')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Damaged pack');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('approval-manager')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type(PINS.owner);
    await shot(page, '11-invoice-return');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('return-done')).toContainText(/Credit note C1CN-\d{4}-000001 for ₹59.00/);
    await expect(page.getByTestId('credit-notes')).toContainText('Damaged pack');
    await shot(page, '12-invoice-returned');
    await page.keyboard.press('Escape');
  });

  test('holds a bill, serves the next customer, and recalls it', async () => {
    await page.keyboard.press('Alt+b');
    await scan(page, ITEMS[2].barcode);
    await scan(page, ITEMS[2].barcode);
    await expect(page.getByTestId('line-qty').first()).toHaveText('2 pcs');
    await page.keyboard.press('F8');
    await expect(page.getByTestId('notice')).toContainText('Bill held');
    await expect(page.getByTestId('empty-bill')).toBeVisible();
    await page.keyboard.press('F9');
    await expect(page.getByTestId('held-bills').getByRole('option')).toHaveCount(1);
    await shot(page, '13-recall-dialog');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('line-qty').first()).toHaveText('2 pcs');
    await expect(page.getByTestId('bill-total')).toHaveText('₹71.00');
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('last-bill')).toContainText('000003');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('recall-dialog')).toContainText('No bills on hold.');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('scan-box')).toBeFocused();
  });

  test('closes the session with a cash difference', async () => {
    await page.keyboard.press('Alt+c');
    const expected = paiseOf((await page.getByTestId('expected-cash').textContent()) ?? '');
    // float 1,000 + cash 200 − change 85 − refund 59 + khata cash 50 + exact cash 71 = 1,177
    expect(expected).toBe(117_700);
    await expect(page.getByTestId('counted')).toBeFocused();
    await shot(page, '14-cash-session-open');
    await page.keyboard.type('1167');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ten rupees short');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cash-difference')).toHaveText('-₹10.00');
    await expect(page.getByTestId('closed-report')).toContainText('Cash short');
    await expect(page.getByTestId('float')).toBeVisible();
    await shot(page, '15-cash-session-closed');
  });

  test('a manager imports a CSV of 1,000 items and sees them in the table', async () => {
    await page.keyboard.press('Alt+q');
    await loginAs(page, 'Manoj', PINS.manager);
    await page.keyboard.press('Alt+i');
    await expect(page.getByTestId('item-count')).toHaveText('3 of 3 items');
    const header = 'sku,name,barcodes,unit,price,gst_rate,hsn,stock,category';
    const rows = Array.from(
      { length: 1000 },
      (_, index) =>
        `IMP-${String(index + 1).padStart(4, '0')},Imported item ${index + 1},,pcs,${10 + (index % 90)}.50,${[0, 5, 12, 18][index % 4]},0401,${index % 40},${['Dairy', 'Snacks', 'Household'][index % 3]}`,
    );
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await expect(page.getByTestId('csv-done')).toHaveText('Imported: 1000 new, 0 updated.', { timeout: 30_000 });
    await expect(page.getByTestId('item-count')).toHaveText('1003 of 1003 items');
    // Virtualised: far fewer rows in the DOM than in the table.
    expect(await page.getByTestId('item-row').count()).toBeLessThan(80);
    await page.getByTestId('item-filter').fill('Imported item 99');
    await expect(page.getByTestId('item-count')).toHaveText('11 of 1003 items');
    await page.getByTestId('item-filter').fill('');
    // Numbers sort largest first on the first press (TanStack's default), then smallest first.
    await page.getByTestId('sort-pricePaise').press('Enter');
    await expect(page.getByTestId('item-row').first()).toContainText('Toor Dal');
    await page.getByTestId('sort-pricePaise').press('Enter');
    await expect(page.getByTestId('item-row').first()).toContainText('₹10.50');
    await shot(page, '16-items');
  });

  test('a CSV with bad rows is refused, row by row, and nothing is imported', async () => {
    const csv =
      'sku,name,unit,price,gst_rate\nBAD-1,Good row,pcs,10,5\nBAD-2,Bad unit,box,10,5\nBAD-3,Bad price,pcs,ten,5\n';
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const errors = page.getByTestId('csv-errors');
    await expect(errors).toContainText('2 of 3 rows have errors');
    await expect(errors.locator('tbody tr').first()).toContainText('3');
    await expect(errors).toContainText('price');
    await expect(page.getByTestId('item-count')).toHaveText('1003 of 1003 items');
    await shot(page, '17-items-csv-errors');
  });

  test('settings, and the whole app in Hindi', async () => {
    await page.keyboard.press('Alt+s');
    await expect(page.getByTestId('shop-form')).toBeVisible();
    await expect(page.getByTestId('shop-gstin')).toHaveValue('27AAPFU0939F1ZV');
    await expect(page.getByTestId('printers-panel')).toContainText('Printers');
    await shot(page, '18-settings');
    await page.keyboard.press('Alt+l');
    await expect(page.getByTestId('language')).toContainText('हिन्दी');
    await page.keyboard.press('Alt+b');
    await expect(page.getByTestId('key-legend')).toContainText('भुगतान');
    await shot(page, '19-billing-hindi');
    await page.keyboard.press('Alt+l');
    await expect(page.getByTestId('key-legend')).toContainText('Pay');
  });

  test('the status bar shows the bridge, the shift, and what waits to sync', async () => {
    const status = page.getByTestId('status-bar');
    await expect(page.getByTestId('link-state')).toContainText('Connected (WS)');
    await expect(page.getByTestId('pending-sync')).toContainText(/\d+ waiting to sync/);
    await expect(page.getByTestId('sync-slot')).toContainText('Sync');
    await expect(page.getByTestId('printer-slot')).toContainText('Printer');
    await expect(status).toBeVisible();
  });
});
