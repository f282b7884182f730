// E-way bills on the owner dashboard against the real server: a real counter synced a ₹1,50,000 television sold to
// Mehta Traders in Karnataka (test/support/ewb-shop.ts). The owner finds it among the invoices needing an e-way bill,
// is told beside each box what is wrong (in English and Hindi), downloads the portal's JSON, makes the e-way bill
// through the API stand-in, sees its number and validity, moves the goods to another vehicle and cancels it.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { startTsx, type Started } from '../support/processes';
import { shot } from '../support/screens';

test.describe.serial('e-way bills on the dashboard', () => {
  let server: Started | undefined;
  let url = '';
  let login = '';
  let number = '';

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const started = await startTsx(
      'test/e2e/support/ewaybill-server.ts',
      [],
      {},
      /EWB_INVOICE=(\S+)[\s\S]*DASHBOARD_URL=(\S+)[\s\S]*DASHBOARD_LOGIN=(\S+)/,
      300_000,
    );
    server = started;
    [number, url, login] = [started.match[1]!, started.match[2]!, started.match[3]!];
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('enter the transport, download the JSON, make the e-way bill, change the vehicle, cancel', async ({ page }) => {
    test.setTimeout(180_000);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.getByLabel('Email').fill(login);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'E-way bills', exact: true }).click();

    const list = page.getByTestId('ewaybills');
    const row = list.getByRole('row', { name: new RegExp(number) });
    await expect(row).toContainText('Mehta Traders');
    await expect(row).toContainText('Karnataka (29)');
    await expect(row).toContainText('To make');
    // The ₹80,000 refrigerator stays within Maharashtra, whose own limit is ₹1 lakh: not listed.
    await expect(list.getByRole('row')).toHaveCount(2);
    await shot(page, 'ewaybill-list');
    await row.click();

    const form = page.getByTestId('ewaybill-transport');
    await expect(page.getByRole('heading', { name: `E-way bill for invoice ${number}` })).toBeVisible();
    await form.getByLabel('From PIN code').fill('40001');
    await form.getByLabel('To PIN code').fill('560011');
    await form.getByLabel('Approximate distance (km)').fill('0');
    await form.getByRole('button', { name: 'Generate e-way bill' }).click();
    const problemOf = (label: string) => form.locator('.field', { has: page.getByLabel(label) }).getByRole('alert');
    await expect(problemOf('From PIN code')).toContainText('Enter the 6-digit PIN code.');
    await expect(problemOf('From PIN code')).toContainText('6 अंकों का पिन कोड लिखें।');
    await expect(problemOf('Approximate distance (km)')).toContainText('Enter the distance in km, from 1 to 4000.');
    await expect(problemOf('Vehicle number')).toContainText('Road transport needs the vehicle number.');
    await expect(problemOf('Vehicle number')).toContainText('सड़क से ढुलाई के लिए गाड़ी का नंबर चाहिए।');
    await expect(problemOf('To PIN code')).toHaveCount(0);
    await shot(page, 'ewaybill-problems');

    await form.getByLabel('From PIN code').fill('400001');
    await form.getByLabel('Approximate distance (km)').fill('985');
    await form.getByLabel('Vehicle number').fill('mh 01 ab 1234');
    await expect(form.getByRole('alert')).toHaveCount(0);
    const download = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Download JSON for the portal' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`EWB_${number}.json`);
    const json = JSON.parse(await readFile(await file.path(), 'utf8'));
    expect(json.billLists[0]).toMatchObject({ docNo: number, fromPincode: 400001, vehicleNo: 'MH01AB1234' });

    await form.getByRole('button', { name: 'Generate e-way bill' }).click();
    const made = page.getByTestId('ewaybill-made');
    await expect(made.getByRole('heading', { name: /^E-way bill \d{12}$/ })).toBeVisible();
    // 985 km: ⌈985 / 200⌉ = 5 days, the last ending at midnight IST (NIC writes 23:59).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    const last = new Date(Date.parse(`${today}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    const [year, month, day] = last.split('-');
    await expect(page.getByTestId('ewaybill-valid-until')).toHaveText(`${day}-${month}-${year} 23:59`);
    await expect(page.getByTestId('ewaybill-vehicle')).toHaveText('MH01AB1234');
    await shot(page, 'ewaybill-made');

    const vehicle = page.getByTestId('ewaybill-vehicle-form');
    await vehicle.getByRole('button', { name: 'Update vehicle' }).click();
    await expect(vehicle.getByRole('alert').first()).toContainText('Road transport needs the vehicle number.');
    await vehicle.getByLabel('New vehicle number').fill('KA01AB9999');
    await vehicle.getByLabel('From place').fill('Belagavi');
    await vehicle.getByRole('button', { name: 'Update vehicle' }).click();
    await expect(page.getByTestId('ewaybill-vehicle')).toHaveText('KA01AB9999');
    await expect(made).toContainText('KA01AB9999 from Belagavi (breakdown)');
    await shot(page, 'ewaybill-vehicle-changed');

    await page.getByTestId('ewaybill-cancel').getByRole('button', { name: 'Cancel e-way bill' }).click();
    await expect(page.getByTestId('ewaybill-transport')).toContainText('was cancelled; make a new one.');
    await shot(page, 'ewaybill-cancelled');
  });
});
