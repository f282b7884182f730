// The owner dashboard in Chromium against the real server: log in, pick a range, drill down day → invoices → invoice,
// export CSV (and read the file), khata reminder, monitoring (a quiet counter's alert acknowledged, then resolved into its
// cooldown), and the same screens on a phone. Every screen is photographed. The browser is set to the US locale and a US
// time zone on purpose: every date must still read dd-mm-yyyy in India's time.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { paiseOf, shot } from '../support/screens';
import { shopDateTime } from '../../../src-shared/shop-time';
import { shopDayAgo } from '../../support/shop-days';
import { ago } from '../../../dashboard/src/format';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PASSWORD = 'correct horse battery';
let server: ChildProcess;
let url = '';
let login = '';
let quietOutbox = -1;
/** When the server last heard from each counter, by counter code, as the overview reports it. */
let lastSync = new Map<string, string>();

function startServer(): Promise<void> {
  server = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'test/e2e/support/dashboard-server.ts')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`the dashboard server did not start within 120 s:\n${output}`)),
      120_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DASHBOARD_URL=(\S+)/.exec(output)?.[1];
      const email = /DASHBOARD_LOGIN=(\S+)/.exec(output)?.[1];
      const outbox = /DASHBOARD_QUIET_OUTBOX=(\d+)/.exec(output)?.[1];
      const synced = /DASHBOARD_LAST_SYNC=(\S+)/.exec(output)?.[1];
      if (found && email && outbox && synced) {
        clearTimeout(timer);
        url = found;
        login = email;
        quietOutbox = Number(outbox);
        lastSync = new Map(synced.split(',').map((entry) => entry.split('@') as [string, string]));
        resolve();
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`the dashboard server exited with ${code}:\n${output}`)));
  });
}

/** The shop's day `offset` days from today, by the same India calendar the seed (report-shop) uses. */
const isoDay = (offset: number) => shopDayAgo(new Date(), -offset);
/** The same day as the shop reads and types it: dd-mm-yyyy. */
const shopBusinessDate = (offset: number) => isoDay(offset).split('-').reverse().join('-');

function problemBeside(page: Page, label: string) {
  return page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.problem');
}

async function logIn(page: Page) {
  await page.goto(url);
  await page.getByLabel('Email').fill(login);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('today')).toBeVisible();
}

test.use({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });

