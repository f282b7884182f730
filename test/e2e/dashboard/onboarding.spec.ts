// A shop's start, through the screens only: the owner signs up on the dashboard (a wrong GSTIN and state are pointed out
// beside their boxes), fills in the shop settings, adds a counter and gets its code and QR, enrols a real counter with
// that code in the counter app's Settings → Sync, sees it in the Counters list with its last sync, and revokes it; then
// staff, the GSTR-1 under the stored GSTIN, and the same pages on a phone. Every screen is photographed.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { withToken } from '../support/counter-app';
import { shot } from '../support/screens';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const bridgeToken = randomBytes(24).toString('base64url');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const PHONE = { width: 390, height: 844 };
const SHOP_GSTIN = '27AAPFU0939F1ZV';
const OWNER = { email: 'meera@example.in', password: 'meera’s long password' };

/** Starts a child process and resolves with the values it prints as KEY=value, once all are there. */
function startChild(
  args: string[],
  keys: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; values: Record<string, string> }> {
  const child = spawn(process.execPath, [TSX, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start within 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const values = Object.fromEntries(keys.map((key) => [key, new RegExp(`${key}=(\\S+)`).exec(output)?.[1]]));
      if (keys.every((key) => values[key])) {
        clearTimeout(timer);
        resolve({ child, values: values as Record<string, string> });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}:\n${output}`)));
  });
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function problemBeside(page: Page, label: string) {
  return page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.problem');
}

/** The same page at a phone's width: nothing may stick out sideways; then back to the desktop. */
async function phoneShot(page: Page, name: string): Promise<void> {
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name} fits the phone's width`).toBeLessThanOrEqual(PHONE.width);
  await shot(page, name);
  if (desktop) await page.setViewportSize(desktop);
}

test.describe.serial('a shop starts from the dashboard', () => {
  let server: ChildProcess | undefined;
  let counter: ChildProcess | undefined;
  let serverUrl = '';
  let counterUrl = '';
  let dashboard: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    const started = await startChild(['test/e2e/support/empty-server.ts'], ['EMPTY_SERVER_URL']);
    server = started.child;
    serverUrl = started.values.EMPTY_SERVER_URL!;
    // A counter of its own (a new ledger, never enrolled), so the shared counter of the other specs stays as it is.
    const startedCounter = await startChild(
      ['scripts/dev-web.ts', '--built', '--port=0', '--no-backups'],
      ['GALLA_URL', 'GALLA_WS'],
      { GALLA_BRIDGE_TOKEN: bridgeToken },
    );
    counter = startedCounter.child;
    // dev:web prints no token; the harness chose it and hands it to the page in the fragment.
    counterUrl = withToken(
      { page: startedCounter.values.GALLA_URL!, ws: startedCounter.values.GALLA_WS! },
      bridgeToken,
    ).page;
    // A US browser on purpose: the dashboard's dates must still read dd-mm-yyyy in India's time.
    dashboard = await browser.newPage({ locale: 'en-US', timezoneId: 'America/New_York' });
    dashboard.on('pageerror', (error) => console.error('page error:', error.message));
  });

  test.afterAll(async () => {
    await dashboard?.close();
    await stopChild(counter);
    await stopChild(server);
  });

  test('sign up from the login page: wrong GSTIN and state are said beside their boxes, then the owner is in', async () => {
    await dashboard.goto(serverUrl);
    await dashboard.getByRole('link', { name: 'Create a shop account' }).click();
    await expect(dashboard.getByRole('heading', { name: 'Start with Galla' })).toBeVisible();
    await dashboard.getByRole('button', { name: 'Create shop account' }).click();
    await expect(problemBeside(dashboard, 'Shop name')).toHaveText("Enter the shop's name");
    await expect(problemBeside(dashboard, 'Your name')).toHaveText('Enter your name');
    await expect(problemBeside(dashboard, 'State')).toHaveText('Pick the state the shop is in');

    await dashboard.getByLabel('Shop name').fill('Meera General Store');
    await dashboard.getByLabel('Your name').fill('Meera Joshi');
    await dashboard.getByLabel('Email').fill(OWNER.email);
    await dashboard.getByLabel('Password').fill('short');
    await dashboard.getByLabel('Shop GSTIN').fill('27AAPFU0939F1ZX');
    await dashboard.getByLabel('State').selectOption('29');
    await expect(problemBeside(dashboard, 'Password')).toHaveText('Use at least 10 characters for the password');
    await expect(problemBeside(dashboard, 'Shop GSTIN')).toContainText('This GSTIN is not valid');
    await shot(dashboard, 'onboarding-01-signup-problems');

    await dashboard.getByLabel('Password').fill(OWNER.password);
    await dashboard.getByLabel('Shop GSTIN').fill(SHOP_GSTIN.toLowerCase());
    await expect(problemBeside(dashboard, 'Shop GSTIN')).toHaveCount(0);
    await expect(problemBeside(dashboard, 'State')).toHaveText(
      "The GSTIN's first two digits are the state code: pick that state",
    );
    await dashboard.getByLabel('State').selectOption('27');
    await expect(dashboard.locator('.field .problem')).toHaveCount(0);
    await dashboard.getByRole('button', { name: 'Create shop account' }).click();

    await expect(dashboard.getByRole('heading', { name: 'Welcome to Galla, Meera General Store' })).toBeVisible();
    await expect(dashboard.locator('.brand')).toContainText('Meera General Store');
    expect(await dashboard.evaluate(() => sessionStorage.getItem('galla.dashboard.tokens'))).toContain('accessToken');
  });

  test('shop settings: the GSTIN and state from sign-up, legal name and address saved, a bad GSTIN refused', async () => {
    await expect(dashboard.getByLabel('GSTIN', { exact: true })).toHaveValue(SHOP_GSTIN);
    await expect(dashboard.getByLabel('State')).toHaveValue('27');
    await dashboard.getByLabel('Legal name').fill('Meera Joshi Traders');
    await dashboard.getByLabel('Address').fill('14 Laxmi Road, Pune 411030');
    await dashboard.getByLabel('GSTIN', { exact: true }).fill('27AAPFU0939F1Z');
    await dashboard.getByRole('button', { name: 'Save' }).click();
    await expect(problemBeside(dashboard, 'GSTIN')).toContainText('This GSTIN is not valid');
    await expect(dashboard.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);
    await dashboard.getByLabel('GSTIN', { exact: true }).fill(SHOP_GSTIN);
    await dashboard.getByRole('button', { name: 'Save' }).click();
    await expect(dashboard.getByText('Saved.')).toBeVisible();
    await shot(dashboard, 'onboarding-02-shop-settings');

    await dashboard.reload();
    await expect(dashboard.getByLabel('Legal name')).toHaveValue('Meera Joshi Traders');
    await expect(dashboard.getByLabel('Address')).toHaveValue('14 Laxmi Road, Pune 411030');
  });

  test('add a counter: a one-time code shown large with its expiry, the server address and a QR code', async () => {
    await dashboard.getByRole('link', { name: 'Counters' }).first().click();
    await expect(dashboard.getByTestId('counters')).toContainText('No counter yet');
    await dashboard.getByRole('button', { name: 'Add counter' }).click();
    await expect(dashboard.getByLabel('Series')).toHaveValue('C1');
    await dashboard.getByLabel('Counter name').fill('Front desk');
    await dashboard.getByRole('button', { name: 'Get enrolment code' }).click();

    const code = dashboard.getByTestId('enrolment-code');
    await expect(code).toHaveText(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await expect(dashboard.getByTestId('enrolment-url')).toHaveText(serverUrl);
    await expect(dashboard.getByTestId('enrolment-expiry')).toHaveText(
      /^Works once, until \d{2}-\d{2}-\d{4} \d{2}:\d{2}\.$/,
    );
    const qr = dashboard.getByRole('img', { name: 'QR code with the server address and code' });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute('data-text')).toBe(`${serverUrl}/?enrol=${await code.textContent()}`);
    const fontSize = await code.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(30);
    await shot(dashboard, 'onboarding-03-enrolment-code');
    await phoneShot(dashboard, 'onboarding-03-enrolment-code-phone');
  });

  test('the counter enrols with that code in Settings → Sync, and appears in the Counters list with its last sync', async ({
    browser,
  }) => {
    const code = (await dashboard.getByTestId('enrolment-code').textContent()) ?? '';
    const till = await browser.newPage();
    till.on('pageerror', (error) => console.error('page error:', error.message));
    await till.goto(counterUrl);
    await expect(till.getByTestId('setup-owner')).toBeVisible();
    await till.getByLabel('Name').fill('Meera');
    await till.getByLabel('PIN').fill('4321');
    await till.getByRole('button', { name: 'Create owner' }).click();
    await expect(till.getByTestId('who')).toContainText('Meera');
    await till.keyboard.press('Alt+s');
    await expect(till.getByTestId('sync-state')).toContainText('not enrolled');
    await expect(till.getByTestId('enrol-form')).toContainText('Counters → Add counter');
    await till.getByTestId('enrol-url').fill(serverUrl);
    await till.getByTestId('enrol-code').fill(code);
    await till.getByTestId('sync-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await shot(till, 'onboarding-04-counter-enrol-form');
    await till.getByTestId('enrol-submit').click();
    await expect(till.getByTestId('sync-state')).toHaveText('Enrolled with Meera General Store as counter C1.');
    await expect(till.getByTestId('sync-last')).not.toHaveText(/not yet/i, { timeout: 20_000 });
    await shot(till, 'onboarding-05-counter-enrolled');
    await till.close();

    const row = dashboard.getByTestId('counters').locator('tbody tr', { hasText: 'Front desk' });
    await expect(row).toContainText('C1');
    await expect(row).toContainText('Active');
    await expect(row.locator('td[data-label="Last sync"]')).not.toHaveText('never', { timeout: 20_000 });
    const shopToday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata' })
      .format(new Date())
      .replace(/\//g, '-');
    await expect(row.locator('td[data-label="Enrolled"]')).toHaveText(new RegExp(`^${shopToday} \\d\\d:\\d\\d$`));
    await dashboard.getByRole('button', { name: 'Done' }).click();
    await expect(dashboard.getByTestId('enrolment')).toHaveCount(0);
    await shot(dashboard, 'onboarding-06-counters-list');
  });

  test('revoke the counter after a confirmation; it stays listed as revoked', async () => {
    const row = dashboard.getByTestId('counters').locator('tbody tr', { hasText: 'Front desk' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await expect(row.getByRole('group', { name: 'Revoke C1?' })).toBeVisible();
    await shot(dashboard, 'onboarding-07-revoke-confirm');
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await expect(row.locator('td[data-label="State"]')).toHaveText('Revoked');
    await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
    await shot(dashboard, 'onboarding-08-counter-revoked');
    await phoneShot(dashboard, 'onboarding-08-counters-phone');
  });

  test('staff: add a manager with a role, then deactivate them', async () => {
    await dashboard.getByRole('link', { name: 'Staff' }).click();
    const table = dashboard.getByTestId('staff');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table).toContainText('Meera Joshi');
    await dashboard.getByRole('button', { name: 'Add staff' }).click();
    await dashboard.getByLabel('Name').fill('Ravi Kulkarni');
    await dashboard.getByLabel('Email').fill('ravi@example.in');
    await dashboard.getByLabel('Password').fill('ravi long password');
    await dashboard.getByLabel('Role').selectOption('manager');
    await shot(dashboard, 'onboarding-09-add-staff');
    await dashboard.getByRole('button', { name: 'Add', exact: true }).click();
    const ravi = table.locator('tbody tr', { hasText: 'Ravi Kulkarni' });
    await expect(ravi).toContainText('Manager');
    await expect(ravi).toContainText('Active');
    await ravi.getByRole('button', { name: 'Deactivate' }).click();
    await ravi.getByRole('button', { name: 'Yes, deactivate' }).click();
    await expect(ravi.locator('td[data-label="State"]')).toHaveText('Deactivated');
    await shot(dashboard, 'onboarding-10-staff');
    await phoneShot(dashboard, 'onboarding-10-staff-phone');
  });

  test("the GSTR-1 is under the shop's GSTIN, for last month unless another is picked", async () => {
    await dashboard.getByRole('link', { name: 'GST', exact: true }).click();
    const card = dashboard.getByTestId('gstr1');
    await expect(card.getByTestId('gstr1-gstin')).toHaveText(SHOP_GSTIN);
    await expect(card.getByLabel('Shop GSTIN')).toHaveCount(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    const [year, month] = today.split('-').map(Number) as [number, number];
    const last = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    await expect(card.getByLabel('GSTR-1 period')).toHaveValue(last);
    const lastInWords = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5)) - 1, 1)).toLocaleString(
      'en-GB',
      {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      },
    );
    await expect(card.getByLabel('GSTR-1 period').locator('option:checked')).toHaveText(lastInWords);
    const download = dashboard.waitForEvent('download');
    await card.getByRole('button', { name: 'Download GSTR-1 JSON' }).click();
    expect((await download).suggestedFilename()).toBe(`GSTR1_${SHOP_GSTIN}_${last.slice(5)}${last.slice(0, 4)}.json`);
    await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shot(dashboard, 'onboarding-11-gstr1');
  });

  test('sign-up and shop settings on a phone', async ({ browser }) => {
    const phone = await browser.newPage({ viewport: PHONE });
    await phone.goto(`${serverUrl}/#/signup`);
    await phone.getByRole('button', { name: 'Create shop account' }).click();
    await expect(problemBeside(phone, 'Shop name')).toBeVisible();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'onboarding-12-signup-phone');
    await phone.close();
    await dashboard.getByRole('link', { name: 'Shop settings', exact: true }).click();
    await expect(dashboard.getByLabel('Legal name')).toHaveValue('Meera Joshi Traders');
    await phoneShot(dashboard, 'onboarding-13-shop-settings-phone');
  });
});
