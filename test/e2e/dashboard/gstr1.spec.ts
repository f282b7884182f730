// The GSTR-1 on the owner dashboard against the real server: a counter synced last month's bills worked by hand
// (test/support/gstr1-shop.ts); the GST page shows each table of the return with its count and amounts (the ₹1,50,000
// inter-state sale to an unregistered buyer in B2C Large, its void in CDNUR) and Table 13's serial ranges.
import { expect, test } from '@playwright/test';
import { startTsx, type Started } from '../support/processes';
import { shot } from '../support/screens';

test.describe.serial('the GSTR-1 on the dashboard', () => {
  let server: Started | undefined;
  let url = '';
  let login = '';
  let month = '';

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const started = await startTsx(
      'test/e2e/support/gstr1-server.ts',
      [],
      {},
      /GSTR1_MONTH=(\S+)[\s\S]*DASHBOARD_URL=(\S+)[\s\S]*DASHBOARD_LOGIN=(\S+)/,
      300_000,
    );
    server = started;
    [month, url, login] = [started.match[1]!, started.match[2]!, started.match[3]!];
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("last month's return, table by table, and the documents issued", async ({ page }) => {
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.getByLabel('Email').fill(login);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'GST', exact: true }).click();
    await expect(page.getByLabel('GSTR-1 period')).toHaveValue(month);

    const sections = page.getByTestId('gstr1-sections');
    const cells = async (name: string) => {
      const row = sections.getByRole('row', { name: new RegExp(`^${name}`) });
      await expect(row).toBeVisible();
      return [
        await row.locator('td[data-label="Records"]').textContent(),
        await row.locator('td[data-label="Taxable"]').textContent(),
        await row.locator('td[data-label="Tax"]').textContent(),
      ];
    };
    // ₹1,50,000 with 18 % inside: ₹1,27,118.64 taxable and ₹22,881.36 IGST, in B2CL; the void takes the same to CDNUR.
    expect(await cells('B2C \\(Large\\) invoices')).toEqual(['1', '₹1,27,118.64', '₹22,881.36']);
    expect(await cells('Credit notes, unregistered')).toEqual(['1', '₹1,27,118.64', '₹22,881.36']);
    // Ten bags of rice to Mehta Traders in Karnataka: ₹4,000 + ₹200 IGST.
    expect(await cells('B2B invoices')).toEqual(['1', '₹4,000.00', '₹200.00']);
    // Two bags over the counter, one returned: ₹400 + ₹10 + ₹10; the tomatoes are nil-rated.
    expect(await cells('B2C \\(Others\\)')).toEqual(['1', '₹400.00', '₹20.00']);
    expect(await cells('Nil-rated supplies')).toEqual(['1', '₹40.00', '₹0.00']);
    expect(await cells('Credit notes, registered')).toEqual(['0', '₹0.00', '₹0.00']);
    expect((await cells('HSN summary, B2B'))[0]).toBe('1');
    expect((await cells('HSN summary, B2C'))[0]).toBe('2');
    expect((await cells('Documents issued'))[0]).toBe('5');

    const ranges = page.getByTestId('gstr1-documents');
    // Numbers run per Indian financial year (April to March), named by the year it began.
    const year = Number(month.slice(5)) >= 4 ? month.slice(0, 4) : String(Number(month.slice(0, 4)) - 1);
    await expect(ranges.getByRole('row', { name: /^Invoices for outward supply/ })).toContainText(
      `C1-${year}-000001C1-${year}-000003303`,
    );
    await expect(ranges.getByRole('row', { name: /^Credit notes/ })).toContainText(
      `C1CN-${year}-000001C1CN-${year}-000002202`,
    );
    await page.getByTestId('gstr1').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shot(page, 'gstr1-sections');
  });
});