test.describe.serial('the owner dashboard', () => {
  test.setTimeout(180_000);
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await startServer();
  });
  test.afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  });

  test('log in, see today against yesterday, filter a range, drill down to one invoice and export CSV', async ({
    page,
  }) => {
    page.on('pageerror', (error) => console.error('page error:', error.message));
    // The counters synced while the shop was seeded, seconds or minutes ago depending on the machine's load. The page's
    // clock is held at one known instant until the overview is read, so "last sync …" is exactly what the dashboard
    // must say for the server's sync times at that instant; then it runs on again.
    const shownAt = Date.now();
    await page.clock.setFixedTime(shownAt);
    await page.goto(url);
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
    await shot(page, 'dashboard-login');
    await page.getByLabel('Email').fill(login);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.locator('.error')).toBeVisible();
    await logIn(page);
    await expect(page.getByTestId('counters')).toContainText('C1');
    await expect(page.getByTestId('counters')).toContainText('C2');
    for (const code of ['C1', 'C2']) {
      const syncedAt = lastSync.get(code);
      expect(syncedAt, `the server's last sync of ${code}`).toMatch(/^\d{4}-\d\d-\d\dT/);
      await expect(page.getByTestId('counters').locator('li', { hasText: code })).toContainText(
        `last sync ${ago(syncedAt!, shownAt)}`,
      );
    }
    await page.clock.setSystemTime(Date.now());
    await expect(page.locator('.recharts-area')).toBeVisible();
    await expect(page.locator('.heat-cell').first()).toBeVisible();
    await shot(page, 'dashboard-overview');

    // The range boxes read the last seven days as dd-mm-yyyy, and are typed the same way.
    await page.getByRole('link', { name: 'Sales' }).click();
    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    await expect(from).toHaveValue(shopBusinessDate(-6));
    await expect(to).toHaveValue(shopBusinessDate(0));
    await expect(from).toHaveAttribute('placeholder', 'dd-mm-yyyy');
    await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
    const byDay = page.getByTestId('by-day');
    await expect(byDay.locator('tbody tr').first()).toBeVisible();
    const weekDays = await byDay.locator('tbody tr td:first-child').allTextContents();
    expect(weekDays.length).toBeGreaterThan(0);
    expect(weekDays).toContain(shopBusinessDate(0));
    expect(weekDays.every((day) => /^\d\d-\d\d-\d{4}$/.test(day))).toBe(true);

    // A day the calendar lacks, and a To before From, are refused beside their box; the report stays as it was.
    const shownUrl = page.url();
    await from.fill('31-04-2026');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(problemBeside(page, 'From')).toHaveText('There is no such day in the calendar');
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await from.fill('2026-04-01');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(problemBeside(page, 'From')).toHaveText('Type the date as dd-mm-yyyy, like 05-12-2026');
    await from.fill(shopBusinessDate(0));
    await to.fill(shopBusinessDate(-2));
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(problemBeside(page, 'To')).toHaveText('To is before From: pick the same day or a later one');
    await expect(problemBeside(page, 'From')).toHaveCount(0);
    await shot(page, 'dashboard-range-refused');
    expect(page.url()).toBe(shownUrl);
    await expect(byDay.locator('tbody tr td:first-child')).toHaveText(weekDays);

    // Filter the range to the last three days: the by-day table shows exactly those days, dd-mm-yyyy.
    await from.fill(shopBusinessDate(-2));
    await to.fill(shopBusinessDate(0));
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(byDay.locator('tbody tr')).toHaveCount(3);
    expect(page.url()).toContain(`from=${isoDay(-2)}&to=${isoDay(0)}`);
    await expect(byDay.locator('tbody tr td:first-child')).toHaveText([
      shopBusinessDate(-2),
      shopBusinessDate(-1),
      shopBusinessDate(0),
    ]);
    await expect(problemBeside(page, 'To')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'false');
    await shot(page, 'dashboard-sales');

    // Sort by sales, then drill down: the day's invoices add up to the day's sales, and one invoice opens in full.
    await byDay.getByRole('button', { name: 'Sales' }).click();
    await expect(byDay.locator('th[aria-sort="descending"]')).toHaveCount(1);
    const sorted = (await byDay.locator('tbody tr td:nth-child(3)').allTextContents()).map(paiseOf);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    const firstDay = byDay.locator('tbody tr').first();
    const daySales = paiseOf((await firstDay.locator('td').nth(2).textContent()) ?? '');
    await firstDay.click();
    const invoices = page.getByTestId('invoices');
    await expect(invoices.locator('tbody tr').first()).toBeVisible();
    await expect(invoices.getByRole('heading')).toHaveText(/^Invoices on \d\d-\d\d-\d{4}$/);
    await expect(invoices.locator('td[data-label="Time"]').first()).toHaveText(/^\d\d-\d\d-\d{4} \d\d:\d\d$/);
    const totals = await invoices.locator('tbody tr td:last-child').allTextContents();
    expect(totals.reduce((sum, text) => sum + paiseOf(text), 0)).toBe(daySales);
    await shot(page, 'dashboard-invoices');
    const number = (await invoices.locator('tbody tr').first().locator('td').first().textContent()) ?? '';
    await invoices.locator('tbody tr').first().click();
    await expect(page.getByTestId('invoice')).toContainText(`Invoice ${number}`);
    await expect(page.getByTestId('invoice')).toContainText('Paid');
    await shot(page, 'dashboard-invoice');

    // Back (browser history) to the three-day range; export its by-day table as CSV and read the file.
    await page.goBack();
    await page.goBack();
    await expect(byDay.locator('tbody tr')).toHaveCount(3);
    const downloadEvent = page.waitForEvent('download');
    await page.getByTestId('by-day').getByRole('button', { name: 'CSV' }).click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe(
      `galla-sales-by-day-${shopBusinessDate(-2)}-to-${shopBusinessDate(0)}.csv`,
    );
    const csv = fs
      .readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('Date,Invoices,Sales,Tax,Returns,Returned,Net sales,Gross profit');
    expect(
      csv
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual([isoDay(-2), isoDay(-1), isoDay(0)]);

    // A quick range: yesterday alone.
    await page.getByRole('button', { name: 'Yesterday' }).click();
    await expect(byDay.locator('tbody tr td:first-child')).toHaveText([shopBusinessDate(-1)]);
    await expect(from).toHaveValue(shopBusinessDate(-1));
    await expect(to).toHaveValue(shopBusinessDate(-1));
    await page.getByRole('button', { name: 'Today' }).click();
    await expect(byDay.locator('tbody tr td:first-child')).toHaveText([shopBusinessDate(0)]);

    // Khata: the customer who owes, with a reminder to copy.
    await page.getByRole('link', { name: 'Khata' }).click();
    const khata = page.getByTestId('khata');
    await expect(khata.getByRole('heading')).toHaveText(`Khata ageing as of ${shopBusinessDate(0)}`);
    await khata.getByRole('row', { name: /Ramesh Kumar/ }).click();
    await expect(page.getByTestId('reminder').locator('textarea')).toHaveValue(
      /Ramesh Kumar ji.*is due on your khata \(oldest since \d\d-\d\d-\d{4}\)/,
    );
    await shot(page, 'dashboard-khata');
    await page.getByRole('link', { name: 'Items' }).click();
    await expect(page.getByTestId('items')).toContainText('Neem Soap');
    await shot(page, 'dashboard-items');
    await page.getByRole('link', { name: 'GST', exact: true }).click();
    await expect(page.getByText('GST by HSN')).toBeVisible();
    await shot(page, 'dashboard-gst');
    await page.getByRole('link', { name: 'Shifts & returns' }).click();
    await expect(page.locator('td[data-label="Opened"]').first()).toHaveText(/^\d\d-\d\d-\d{4} \d\d:\d\d$/);
    await shot(page, 'dashboard-shifts');
  });

  test("monitoring: each counter's sync, outbox, version, printer and backup; a quiet counter's alert acknowledged, then resolved into its cooldown", async ({
    page,
  }) => {
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await logIn(page);
    const navLink = page.getByRole('link', { name: /^Monitoring/ });
    await expect(navLink.locator('.nav-count')).toHaveText('1');
    await navLink.click();
    await expect(page.getByLabel('From')).toHaveCount(0);

    const counters = page.getByTestId('monitoring-counters');
    const cells = (code: string) =>
      counters.getByRole('row', { name: new RegExp(`${code} · Counter ${code}`) }).locator('td');
    // C1 synced just now as v1.4.0 with an empty outbox and a backup on the server.
    // "Just now" when the page opens within a minute of the seed; a loaded machine can take longer.
    const recently = /^(just now|\d{1,2} min ago)$/;
    await expect(cells('C1')).toHaveText([
      'C1 · Counter C1',
      recently,
      '0 waiting',
      'v1.4.0',
      'No printer set',
      recently,
    ]);
    await expect(cells('C2')).toHaveText([
      'C2 · Counter C2',
      recently,
      '0 waiting',
      'v1.4.0',
      'No printer set',
      'never',
    ]);
    // C3 last pushed three hours ago as v1.3.0, with changes still waiting: its last sync is flagged.
    await expect(cells('C3')).toHaveText([
      'C3 · Counter C3',
      '3 h ago',
      `${quietOutbox} waiting`,
      'v1.3.0',
      'No printer set',
      'never',
    ]);
    await expect(counters.locator('.flagged')).toHaveText(['3 h ago']);
    await expect(page.getByTestId('monitoring-summary')).toContainText('1 not syncing');

    const alerts = page.getByTestId('alerts');
    const alert = alerts.getByTestId('alert');
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText('Not syncing');
    await expect(alert).toContainText('Counter C3 (C3) has not synced for 3 h.');
    await expect(alert).toContainText('Once resolved, it stays quiet for 60 min');
    await shot(page, 'dashboard-monitoring');

    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(alerts.getByRole('button', { name: 'Open (0)' })).toBeVisible();
    await expect(navLink.locator('.nav-count')).toHaveCount(0);
    await alerts.getByRole('button', { name: 'Acknowledged (1)' }).click();
    await expect(alert).toContainText('Acknowledged');
    await expect(alert.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);

    await alert.getByRole('button', { name: 'Resolve' }).click();
    await expect(alerts.getByRole('button', { name: 'Acknowledged (0)' })).toBeVisible();
    await alerts.getByRole('button', { name: 'Resolved (1)' }).click();
    await expect(alert.getByRole('button')).toHaveCount(0);
    await expect(alert).toContainText(/Resolved \d\d-\d\d-\d{4} \d\d:\d\d/);
    // The server holds the same condition back for the cooldown after the resolve; the page says until when.
    const hourFromNow = [0, 1].map((minute) =>
      shopDateTime(new Date(Date.now() + (60 - minute) * 60_000).toISOString()),
    );
    await expect(alert.locator('.cooldown')).toHaveText(
      new RegExp(`may fire again from (${hourFromNow.join('|')}) if the problem is still there`),
    );
    // Resolving does not make C3 sync: it stays flagged until it does.
    await expect(counters.locator('.flagged')).toHaveText(['3 h ago']);
    await shot(page, 'dashboard-monitoring-resolved');
  });

  test('works on a phone screen', async ({ browser }) => {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await logIn(phone);
    const scrollsSideways = () => phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(await scrollsSideways()).toBe(false);
    await shot(phone, 'dashboard-phone-overview');
    await phone.getByRole('link', { name: 'Sales' }).click();
    await expect(phone.getByTestId('by-day').locator('tbody tr').first()).toBeVisible();
    expect(await scrollsSideways()).toBe(false);
    await shot(phone, 'dashboard-phone-sales');
    await phone.getByLabel('To', { exact: true }).fill('29-02-2027');
    await phone.getByRole('button', { name: 'Apply' }).click();
    await expect(problemBeside(phone, 'To')).toHaveText('There is no such day in the calendar');
    expect(await scrollsSideways()).toBe(false);
    await shot(phone, 'dashboard-phone-range-refused');
    await phone.getByTestId('by-day').locator('tbody tr').first().click();
    await phone.getByTestId('invoices').locator('tbody tr').first().click();
    await expect(phone.getByTestId('invoice')).toBeVisible();
    await shot(phone, 'dashboard-phone-invoice');
    await phone.goBack();
    await expect(phone.getByTestId('invoices').locator('tbody tr').first()).toBeVisible();
    expect(await scrollsSideways()).toBe(false);
    await shot(phone, 'dashboard-phone-invoices');
    await phone.getByRole('link', { name: 'Khata' }).click();
    await expect(phone.getByTestId('khata').locator('tbody tr').first()).toBeVisible();
    expect(await scrollsSideways()).toBe(false);
    await shot(phone, 'dashboard-phone-khata');
    await phone.getByRole('link', { name: 'GST', exact: true }).click();
    await expect(phone.getByText('GST by HSN')).toBeVisible();
    expect(await scrollsSideways()).toBe(false);
    await shot(phone, 'dashboard-phone-gst');
    await phone.getByRole('link', { name: /^Monitoring/ }).click();
    await expect(phone.getByTestId('monitoring-counters').locator('tbody tr')).toHaveCount(3);
    await phone.getByTestId('alerts').getByRole('button', { name: 'Resolved (1)' }).click();
    await expect(phone.getByTestId('alert')).toContainText('may fire again from');
    expect(await scrollsSideways()).toBe(false);
    await shot(phone, 'dashboard-monitoring-phone');
    await phone.getByTestId('alert').scrollIntoViewIfNeeded();
    await shot(phone, 'dashboard-monitoring-phone-alerts');
    await phone.close();
  });
});
