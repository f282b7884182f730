// A ledger file damaged on disk: at the next start the counter opens on the recovery screen, takes no bill, and the
// owner restores the newest backup with the shop's passphrase; after one more start the till is back as it was.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { startCounterApp, tempDir } from './support/processes';
import { bridgeClient, PINS, seedShop } from './support/seed';
import { shot } from './support/screens';

const PASSPHRASE = 'chai-and-samosa-2026';

/** Overwrites the cells of one index page, as a bad sector or a torn write would: the file still opens. */
function damagePage(file: string): void {
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { rootpage } = db
    .prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND name = 'item_barcodes_item_idx'")
    .get() as { rootpage: number };
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(200, 0xab), 0, 200, rootpage * pageSize - 200);
  fs.closeSync(fd);
}

test.describe.serial('a damaged ledger file at start', () => {
  const folder = tempDir('galla-damaged-');
  const ledgerFile = `${folder.dir}/ledger.db`;
  let counter: Awaited<ReturnType<typeof startCounterApp>> | null = null;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    counter = await startCounterApp(ledgerFile);
    await seedShop(counter.ws);
    const { client, close } = bridgeClient(counter.ws);
    try {
      const owner = (await client.staff.loginOptions.query()).staff.find((member) => member.role === 'owner')!;
      await client.staff.login.mutate({ staffId: owner.id, pin: PINS.owner });
      await client.backup.setPassphrase.mutate({ passphrase: PASSPHRASE });
      await client.backup.runNow.mutate();
    } finally {
      await close();
    }
    await counter.stop();
    damagePage(ledgerFile);
    counter = await startCounterApp(ledgerFile);
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await counter?.stop();
    folder.remove();
  });

  test('the counter opens on the recovery screen, not the till, and offers the newest backup', async () => {
    await page.goto(counter!.url);
    const screen = page.getByTestId('ledger-damaged');
    await expect(screen).toBeVisible();
    await expect(screen.getByRole('heading')).toHaveText('Billing is stopped: the ledger file is damaged');
    await expect(page.getByTestId('latest-backup')).toContainText(/Latest backup on this PC: \d\d-\d\d-\d{4}/);
    await expect(page.getByTestId('login')).toHaveCount(0);
    await shot(page, 'ledger-damaged');
  });

  test('a wrong passphrase is refused; the right one verifies the backup for the next start', async () => {
    await page.getByTestId('recovery-passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.getByTestId('ledger-damaged').getByRole('alert').last()).toContainText('Wrong backup passphrase');
    await page.getByTestId('recovery-passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.getByTestId('restore-waiting')).toBeVisible();
    await shot(page, 'ledger-damaged-restored');
  });

  test('after a restart the restored ledger checks out and the till asks for a PIN again', async () => {
    await counter!.stop();
    counter = await startCounterApp(ledgerFile);
    await page.goto(counter.url);
    await expect(page.getByTestId('login')).toBeVisible();
    await expect(page.getByTestId('ledger-damaged')).toHaveCount(0);
  });
});
