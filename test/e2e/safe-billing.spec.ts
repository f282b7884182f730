// No lost bill, no jammed bill: a cashier of this spec's own (with items of its own, all set up on the screens) keeps
// her bill through a wrong manager PIN, a reload and a logout; impossible quantities are refused beside the field; held
// bills say whose and how much; a UPI overpayment is refused the moment it is typed. It runs on a counter app and ledger
// of its own, so it opens and closes its own shift whatever other specs leave behind.
import { expect, test, type Page } from '@playwright/test';
import { openSeededCounter, type SeededCounter } from './support/counter-app';
import { PINS } from './support/seed';
import { loginAs } from './support/login';
import { ensureShiftOpen, paiseOf, scan, shot } from './support/screens';

const CASHIER = { name: 'Kavita (safe-billing)', pin: '4826' };
const SUGAR = { name: 'Loose Sugar BS', sku: 'BS-SUGAR', price: '45', gstRateBp: '0', hsn: '1701' };
const BISCUIT = {
  name: 'Glucose Biscuit BS',
  sku: 'BS-BISCUIT',
  barcode: '8906017290019',
  price: '10',
  gstRateBp: '1800',
  hsn: '1905',
};
const CUSTOMER = 'Sunil Safe-Billing';

async function createItem(
  page: Page,
  item: { name: string; sku: string; price: string; gstRateBp: string; hsn: string },
  unit: string,
  barcode = '',
) {
  await page.keyboard.press('F2');
  await expect(page.getByTestId('item-name')).toBeFocused();
  await page.getByTestId('item-name').fill(item.name);
  await page.getByTestId('item-sku').fill(item.sku);
  await page.getByTestId('item-barcodes').fill(barcode);
  await page.getByTestId('item-unit').selectOption(unit);
  await page.getByTestId('item-price').fill(item.price);
  await page.getByTestId('item-gstRateBp').selectOption(item.gstRateBp);
  await page.getByTestId('item-hsn').fill(item.hsn);
  await page.getByTestId('item-category').fill('Grocery');
  await page.getByTestId('item-openingStock').fill('100');
  await page.getByTestId('item-save').click();
  await expect(page.getByTestId('item-created')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('item-editor')).toHaveCount(0);
}

/** Waits until the bill on screen is in the ledger's draft (the screen says so in data-draft). */
async function draftSaved(page: Page) {
  await expect(page.locator('.billing')).toHaveAttribute('data-draft', 'saved');
}

