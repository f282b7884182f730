// What a cashier and an owner read: refusals in shop language (English and Hindi) beside the field they are about,
// PINs unique at the counter with a "Saved" for a new PIN, and no tab that would only say "not allowed".
import { expect, test, type Page } from '@playwright/test';
import { PINS } from './support/seed';
import { loginAs, openLoggedIn } from './support/login';
import { shot } from './support/screens';

const DEVELOPER_TEXT = /Invalid input|expected|Too big|Too small|[a-z]Milli|[a-z]Paise|\(bp\)|value\./;
/** PINs no other spec gives, so this spec's clashes are only with the seeded owner and manager. */
const NEW_PIN = '7301';
const ANOTHER_PIN = '7302';

test.describe.serial('shop language and PINs', () => {
  let page: Page;
  const staffRow = (name: string) => page.getByTestId('staff-row').filter({ hasText: name });

  test.beforeAll(async ({ browser }) => {
    page = await openLoggedIn(browser, 'Asha', PINS.owner);
  });

  test.afterAll(async () => {
    await page.evaluate(() => localStorage.removeItem('galla.language'));
    await page.close();
  });

  test('a wrong shop GSTIN is named beside the GSTIN field in shop words, in English and in Hindi', async () => {
    await page.keyboard.press('Alt+s');
    const gstin = page.getByTestId('shop-gstin');
    const saved = await gstin.inputValue();
    await gstin.fill('27AAPFU0939F1ZX');
    await page.getByTestId('shop-form').getByRole('button', { name: 'Save' }).click();
    const error = page.getByTestId('shop-gstin-error');
    await expect(error).toHaveText('This GSTIN is not valid. Check its 15 characters.');
    await expect(page.getByTestId('shop-form')).not.toContainText(DEVELOPER_TEXT);
    await shot(page, 'smalls-01-gstin-error-en');
    await page.keyboard.press('Alt+l');
    await expect(error).toHaveText('यह GSTIN सही नहीं है। इसके 15 अक्षर जाँचें।');
    await shot(page, 'smalls-02-gstin-error-hi');
    await page.keyboard.press('Alt+l');
    await gstin.fill(saved);
  });

  test("a new cashier may not take the owner's PIN: refused in words, nobody added", async () => {
    const panel = page.getByTestId('staff-panel');
    const before = await page.getByTestId('staff-row').count();
    await panel.getByPlaceholder('Name').fill('Sunita (cashier)');
    await panel.getByRole('combobox').selectOption('cashier');
    await panel.getByPlaceholder('PIN').fill(PINS.owner);
    await panel.getByRole('button', { name: 'Add staff' }).click();
    await expect(panel.getByTestId('error')).toHaveText(
      'Someone at this counter already has this PIN. Choose a different PIN.',
    );
    await expect(page.getByTestId('staff-row')).toHaveCount(before);
    await panel.evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await shot(page, 'smalls-03-pin-taken-en');
    await page.keyboard.press('Alt+l');
    await expect(panel.getByTestId('error')).toHaveText('इस काउंटर पर किसी और का यही PIN है। कोई दूसरा PIN चुनें।');
    await shot(page, 'smalls-04-pin-taken-hi');
    await page.keyboard.press('Alt+l');
    await panel.getByPlaceholder('PIN').fill(NEW_PIN);
    await panel.getByRole('button', { name: 'Add staff' }).click();
    await expect(staffRow('Sunita')).toContainText('Cashier');
    await expect(page.getByTestId('staff-row')).toHaveCount(before + 1);
  });

  test('a new PIN says "Saved" in its row; the manager\'s PIN is refused beside it', async () => {
    await staffRow('Sunita').getByLabel('New PIN').fill(PINS.manager);
    await staffRow('Sunita').getByRole('button', { name: 'Save' }).click();
    await expect(staffRow('Sunita').getByTestId('pin-error')).toHaveText(
      'Someone at this counter already has this PIN. Choose a different PIN.',
    );
    await staffRow('Sunita').getByLabel('New PIN').fill(ANOTHER_PIN);
    await staffRow('Sunita').getByRole('button', { name: 'Save' }).click();
    await expect(staffRow('Sunita').getByTestId('pin-saved')).toHaveText('New PIN saved for Sunita (cashier).');
    await expect(staffRow('Sunita').getByTestId('pin-error')).toHaveCount(0);
    await expect(staffRow('Sunita').getByLabel('New PIN')).toHaveValue('');
    await shot(page, 'smalls-05-pin-saved');
  });

  test('a wrong PIN at login reads "Wrong PIN. Tries left: 4." and in Hindi', async () => {
    await page.keyboard.press('Alt+q');
    await expect(page.getByTestId('login')).toBeVisible();
    for (let tries = 0; tries < 8; tries++) {
      if ((await page.getByRole('option', { selected: true }).textContent())?.includes('Sunita')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('error')).toHaveText('Wrong PIN. Tries left: 4.');
    await page.keyboard.press('Alt+l');
    await expect(page.getByTestId('error')).toHaveText('गलत PIN। बचे हुए प्रयास: 4।');
    await shot(page, 'smalls-06-wrong-pin-hi');
    await page.keyboard.press('Alt+l');
  });

  test('the cashier sees no Reports tab, Alt+R leaves her where she is, and Settings holds only what she may use', async () => {
    await loginAs(page, 'Sunita', ANOTHER_PIN);
    const tabs = page.getByRole('navigation');
    await expect(tabs.getByRole('button', { name: /Billing/ })).toBeVisible();
    await expect(tabs.getByRole('button', { name: /Reports/ })).toHaveCount(0);
    await page.keyboard.press('Alt+r');
    await expect(page.locator('main.screen')).toHaveAttribute('data-screen', 'billing');
    await page.keyboard.press('Alt+s');
    await expect(page.getByTestId('printers-panel')).toBeVisible();
    await expect(page.getByTestId('shop-form')).toHaveCount(0);
    await expect(page.getByTestId('counter-form')).toHaveCount(0);
    await expect(page.getByTestId('staff-panel')).toHaveCount(0);
    await shot(page, 'smalls-07-cashier-tabs');
    await page.keyboard.press('Alt+q');
  });
});
