// The buying side and the cash drawer through the screens (issue 16): a new supplier with an opening due (a negative,
// a word and an absurd amount each refused beside the box, in English and Hindi), a supplier bill part-paid in cash
// and a cash payment to the supplier, then the cashier closes the shift and the screen's expected cash has both taken
// out; then what a cashier sees of purchases: bills, orders and suppliers to look at, no button the ledger would refuse.
// It runs on a counter app and ledger of its own.
import { expect, test, type Page } from '@playwright/test';
import { openSeededCounter, type SeededCounter } from './support/counter-app';
import { ITEMS, PINS } from './support/seed';
import { loginAs } from './support/login';
import { paiseOf, scan, shot } from './support/screens';
import { shopDate } from '../../src-shared/shop-time';

const SUPPLIER = { name: 'Laxmi Distributors', phone: '9822098220' };
const DAL = ITEMS[1];
const TODAY = shopDate(new Date());
/**
 * Worked by hand: float ₹2,000. The bill: 10 dal at ₹100 + 5 % GST (CGST ₹25 + SGST ₹25) = ₹1,050.00, ₹400 paid in
 * cash on it, ₹650 on credit. Then ₹300 paid to the supplier in cash. Opening due ₹2,500.
 * Paid to suppliers ₹400 + ₹300 = ₹700; expected cash ₹2,000 − ₹700 = ₹1,300.
 * Still owed the supplier: ₹2,500 + ₹650 − ₹300 = ₹2,850.
 */
const FLOAT = '2000';
const OPENING_DUE_PAISE = 2_500_00;
const CASH_ON_BILL = '400';
const CASH_PAYMENT = '300';
const PAID_TO_SUPPLIERS_PAISE = 700_00;
const EXPECTED_PAISE = 1_300_00;
const OWED_PAISE = 2_850_00;