test.describe.serial('safe billing', () => {
  let page: Page;
  let counter: SeededCounter;

  test.beforeAll(async ({ browser }) => {
    counter = await openSeededCounter(browser, { name: 'Asha', pin: PINS.owner });
    page = counter.page;
  });

  test.afterAll(() => counter?.close());

  test('the owner adds a cashier and two items on the screens, and a shift is open', async () => {
    await page.keyboard.press('Alt+s');
    const panel = page.getByTestId('staff-panel');
    await panel.getByPlaceholder('Name').fill(CASHIER.name);
    await panel.getByRole('combobox').selectOption('cashier');
    await panel.getByPlaceholder('PIN').fill(CASHIER.pin);
    await panel.getByRole('button', { name: 'Add staff' }).click();
    await expect(page.getByTestId('staff-row').filter({ hasText: CASHIER.name })).toContainText('Cashier');

    await page.keyboard.press('Alt+i');
    await expect(page.getByTestId('item-filter')).toBeFocused();
    await createItem(page, SUGAR, 'kg');
    await createItem(page, BISCUIT, 'pcs', BISCUIT.barcode);
    expect(await ensureShiftOpen(page, '500')).toBe(true);
    await page.keyboard.press('Alt+q');
    await loginAs(page, CASHIER.name, CASHIER.pin);
    await expect(page.getByTestId('scan-box')).toBeFocused();
    await expect(page.getByTestId('empty-bill')).toBeVisible();
  });

  test('a loose item asks for its weight; 99,999,999 kg and 0 kg are refused beside the field', async () => {
    await scan(page, SUGAR.sku);
    await expect(page.getByTestId('weight-dialog-input')).toBeFocused();
    await page.keyboard.type('99999999');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('weight-dialog-error')).toHaveText('Enter a quantity up to 99,999');
    await expect(page.getByTestId('weight-dialog-input')).toHaveAttribute('aria-invalid', 'true');
    await shot(page, 'safe-billing-01-huge-weight-refused');
    await page.getByTestId('weight-dialog-input').fill('0');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('weight-dialog-error')).toHaveText('Enter a quantity more than 0');
    await page.getByTestId('weight-dialog-input').fill('1.25');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('weight-dialog')).toHaveCount(0);
    await expect(page.getByTestId('line-qty')).toHaveText(['1.25 kg']);
    await expect(page.getByTestId('line-amount')).toHaveText(['₹56.25']);

    await page.keyboard.press('F6');
    await page.keyboard.type('99999999');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('qty-dialog-error')).toHaveText('Enter a quantity up to 99,999');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('line-qty')).toHaveText(['1.25 kg']);
    // The bill is not jammed: F2 still opens the payment dialog with the right total.
    await page.keyboard.press('F2');
    await expect(page.getByTestId('pay-total')).toHaveText('₹56.00');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('payment-dialog')).toHaveCount(0);
  });

  test('2.5 pieces of an item sold whole are refused; 3 are taken; a 5% line discount applies to that line', async () => {
    await scan(page, BISCUIT.barcode);
    await expect(page.getByTestId('bill-line')).toHaveCount(2);
    await page.keyboard.press('F6');
    await page.keyboard.type('2.5');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('qty-dialog-error')).toHaveText('Sold in whole pcs: enter 1, 2, 3…');
    await shot(page, 'safe-billing-02-half-piece-refused');
    await page.getByTestId('qty-dialog-input').fill('3');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('line-qty')).toHaveText(['1.25 kg', '3 pcs']);

    await page.keyboard.press('F5');
    await expect(page.getByTestId('line-discount-dialog')).toBeVisible();
    await page.keyboard.type('5%');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('line-discount')).toHaveText('−5%');
    await expect(page.getByTestId('line-amount')).toHaveText(['₹56.25', '₹28.50']);
    // 56.25 + 28.50 = 84.75, rounded to 85.00
    await expect(page.getByTestId('bill-total')).toHaveText('₹85.00');
  });

  test('the bill in progress survives a reload of the page', async () => {
    await draftSaved(page);
    await page.reload();
    await loginAs(page, CASHIER.name, CASHIER.pin);
    await expect(page.getByTestId('draft-restored')).toBeVisible();
    await expect(page.getByTestId('line-qty')).toHaveText(['1.25 kg', '3 pcs']);
    await expect(page.getByTestId('line-discount')).toHaveText('−5%');
    await expect(page.getByTestId('bill-total')).toHaveText('₹85.00');
    await shot(page, 'safe-billing-03-bill-back-after-reload');
  });

  test('the bill survives a logout; another member of staff does not see it; it is back at her next login', async () => {
    await page.keyboard.press('Alt+q');
    await loginAs(page, 'Manoj', PINS.manager);
    await expect(page.getByTestId('empty-bill')).toBeVisible();
    await expect(page.getByTestId('draft-restored')).toHaveCount(0);
    await page.keyboard.press('Alt+q');
    await loginAs(page, CASHIER.name, CASHIER.pin);
    await expect(page.getByTestId('line-qty')).toHaveText(['1.25 kg', '3 pcs']);
    await expect(page.getByTestId('bill-total')).toHaveText('₹85.00');
  });

  test('a wrong manager PIN for a big discount says so in the approval box; the bill and the login stay', async () => {
    await page.keyboard.press('F4');
    await page.keyboard.type('15%');
    await page.keyboard.press('Enter');
    // 15% of 84.75 is 12.71: 72.04, rounded to 72.00
    await expect(page.getByTestId('bill-total')).toHaveText('₹72.00');
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('approval')).toBeVisible();
    await expect(page.getByTestId('approval-pin')).toBeFocused();
    await page.getByTestId('approval-manager').selectOption({ label: 'Manoj (manager)' });
    await page.getByTestId('approval-pin').focus();
    await page.keyboard.type('9999');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('approval-error')).toHaveText('Wrong manager PIN');
    await expect(page.getByTestId('approval-pin')).toHaveValue('');
    await expect(page.getByTestId('approval-pin')).toBeFocused();
    await expect(page.getByTestId('who')).toContainText(CASHIER.name);
    await expect(page.getByTestId('payment-dialog')).toBeVisible();
    await expect(page.getByTestId('bill-line')).toHaveCount(2);
    await shot(page, 'safe-billing-04-wrong-manager-pin');
  });

  test('the right manager PIN then applies the discount and saves the bill', async () => {
    await page.keyboard.type(PINS.manager);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('last-bill')).toContainText('Total ₹72.00');
    await expect(page.getByTestId('empty-bill')).toBeVisible();
    await expect(page.getByTestId('draft-restored')).toHaveCount(0);
    await shot(page, 'safe-billing-05-approved-and-saved');
  });

  test('a held bill is listed with its customer, item count, amount and who held it', async () => {
    await scan(page, BISCUIT.barcode);
    await scan(page, BISCUIT.barcode);
    await expect(page.getByTestId('line-qty')).toHaveText(['2 pcs']);
    await page.keyboard.press('F3');
    await expect(page.getByTestId('customer-search')).toBeFocused();
    await page.keyboard.type(CUSTOMER);
    // Only the "add" option once the search has answered (earlier results stay listed until it does).
    await expect(page.getByTestId('customer-options').getByRole('option')).toHaveText([
      `Add new customer: ${CUSTOMER}`,
    ]);
    await page.keyboard.press('Enter');
    // Adding a customer asks for the phone; it may be left empty.
    await expect(page.getByTestId('new-customer-phone')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('bill-customer')).toHaveText(CUSTOMER);
    await page.keyboard.press('F8');
    await expect(page.getByTestId('notice')).toContainText('Bill held');
    await page.keyboard.press('F9');
    const held = page.getByTestId('held-bill').filter({ hasText: CUSTOMER });
    await expect(held).toHaveCount(1);
    await expect(held.getByTestId('held-customer')).toHaveText(CUSTOMER);
    await expect(held.getByTestId('held-items')).toHaveText('1 item');
    await expect(held.getByTestId('held-amount')).toHaveText('₹20.00');
    await expect(held.getByTestId('held-by')).toContainText(`held by ${CASHIER.name} at`);
    await shot(page, 'safe-billing-06-held-bill-details');
    await held.click();
    await expect(page.getByTestId('bill-customer')).toHaveText(CUSTOMER);
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('last-bill')).toContainText('Total ₹20.00');
  });

  test('a UPI overpayment is refused as it is typed, and finalise waits until it is fixed', async () => {
    await scan(page, 'no-such-item-bs');
    await expect(page.getByTestId('scan-error')).toContainText('No item matches');
    await scan(page, BISCUIT.barcode);
    await expect(page.getByTestId('bill-total')).toHaveText('₹10.00');
    await page.keyboard.press('F2');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('pay-upi')).toBeFocused();
    await page.keyboard.type('90');
    await expect(page.getByTestId('pay-over')).toHaveText(
      'Only cash can be more than the bill: UPI is ₹80.00 too much',
    );
    await expect(page.getByTestId('pay-change')).toHaveText('₹0.00');
    await expect(page.getByTestId('pay-finalise')).toBeDisabled();
    await expect(page.getByTestId('finalise-blocked')).toBeVisible();
    await shot(page, 'safe-billing-07-upi-overpaid');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('payment-dialog')).toBeVisible();
    await page.getByTestId('pay-upi').fill('10');
    await expect(page.getByTestId('pay-over')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('last-bill')).toContainText('Total ₹10.00');
  });

  test('the next bill starts clean: no stale "No item matches"', async () => {
    await expect(page.getByTestId('scan-error')).toHaveCount(0);
    await expect(page.getByTestId('empty-bill')).toBeVisible();
    await shot(page, 'safe-billing-08-next-bill-clean');
  });

  test('the screens read in Hindi too', async () => {
    await page.keyboard.press('Alt+l');
    await scan(page, SUGAR.sku);
    await expect(page.getByTestId('weight-dialog-input')).toBeFocused();
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('weight-dialog-error')).toHaveText('0 से ज़्यादा मात्रा लिखें');
    await shot(page, 'safe-billing-09-weight-hindi');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+l');
    await expect(page.getByTestId('empty-bill')).toBeVisible();
  });

  test('the shift this spec opened is closed again, counted exactly', async () => {
    await page.keyboard.press('Alt+q');
    await loginAs(page, 'Asha', PINS.owner);
    await page.keyboard.press('Alt+c');
    const expected = paiseOf((await page.getByTestId('expected-cash').textContent()) ?? '');
    await expect(page.getByTestId('counted')).toBeFocused();
    await page.keyboard.type((expected / 100).toFixed(2));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('float')).toBeVisible();
  });
});
