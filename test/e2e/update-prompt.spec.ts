// The update prompt in the real desktop app under Playwright's _electron: a Galla server on 127.0.0.1 publishes 9.9.9,
// the app (0.1.0, no shift open) finds it, verifies its signature, downloads it, checks its sha512 and asks to restart;
// "Later" keeps it running.
// Runs where Electron's binary exists; elsewhere it is skipped with the reason printed.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronOrSkipReason } from './support/electron-binary';
import { OPERATOR_TOKEN, releaseOnServer, TEST_PUBLIC_PEM } from '../support/releases';

const ROOT = path.resolve(import.meta.dirname, '../..');

const { binary, skipReason } = electronOrSkipReason();
if (skipReason) console.log(`update-prompt.spec: skipped: ${skipReason}`);

/** `npm run server` on a fresh data folder and a free port; resolves with its URL once it listens. */
function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    GALLA_DATA_DIR: dataDir,
    GALLA_RELEASE_TOKEN: OPERATOR_TOKEN,
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /"port":(\d+)/.exec(out)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, child });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

test.describe('updating the desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('finds a newer release, downloads it and asks to restart; "Later" keeps the running app', async () => {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/build-electron.ts')],
      // The app carries the test publisher's public key, so the release signed with its private key verifies.
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, GALLA_RELEASE_PUBLIC_KEY: TEST_PUBLIC_PEM } },
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-update-e2e-'));
    const server = await startServer(path.join(dir, 'server'));
    await releaseOnServer(server.url, '9.9.9', { appImage: true });
    // The unpackaged app updates like an AppImage; electron-updater wants the running AppImage's path.
    const appImage = path.join(dir, 'Galla-0.1.0.AppImage');
    fs.writeFileSync(appImage, 'not really an AppImage');
    const app = await electron.launch({
      args: [ROOT],
      executablePath: binary ?? undefined,
      env: {
        ...process.env,
        GALLA_LEDGER: path.join(dir, 'ledger.db'),
        GALLA_UPDATE_SERVER: server.url,
        GALLA_UPDATE_FORCE_DEV: '1',
        GALLA_UPDATE_FIRST_CHECK_SECONDS: '5',
        GALLA_UPDATE_START_WINDOW_SECONDS: '0',
        APPIMAGE: appImage,
      },
    });
    try {
      await app.firstWindow();
      // The prompt is a native dialog: record what it would show and answer "Later".
      await app.evaluate(({ dialog }) => {
        const shown: string[] = [];
        (globalThis as { galla_prompts?: string[] }).galla_prompts = shown;
        dialog.showMessageBox = (async (...args: unknown[]) => {
          shown.push((args.at(-1) as { message: string }).message);
          return { response: 1, checkboxChecked: false };
        }) as typeof dialog.showMessageBox;
      });
      await expect
        .poll(() => app.evaluate(() => (globalThis as { galla_prompts?: string[] }).galla_prompts ?? []), {
          timeout: 60_000,
        })
        .toEqual(['Galla 9.9.9 is ready to install.']);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
      server.child.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