test.describe.serial('purchases, the drawer and the cashier', () => {
  let page: Page;
  let counter: SeededCounter;

  test.beforeAll(async ({ browser }) => {
    counter = await openSeededCounter(browser, { name: 'Asha', pin: PINS.owner });
    page = counter.page;
  });

  test.afterAll(() => counter?.close());

  test('the owner opens the shift with a float', async () => {
    await page.keyboard.press('Alt+c');
    await expect(page.getByTestId('float')).toBeFocused();
    await page.keyboard.type(FLOAT);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('expected-cash')).toHaveText('₹2,000.00');
  });

  test('a new supplier’s opening due: bad amounts are refused beside the box in English and Hindi; a good one is owed', async () => {
    await page.keyboard.press('Alt+k');
    await page.getByTestId('suppliers-tab').click();
    const form = page.getByTestId('new-supplier-form');
    await form.getByTestId('party-name').fill(SUPPLIER.name);
    await form.getByTestId('party-phone').fill(SUPPLIER.phone);
    const due = form.getByTestId('party-openingDue');
    const error = form.getByTestId('party-error-openingDue');
    for (const [typed, said] of [
      ['-500', 'cannot be below zero'],
      ['five hundred', 'Enter an amount like 5000'],
      ['25000000000', 'more than ₹1 crore'],
    ] as const) {
      await due.fill(typed);
      await form.getByTestId('party-save').click();
      await expect(error).toContainText(said);
      await expect(page.getByTestId('supplier-row')).toHaveCount(0);
    }
    await expect(due).toHaveAttribute('aria-invalid', 'true');
    await shot(page, 'purchases-shift-01-opening-due-refused');
    await page.keyboard.press('Alt+l');
    await form.getByTestId('party-save').click();
    await expect(error).toContainText('₹1 करोड़ से ज़्यादा');
    await due.fill('-5');
    await form.getByTestId('party-save').click();
    await expect(error).toContainText('शून्य से कम नहीं');
    await shot(page, 'purchases-shift-02-opening-due-refused-hi');
    await page.keyboard.press('Alt+l');
    await expect(page.getByTestId('supplier-row')).toHaveCount(0);

    await due.fill('2,500');
    await form.getByTestId('party-save').click();
    await expect(page.getByTestId('supplier-row')).toHaveCount(1);
    await expect(page.getByTestId('supplier-payable')).toHaveText('₹2,500.00');
    await expect(due).toHaveValue('');
    await page.getByTestId('supplier-row').click();
    await expect(page.getByTestId('supplier-statement-row')).toHaveCount(1);
    expect(paiseOf((await page.getByTestId('supplier-statement-closing').textContent()) ?? '')).toBe(OPENING_DUE_PAISE);
    await shot(page, 'purchases-shift-03-opening-due-saved');
    await page.keyboard.press('Escape');
  });

  test('a supplier bill part-paid in cash, and a cash payment to the supplier', async () => {
    await page.keyboard.press('Alt+p');
    await page.keyboard.press('F2');
    await expect(page.getByTestId('purchase-supplier-search')).toBeFocused();
    await page.keyboard.type('Laxmi');
    await expect(page.getByTestId('purchase-supplier-options')).toContainText(SUPPLIER.name);
    await page.keyboard.press('Enter');
    await page.getByTestId('purchase-invoice-number').fill('LD/77');
    await page.getByTestId('purchase-invoice-date').fill(TODAY);
    await page.getByTestId('purchase-scan').focus();
    await scan(page, DAL.barcode);
    await expect(page.getByTestId('line-qty').first()).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('10');
    await page.getByTestId('line-rate').first().fill('100');
    await expect(page.getByTestId('purchase-total')).toHaveText('₹1,050.00');
    await expect(page.getByTestId('purchase-pay-mode')).toHaveValue('cash');
    await page.getByTestId('purchase-pay-amount').fill(CASH_ON_BILL);
    await expect(page.getByTestId('purchase-on-credit')).toHaveText('₹650.00');
    await page.keyboard.press('F2');
    await expect(page.getByTestId('purchase-saved')).toContainText('on credit ₹650.00');

    await page.keyboard.press('Alt+k');
    await page.getByTestId('suppliers-tab').click();
    await page.getByTestId('supplier-row').click();
    await page.getByTestId('pay-supplier-amount').fill(CASH_PAYMENT);
    await page.getByTestId('pay-supplier-mode').selectOption('cash');
    await page.getByTestId('pay-supplier-submit').click();
    await expect(page.getByTestId('pay-supplier-done')).toContainText('₹300.00');
    await expect(page.getByTestId('supplier-detail-payable')).toHaveText('₹2,850.00');
    expect(paiseOf((await page.getByTestId('supplier-detail-payable').textContent()) ?? '')).toBe(OWED_PAISE);
    await expect(page.getByTestId('supplier-payment-print')).toHaveCount(1);
    await shot(page, 'purchases-shift-04-supplier-paid');
  });

  test('the cashier closes the shift: the screen’s expected cash has the bill’s cash and the payment taken out', async () => {
    await page.keyboard.press('Alt+q');
    await loginAs(page, 'Chetan', PINS.cashier);
    await page.keyboard.press('Alt+c');
    const paidOut = page.getByTestId('shift-paid-to-suppliers').locator('.num');
    expect(paiseOf((await paidOut.textContent()) ?? '')).toBe(-PAID_TO_SUPPLIERS_PAISE);
    await expect(page.getByTestId('expected-cash')).toHaveText('₹1,300.00');
    await shot(page, 'purchases-shift-05-cashier-before-close');
    await expect(page.getByTestId('counted')).toBeFocused();
    await page.keyboard.type('1300');
    await page.keyboard.press('Enter');
    const report = page.getByTestId('closed-report');
    await expect(report).toBeVisible();
    expect(paiseOf((await report.getByTestId('expected-cash').textContent()) ?? '')).toBe(EXPECTED_PAISE);
    await expect(report.getByTestId('cash-difference')).toHaveText('₹0.00');
    await expect(report.getByTestId('shift-paid-to-suppliers')).toContainText('-₹700.00');
    await shot(page, 'purchases-shift-06-cashier-closed');
  });

  test('a cashier sees the purchase bills, orders and suppliers, with no button the ledger would refuse', async () => {
    await page.keyboard.press('Alt+p');
    await expect(page.getByTestId('purchases')).toBeVisible();
    await expect(page.getByTestId('purchase-row')).toHaveCount(1);
    await expect(page.getByTestId('purchase-row')).toContainText('LD/77');
    await expect(page.getByTestId('purchase-new')).toHaveCount(0);
    // F2 starts nothing for a cashier.
    await page.keyboard.press('F2');
    await expect(page.getByTestId('purchase-form')).toHaveCount(0);
    await shot(page, 'purchases-shift-07-cashier-purchases');
    await page.getByTestId('purchase-row').click();
    await expect(page.getByTestId('purchase-detail')).toBeVisible();
    await expect(page.getByTestId('purchase-detail-total')).toHaveText('₹1,050.00');
    await expect(page.getByTestId('purchase-return-qty')).toHaveCount(0);
    await shot(page, 'purchases-shift-08-cashier-bill');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Alt+o');
    await expect(page.getByTestId('purchase-orders')).toBeVisible();
    await expect(page.getByTestId('po-new')).toHaveCount(0);

    await page.keyboard.press('Alt+k');
    await page.getByTestId('suppliers-tab').click();
    await page.getByTestId('supplier-row').click();
    await expect(page.getByTestId('supplier-detail-payable')).toHaveText('₹2,850.00');
    await expect(page.getByTestId('pay-supplier')).toHaveCount(0);
    await expect(page.getByTestId('supplier-statement-row')).toHaveCount(3);
    await shot(page, 'purchases-shift-09-cashier-supplier');
  });
});
