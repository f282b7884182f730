// The owner's login page when someone keeps guessing: five wrong passwords are each answered as wrong, the sixth try
// (even with the right password) says "Too many tries. Try again at HH:MM" in India's time, in English and Hindi,
// beside the form. The browser runs in a US time zone on purpose: the time must still be India's.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shopTime } from '../../../src-shared/shop-time';
import { shot } from '../support/screens';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OWNER = { email: 'guarded@example.in', password: 'the right long password' };

test.use({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });

test.describe.serial('login limits on the dashboard', () => {
  let server: ChildProcess | undefined;
  let url = '';

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'test/e2e/support/empty-server.ts'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server!.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /EMPTY_SERVER_URL=(\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      server!.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      server!.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    });
    const signUp = await fetch(`${url}/trpc/accounts.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ shopName: 'Guarded Kirana', ownerName: 'Asha', ...OWNER }),
    });
    expect(signUp.status).toBe(200);
  });

  test.afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  });

  test('the sixth try in 15 minutes is refused with the time to try again, in English and Hindi', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(url);
    const problem = page.getByTestId('login-problem');
    const started = Date.now();
    for (let i = 1; i <= 5; i += 1) {
      await page.getByLabel('Email').fill(OWNER.email);
      await page.getByLabel('Password').fill(`wrong guess ${i}`);
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(problem).toHaveText('Wrong email or password.', { timeout: 30_000 });
      await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled({ timeout: 30_000 });
      if (i === 1) await shot(page, 'login-limits-01-wrong-password');
    }
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(problem).toContainText('Too many tries. Try again at', { timeout: 30_000 });
    const time = /Try again at (\d\d:\d\d)\./.exec((await problem.textContent()) ?? '')?.[1];
    // The first try's window ends 15 minutes after it, said in India's time (rounded up to the minute).
    const earliest = shopTime(new Date(started + 15 * 60_000));
    const latest = shopTime(new Date(Date.now() + 16 * 60_000));
    expect(time! >= earliest && time! <= latest, `${time} between ${earliest} and ${latest}`).toBe(true);
    await expect(problem.locator('[lang="hi"]')).toHaveText(`बहुत ज़्यादा कोशिशें हो गईं। ${time} बजे फिर से कोशिश करें।`);
    await expect(page.getByTestId('today')).toHaveCount(0);
    await shot(page, 'login-limits-02-too-many-tries');
  });
});
