// Logs in at the PIN screen with the keyboard only: arrow to the member of staff, type the PIN, Enter.
import { expect, type Browser, type Page } from '@playwright/test';
import { seedShop } from './seed';

export async function loginAs(page: Page, name: string, pin: string): Promise<void> {
  await expect(page.getByTestId('login')).toBeVisible();
  await expect(page.getByTestId('pin')).toBeFocused();
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

/** A new page on the seeded shop's counter app, logged in as `name`: the set-up every screen spec starts with. */
export async function openLoggedIn(browser: Browser, name: string, pin: string): Promise<Page> {
  await seedShop(process.env.GALLA_WS ?? '');
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(process.env.GALLA_URL ?? '');
  await loginAs(page, name, pin);
  return page;
}
