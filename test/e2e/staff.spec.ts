// Staff and PINs in Settings: the owner adds a cashier, gives her a new PIN she then logs in with, and deactivates her;
// a manager sees PIN and deactivate controls only for cashiers, and may add only cashiers.
import { expect, test, type Page } from '@playwright/test';
import { PINS } from './support/seed';
import { loginAs, openLoggedIn } from './support/login';
import { shot } from './support/screens';

test.describe.serial('staff and PINs', () => {
  let page: Page;
  const row = (name: string) => page.getByTestId('staff-row').filter({ hasText: name });

  test.beforeAll(async ({ browser }) => {
    page = await openLoggedIn(browser, 'Asha', PINS.owner);
    await page.keyboard.press('Alt+s');
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('the owner adds a cashier, who is listed with her role', async () => {
    const panel = page.getByTestId('staff-panel');
    await panel.getByPlaceholder('Name').fill('Priya (cashier)');
    await panel.getByRole('combobox').selectOption('cashier');
    await panel.getByPlaceholder('PIN').fill('4444');
    await panel.getByRole('button', { name: 'Add staff' }).click();
    await expect(row('Priya')).toContainText('Cashier');
    await expect(panel.getByPlaceholder('Name')).toHaveValue('');
    await panel.evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await shot(page, '28-staff');
  });

  test('a new PIN set by the owner is the one the cashier logs in with', async () => {
    await row('Priya').getByLabel('New PIN').fill('5555');
    await row('Priya').getByRole('button', { name: 'Save' }).click();
    await expect(row('Priya').getByLabel('New PIN')).toHaveValue('');
    await page.keyboard.press('Alt+q');
    await loginAs(page, 'Priya', '5555');
    await page.keyboard.press('Alt+q');
  });

  test('a manager may change cashiers only, and add only cashiers', async () => {
    await loginAs(page, 'Manoj', PINS.manager);
    await page.keyboard.press('Alt+s');
    await expect(row('Priya').getByLabel('New PIN')).toBeVisible();
    await expect(row('Priya').getByRole('button', { name: 'Deactivate' })).toBeVisible();
    for (const name of ['Asha', 'Manoj']) {
      await expect(row(name)).toBeVisible();
      await expect(row(name).getByRole('button')).toHaveCount(0);
    }
    const roles = await page.getByTestId('staff-panel').getByRole('combobox').locator('option').allTextContents();
    expect(roles).toEqual(['Cashier']);
    await page.getByTestId('staff-panel').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await shot(page, '28-staff-manager');
  });

  test('a deactivated cashier is no longer offered at the PIN screen', async () => {
    await row('Priya').getByRole('button', { name: 'Deactivate' }).click();
    await expect(row('Priya').getByRole('button', { name: 'Activate' })).toBeVisible();
    await page.keyboard.press('Alt+q');
    await expect(page.getByTestId('login')).toBeVisible();
    await expect(page.getByRole('option', { name: /Manoj/ })).toBeVisible();
    await expect(page.getByRole('option', { name: /Priya/ })).toHaveCount(0);
  });
});
