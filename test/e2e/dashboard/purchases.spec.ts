// The owner's buying-side pages in Chromium against the real server: the purchase register (filtered by supplier and
// reverse charge), payables aged per supplier, last month's GSTR-3B (read on the page, JSON downloaded and read), and
// GSTR-2B matching (a wrong file refused in English and Hindi, then the portal's file sorted into the four lists and
// exported). A back-office counter synced the purchases (purchases-seed.ts); every page is photographed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { paiseOf, shot } from '../support/screens';
import { shopDayAgo } from '../../support/shop-days';

/** The machine the specs run on is shared and slow: a login (scrypt) or a report may take a while. */
const expect = baseExpect.configure({ timeout: 45_000 });

const ROOT = path.resolve(import.meta.dirname, '../../..');
let server: ChildProcess;
let url = '';
let login = '';
let twoBFile = '';

function startServer(): Promise<void> {
  server = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      path.join(ROOT, 'test/e2e/support/purchases-dashboard-server.ts'),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 170 s:\n${output}`)), 170_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DASHBOARD_URL=(\S+)/.exec(output)?.[1];
      const email = /DASHBOARD_LOGIN=(\S+)/.exec(output)?.[1];
      const file = /DASHBOARD_2B_FILE=(\S+)/.exec(output)?.[1];
      if (found && email && file) {
        clearTimeout(timer);
        [url, login, twoBFile] = [found, email, file];
        resolve();
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

async function logIn(page: Page) {
  await page.goto(url);
  await page.getByLabel('Email').fill(login);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('today')).toBeVisible();
}

/** dd-mm-yyyy of the first and last day of last month, as the owner types them. */
function lastMonthRange(): { from: string; to: string } {
  const [year, month] = shopDayAgo(new Date(), 0).split('-').map(Number) as [number, number];
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `01-${mm}-${y}`, to: `${last}-${mm}-${y}` };
}

test.use({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });

test.describe.serial('the owner’s purchases, payables, GSTR-3B and 2B matching', () => {
  test.setTimeout(240_000);
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await startServer();
  });
  test.afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  });

  test('purchase register and payables ageing', async ({ page }) => {
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await logIn(page);
    await page.getByRole('link', { name: 'Purchases' }).click();
    const table = page.getByTestId('purchases');
    // This week: only yesterday's bill from Rajesh Traders.
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table).toContainText('C3PB-2026-000005');
    // Last month, typed as the owner reads dates.
    const range = lastMonthRange();
    await page.getByLabel('From', { exact: true }).fill(range.from);
    await page.getByLabel('To', { exact: true }).fill(range.to);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(4);
    // ₹5,900 + ₹3,540 + ₹944 + ₹1,050 (the reverse-charge bill) = ₹11,434.00; ₹590 came back as a return.
    await expect(page.getByTestId('purchases-total')).toHaveText('₹11,434.00');
    await shot(page, 'dashboard-purchases');
    await page.getByLabel('Supplier', { exact: true }).selectOption({ label: 'Sharma Wholesale' });
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await page.getByLabel('Reverse charge', { exact: true }).selectOption({ label: 'Reverse charge only' });
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table).toContainText('URD-1');
    await shot(page, 'dashboard-purchases-filtered');

    await page.getByRole('link', { name: 'Payables' }).click();
    const payables = page.getByTestId('payables');
    // Sharma: 5,000 + 944 − 590 returned − 2,000 paid = 3,354; Rajesh: 3,540 + 1,416 = 4,956 (till today).
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await expect(page.getByTestId('due-to-suppliers')).toHaveText('₹8,310.00');
    await expect(payables.locator('tbody tr')).toHaveCount(2);
    const sharma = payables.locator('tbody tr', { hasText: 'Sharma Wholesale' });
    expect(paiseOf(await sharma.locator('td').nth(2).innerText())).toBe(335_400);
    await shot(page, 'dashboard-payables');
  });

  test('GSTR-3B of last month: the table and the portal JSON', async ({ page }) => {
    await logIn(page);
    await page.getByRole('link', { name: 'GSTR-3B' }).click();
    const supplies = page.getByTestId('gstr3b-supplies');
    await expect(supplies.locator('tbody tr')).toHaveCount(5);
    // 3.1(d): the reverse-charge bill, ₹1,000 taxable, ₹25 CGST and SGST.
    const reverse = supplies.locator('tbody tr', { hasText: '3.1(d)' });
    await expect(reverse).toContainText('₹1,000.00');
    await expect(reverse).toContainText('₹25.00');
    await shot(page, 'dashboard-gstr3b');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download GSTR-3B JSON' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^GSTR3B_27AAPFU0939F1ZV_\d{6}\.json$/);
    const json = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
      sup_details: { isup_rev: object };
      itc_elg: { itc_avl: { ty: string }[]; itc_net: object };
    };
    expect(json.sup_details.isup_rev).toEqual({ txval: 1000, iamt: 0, camt: 25, samt: 25, csamt: 0 });
    // All other ITC: SW/0042 (450 + 450) less its return (45 + 45), RT-7 (IGST 540), SW/0050 (72 + 72).
    expect(json.itc_elg.itc_avl.find((row) => row.ty === 'OTH')).toEqual({
      ty: 'OTH',
      iamt: 540,
      camt: 477,
      samt: 477,
      csamt: 0,
    });
    expect(json.itc_elg.itc_net).toEqual({ iamt: 540, camt: 502, samt: 502, csamt: 0 });
  });

  test('GSTR-2B matching: a wrong file is refused beside the upload, the portal’s file sorted into four lists and exported', async ({
    page,
  }) => {
    await logIn(page);
    await page.getByRole('link', { name: '2B matching' }).click();
    const upload = page.getByLabel('GSTR-2B file');
    const wrong = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'galla-2b-wrong-')), 'purchases.csv');
    fs.writeFileSync(wrong, 'GSTIN,Invoice,Value\n27AABCS1429B1Z5,SW-42,5900\n');
    await upload.setInputFiles(wrong);
    const problem = page.getByTestId('gstr2b-problem');
    await expect(problem).toContainText('This file is not a GSTR-2B JSON file.');
    await expect(problem.locator('[lang="hi"]')).toContainText('यह GSTR-2B की JSON फ़ाइल नहीं है।');
    await shot(page, 'dashboard-gstr2b-refused');

    await upload.setInputFiles(twoBFile);
    await expect(problem).toHaveCount(0);
    await expect(page.getByTestId('gstr2b-summary')).toContainText(
      '2 matched, 1 with other amounts, 1 missing in books, 1 missing in GSTR-2B',
    );
    await expect(page.getByTestId('gstr2b-matched').locator('tbody tr')).toHaveCount(2);
    const mismatched = page.getByTestId('gstr2b-mismatched').locator('tbody tr');
    await expect(mismatched).toHaveCount(1);
    await expect(mismatched).toContainText('RT-0007');
    await expect(mismatched).toContainText('₹3,100.00');
    await expect(mismatched).toContainText('₹3,000.00');
    await expect(page.getByTestId('gstr2b-missing_in_books')).toContainText('RT-11');
    await expect(page.getByTestId('gstr2b-missing_in_2b')).toContainText('SW/0050');
    await shot(page, 'dashboard-gstr2b');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^galla-gstr2b-reconciliation-01-\d\d-\d{4}-to-\d\d-\d\d-\d{4}\.csv$/);
    const csv = fs
      .readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv).toHaveLength(6);
    expect(csv.find((line) => line.includes('RT-0007'))).toContain('Amounts differ');
  });
});
