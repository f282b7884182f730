// The counter app's page loads without a failed request: its tab icon included (a browser asks for one on every page).
import { expect, test } from '@playwright/test';

test('the counter page and its tab icon load with no failed request', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  // Whichever screen this ledger opens on (first start or PIN login), the app has drawn it and stopped loading.
  await page.goto(process.env.GALLA_URL ?? '', { waitUntil: 'networkidle' });
  await expect(page.locator('#root')).not.toBeEmpty();

  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveAttribute('href', /\.png$/);
  const response = await page.request.get(new URL((await icon.getAttribute('href'))!, page.url()).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(failed).toEqual([]);
});
