// The desktop start-up path under Playwright's _electron: one window, our page, the PIN screen, and the IPC bridge live.
// Runs where Electron's binary exists; elsewhere it is skipped with the reason printed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronOrSkipReason } from './support/electron-binary';

const ROOT = path.resolve(import.meta.dirname, '../..');

const { binary, skipReason } = electronOrSkipReason();
if (skipReason) console.log(`electron.spec: skipped: ${skipReason}`);

test.describe('the desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('starts one hardened window on the PIN screen, talking to the ledger over IPC', async () => {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/build-electron.ts')],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-electron-'));
    const app = await electron.launch({
      args: [ROOT],
      executablePath: binary ?? undefined,
      env: { ...process.env, GALLA_LEDGER: path.join(dir, 'ledger.db') },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('setup-owner')).toBeVisible();
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((globalThis as unknown as { galla: object }).galla))).toEqual([
        'invoke',
      ]);
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
