// Logs in at the PIN screen with the keyboard only: arrow to the member of staff, type the PIN, Enter.
import { expect, type Page } from '@playwright/test';

export async function loginAs(page: Page, name: string, pin: string): Promise<void> {
  await expect(page.getByTestId('login')).toBeVisible();
  await expect(page.getByTestId('pin')).toBeFocused();
  for (let tries = 0; tries < 5 && !(await page.getByRole('option', { selected: true }).textContent())?.includes(name); tries++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { selected: true })).toContainText(name);
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('who')).toContainText(name);
}
