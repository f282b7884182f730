// The dashboard's Counters page against the real server: two counters billed a day of trade and pushed it through the
// real sync engine, each push carrying the journal's head; the page says how far the server verified each journal.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shot } from '../support/screens';

const ROOT = path.resolve(import.meta.dirname, '../../..');

test.describe.serial("the counters' journals on the dashboard", () => {
  let server: ChildProcess | undefined;
  let url = '';
  /** Each counter's journal head (its last document's number) after its last push, as the seed printed it. */
  const heads = new Map<string, number>();

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'test/e2e/support/journal-server.ts'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server!.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /JOURNAL_SERVER_URL=(\S+)/.exec(output)?.[1];
        if (!found) return;
        for (const [, code, head] of output.matchAll(/JOURNAL_HEAD_(\w+)=(\d+)/g)) heads.set(code!, Number(head));
        resolve(found);
      });
      server!.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      server!.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    });
  });

  test.afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  });

  test('each counter reads "Journal verified up to document N", N being the last document it pushed', async ({
    page,
  }) => {
    page.on('pageerror', (error) => console.error('page error:', error.message));
    expect(heads.get('C1')).toBeGreaterThan(0);
    expect(heads.get('C2')).toBeGreaterThan(0);
    await page.goto(url);
    await page.getByLabel('Email').fill('asha@example.in');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Counters', exact: true }).click();
    for (const code of ['C1', 'C2'])
      await expect(
        page.getByRole('row', { name: new RegExp(`^${code} Counter ${code}`) }).getByTestId('journal-verified'),
      ).toHaveText(`Journal verified up to document ${heads.get(code)}`);
    await expect(page.getByTestId('journal-refused')).toHaveCount(0);
    await shot(page, 'dashboard-counters-journal');
  });
});
