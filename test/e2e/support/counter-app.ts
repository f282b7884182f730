// Starts `dev:web --built` on a fresh temp ledger at a random port: the shared app of the e2e run, or a spec's own.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { seedShop } from './seed';
import { loginAs } from './login';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface CounterApp {
  /** The page to open, with the bridge's token in its fragment (chosen here: dev:web never prints it). */
  page: string;
  /** The bridge's WebSocket address with the token, for seeding through the router. */
  ws: string;
  stop: () => Promise<void>;
}

const START_LIMIT_MS = 180_000;

function waitForUrls(child: ReturnType<typeof spawn>): Promise<{ page: string; ws: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    // A bound so a broken start fails instead of hanging, not a wait for readiness (that is the printed addresses):
    // tsx compiling dev-web on a 2-core machine kept busy by the rest of the run has taken over a minute.
    const timer = setTimeout(
      () => reject(new Error(`dev:web did not start within ${START_LIMIT_MS / 1000} s:\n${output}`)),
      START_LIMIT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const page = /GALLA_URL=(\S+)/.exec(output)?.[1];
      const ws = /GALLA_WS=(\S+)/.exec(output)?.[1];
      if (page && ws) {
        clearTimeout(timer);
        resolve({ page, ws });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev:web exited with ${code}:\n${output}`));
    });
  });
}

/** The printed addresses carry no secret; the harness adds the token it chose. */
export function withToken(urls: { page: string; ws: string }, token: string): { page: string; ws: string } {
  return {
    page: `${urls.page}${urls.page.includes('#') ? '&' : '#'}token=${token}`,
    ws: `${urls.ws}?token=${token}`,
  };
}

/** The renderer must be built already (the global setup builds it). */
export async function startCounterApp(): Promise<CounterApp> {
  const token = randomBytes(24).toString('base64url');
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      path.join(ROOT, 'scripts/dev-web.ts'),
      '--built',
      '--port=0',
      '--no-backups',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GALLA_BRIDGE_TOKEN: token } },
  );
  const urls = withToken(await waitForUrls(child), token);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { ...urls, stop };
}

export interface SeededCounter {
  app: CounterApp;
  page: Page;
  close: () => Promise<void>;
}

/**
 * A spec's own counter app on a fresh ledger with the shop's staff and items (seed.ts), open on one page, and logged
 * in as `as` when given: the start of every serial spec that walks the counter's screens.
 */
export async function openSeededCounter(browser: Browser, as?: { name: string; pin: string }): Promise<SeededCounter> {
  const app = await startCounterApp();
  await seedShop(app.ws);
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(app.page);
  if (as) await loginAs(page, as.name, as.pin);
  return {
    app,
    page,
    close: async () => {
      await page.close();
      await app.stop();
    },
  };
}
