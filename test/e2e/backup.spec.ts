// Backups from Settings: the owner sets the passphrase, backs up with a progress bar that reaches 100 %, sees the
// backup listed, and restores it: a wrong passphrase is refused with the reason, the right one is verified for the next start.
import { expect, test, type Page } from '@playwright/test';
import { PINS } from './support/seed';
import { openLoggedIn } from './support/login';
import { shot } from './support/screens';

test.describe.serial('backup and restore in Settings', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await openLoggedIn(browser, 'Asha', PINS.owner);
    await page.keyboard.press('Alt+s');
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('backing up waits for the shop passphrase, which must be typed twice the same', async () => {
    const panel = page.getByTestId('backup-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('backup-now')).toBeDisabled();
    await page.getByTestId('backup-passphrase').fill('chai-and-biscuits');
    await page.getByTestId('backup-passphrase-again').fill('chai-and-biscuit');
    await page.getByTestId('backup-passphrase-save').click();
    await expect(panel.getByRole('alert')).toHaveText('The two passphrases differ.');
    await page.getByTestId('backup-passphrase-again').fill('chai-and-biscuits');
    await page.getByTestId('backup-passphrase-save').click();
    await expect(page.getByTestId('passphrase-saved')).toBeVisible();
    await expect(page.getByTestId('backup-now')).toBeEnabled();
  });

  test('"Back up now" fills the progress bar to 100 % and lists the new backup', async () => {
    await expect(page.getByTestId('backup-row')).toHaveCount(0);
    await page.getByTestId('backup-now').click();
    const bar = page.getByTestId('backup-progress');
    await expect(bar).toHaveAttribute('data-percent', '100');
    await expect(bar).toHaveAttribute('data-phase', 'done');
    await expect(page.getByTestId('backup-done')).toContainText(/Backup saved: galla-C1-\d{8}T\d{6}Z-manual\.gbak/);
    await expect(page.getByTestId('backup-row')).toHaveCount(1);
    await expect(page.getByTestId('backup-row').first()).toContainText('By hand');
    await expect(page.getByTestId('backup-row').first()).toContainText('This PC only');
    await expect(page.getByTestId('backup-last')).toContainText(/Last backup .* ago/);
    await page.getByTestId('backup-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await shot(page, '21-backup');
  });

  test('a restore with the wrong passphrase is refused with the reason and changes nothing', async () => {
    await page.getByTestId('restore-passphrase').fill('not-the-passphrase');
    await page.getByTestId('restore-run').click();
    await expect(page.getByTestId('restore-refused')).toContainText('Not restored; nothing was changed.');
    await expect(page.getByTestId('restore-error')).toContainText(/passphrase/i);
    await expect(page.getByTestId('restore-pending')).toHaveCount(0);
  });

  test('a restore with the right passphrase is verified and waits for the next start', async () => {
    await page.getByTestId('restore-passphrase').fill('chai-and-biscuits');
    await page.getByTestId('restore-run').click();
    await expect(page.getByTestId('restore-verified')).toContainText('Verified.');
    await expect(page.getByTestId('restore-verified')).toContainText('Restart Galla to switch to the restored ledger.');
    await expect(page.getByTestId('restore-progress')).toHaveAttribute('data-percent', '100');
    await expect(page.getByTestId('restore-pending')).toBeVisible();
    await page.getByTestId('backup-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await shot(page, '21-backup-restore');
  });

  test('a restore from the server says plainly that this counter is not enrolled', async () => {
    await page.getByTestId('restore-source').selectOption('server');
    await expect(page.getByTestId('server-list-error')).toContainText('not enrolled');
  });
});
