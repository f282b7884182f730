// The counter's Reports screen, keyboard only: a cashier is turned away; a manager bills three sales and the day's
// totals, payment modes and item rows on the screen grow by exactly what was billed (whatever earlier specs billed).
import { expect, test, type Page } from '@playwright/test';
import { shopDate } from '../../src-shared/shop-time';
import { ITEMS, PINS, seedShop } from './support/seed';
import { loginAs } from './support/login';
import { ensureShiftOpen, paiseOf, scan, shot } from './support/screens';

const [RICE, DAL, SOAP] = ITEMS;

async function openReports(page: Page) {
  await page.keyboard.press('Alt+r');
  await expect(page.getByTestId('reports')).toBeVisible();
  await expect(page.getByTestId('range-today')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('total-sales')).not.toHaveText('…');
}

/** The figures a manager reads off the screen for today. */
async function figures(page: Page) {
  const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
  const modeRow = async (mode: string) => {
    const row = page.getByTestId('by-mode-row').filter({ hasText: mode });
    return (await row.count()) ? paiseOf((await row.locator('td').nth(1).textContent()) ?? '') : 0;
  };
  return {
    bills: Number(await text('total-bills')),
    salesPaise: paiseOf(await text('total-sales')),
    netPaise: paiseOf(await text('total-net')),
    cashPaise: await modeRow('Cash'),
    upiPaise: await modeRow('UPI'),
  };
}

/** The sales column of the newest shift in the shifts table. */
async function newestShiftSales(page: Page): Promise<number> {
  const sales = page.getByTestId('shifts-row').first().locator('td').nth(5);
  return paiseOf((await sales.textContent()) ?? '');
}

test.describe.serial('reports at the counter', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    await seedShop(process.env.GALLA_WS ?? '');
    page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(process.env.GALLA_URL ?? '');
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('a cashier has no Reports tab: Alt+R leaves her on the billing screen', async () => {
    await loginAs(page, 'Chetan', PINS.cashier);
    await page.keyboard.press('Alt+r');
    await expect(page.locator('main.screen')).toHaveAttribute('data-screen', 'billing');
    await expect(page.getByRole('navigation').getByRole('button', { name: /Reports/ })).toHaveCount(0);
    await page.keyboard.press('Alt+q');
  });

  test("a manager bills three sales and today's report shows exactly them on top of what was there", async () => {
    await loginAs(page, 'Manoj', PINS.manager);
    // Earlier specs may have left a shift open: then these bills go into it, on top of what it already holds.
    await ensureShiftOpen(page, '1000');
    await openReports(page);
    const before = await figures(page);
    await expect(page.getByTestId('shifts-row').first()).toBeVisible();
    const shiftSalesBefore = await newestShiftSales(page);

    await page.keyboard.press('Alt+b');
    await expect(page.getByTestId('scan-box')).toBeFocused();
    // Bill 1: rice ₹59 + dal ₹120 = ₹179, paid ₹200 cash (₹21 change).
    await scan(page, RICE.barcode);
    await scan(page, DAL.barcode);
    await expect(page.getByTestId('bill-total')).toHaveText('₹179.00');
    await page.keyboard.press('F2');
    await page.keyboard.type('200');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('change-due')).toHaveText('₹21.00');
    // Bill 2: two soaps, ₹71, by UPI.
    await scan(page, SOAP.barcode);
    await scan(page, SOAP.barcode);
    await expect(page.getByTestId('bill-total')).toHaveText('₹71.00');
    await page.keyboard.press('F2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('71');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('empty-bill')).toBeVisible();
    // Bill 3: dal ₹120, exact cash.
    await scan(page, DAL.barcode);
    await expect(page.getByTestId('bill-total')).toHaveText('₹120.00');
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('empty-bill')).toBeVisible();

    await openReports(page);
    const billed = { bills: 3, salesPaise: 17_900 + 7_100 + 12_000, cashPaise: 17_900 + 12_000, upiPaise: 7_100 };
    await expect
      .poll(() => figures(page))
      .toEqual({
        bills: before.bills + billed.bills,
        salesPaise: before.salesPaise + billed.salesPaise,
        netPaise: before.netPaise + billed.salesPaise,
        cashPaise: before.cashPaise + billed.cashPaise,
        upiPaise: before.upiPaise + billed.upiPaise,
      });
    const today = page.getByTestId('by-day-row').filter({ hasText: shopDate(new Date()) }); // the shop's day, in India
    await expect(today.locator('td').nth(2)).toHaveText((await page.getByTestId('total-sales').textContent()) ?? '');
    await expect(page.getByTestId('items-row').filter({ hasText: SOAP.name })).toBeVisible();
    await expect(page.getByTestId('gst-by-rate-row').filter({ hasText: '18%' })).toBeVisible();
    await shot(page, '20-reports');
    await page.getByTestId('shifts').scrollIntoViewIfNeeded();
    // The newest shift comes first: the open one, grown by exactly these three bills, with Manoj among its cashiers.
    await expect.poll(() => newestShiftSales(page)).toBe(shiftSalesBefore + billed.salesPaise);
    await expect(page.getByTestId('shifts-row').first()).toContainText('Manoj');
    await shot(page, '20-reports-lower');
    await page.getByTestId('range-today').focus();
  });

  test("yesterday shows none of today's bills, and a backwards custom range is explained", async () => {
    await page.getByTestId('range-yesterday').press('Enter');
    await expect(page.getByTestId('range-yesterday')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('total-bills')).toHaveText('0');
    await expect(page.getByTestId('by-day')).toContainText('Nothing in this range.');
    await page.getByTestId('range-from').fill('2026-12-31');
    await page.getByTestId('range-to').fill('2026-01-01');
    await expect(page.getByTestId('range-problem')).toContainText('The start date is after the end date.');
    await page.getByTestId('range-today').press('Enter');
    await expect(page.getByTestId('range-problem')).toHaveCount(0);
  });
});
