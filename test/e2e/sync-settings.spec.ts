// Sync in Settings: a new counter shows "not enrolled", enrolling against an address where no server answers says so
// plainly (and the owner stays logged in), and a pull held by the mass-deletion fail-safe waits for a manager.
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { bridgeClient, PINS } from './support/seed';
import { loginAs, openLoggedIn } from './support/login';
import { shot } from './support/screens';

/** A port on 127.0.0.1 where nothing listens: bound once by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.describe.serial('the sync section', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await openLoggedIn(browser, 'Asha', PINS.owner);
    await page.keyboard.press('Alt+s');
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('a counter that never enrolled says so, in Settings and in the status bar', async () => {
    await expect(page.getByTestId('sync-state')).toContainText('not enrolled');
    await expect(page.getByTestId('sync-slot')).toContainText('not enrolled');
    await expect(page.getByTestId('enrol-submit')).toBeDisabled();
  });

  test('enrolling against a wrong address shows that no server answered there', async () => {
    const wrong = `http://127.0.0.1:${await closedPort()}`;
    await page.getByTestId('enrol-url').fill(wrong);
    await page.getByTestId('enrol-code').fill('ABCDE-12345');
    await page.getByTestId('enrol-submit').click();
    const error = page.getByTestId('enrol-error');
    await expect(error).toContainText(`Could not reach a Galla server at ${wrong} (connect ECONNREFUSED`);
    await expect(error).toContainText('Check the address and that the server is running.');
    await expect(page.getByTestId('who')).toContainText('Asha');
    await expect(page.getByTestId('sync-state')).toContainText('not enrolled');
    await page.getByTestId('sync-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await shot(page, '22-sync');
  });

  test('a cashier sees the state but not the enrolment form', async ({ browser }) => {
    const cashier = await browser.newPage();
    await cashier.goto(process.env.GALLA_URL ?? '');
    await loginAs(cashier, 'Chetan', PINS.cashier);
    await cashier.keyboard.press('Alt+s');
    await expect(cashier.getByTestId('sync-panel')).toContainText('The owner enrols this counter');
    await expect(cashier.getByTestId('enrol-form')).toHaveCount(0);
    await expect(cashier.getByTestId('backup-panel')).toHaveCount(0);
    await cashier.close();
  });

  test('a pull held by the mass-deletion fail-safe shows what it would retire, and a manager confirms it', async ({
    browser,
  }) => {
    // The hold is the row the pull writes when a page would retire most records (src-main/sync/pull.ts); no server
    // runs in this suite, so it is put in the counter's ledger directly, beside which the backups folder lies.
    const { client, close } = bridgeClient(process.env.GALLA_WS ?? '');
    let ledgerFile: string;
    try {
      await client.staff.login.mutate({
        staffId: (await client.staff.loginOptions.query()).staff.find((member) => member.role === 'owner')!.id,
        pin: PINS.owner,
      });
      ledgerFile = path.join(path.dirname((await client.backup.status.query()).dir), 'ledger.db');
    } finally {
      await close();
    }
    const db = new Database(ledgerFile);
    const hold = {
      reason: 'This update from the server would retire 3 of 4 records. Sync is paused until a manager confirms it.',
      removing: 3,
      active: 4,
      cursor: 0,
      at: new Date().toISOString(),
    };
    db.prepare("INSERT OR REPLACE INTO sync_state (key, value, updated_at) VALUES ('hold', ?, ?)").run(
      JSON.stringify(hold),
      hold.at,
    );
    try {
      const manager = await browser.newPage();
      await manager.goto(process.env.GALLA_URL ?? '');
      await loginAs(manager, 'Manoj', PINS.manager);
      await manager.keyboard.press('Alt+s');
      const notice = manager.getByTestId('sync-hold');
      await expect(notice).toContainText('would retire 3 of the 4 active records here');
      await notice.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await shot(manager, '22-sync-hold');
      await manager.getByTestId('sync-hold-confirm').click();
      await expect(manager.getByTestId('sync-hold-confirmed')).toBeVisible();
      const approved = db.prepare("SELECT value FROM sync_state WHERE key = 'massChangeApprovedAt'").pluck().get();
      expect(approved).toBe('0');
      await manager.close();
    } finally {
      db.prepare("DELETE FROM sync_state WHERE key IN ('hold', 'massChangeApprovedAt')").run();
      db.close();
    }
  });
});
