// Builds the renderer, starts `dev:web --built` on a fresh temp ledger at a random port, and hands its URLs to the tests.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function waitForUrls(child: ReturnType<typeof spawn>): Promise<{ page: string; ws: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`dev:web did not start within 60 s:\n${output}`)), 60_000);
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

export default async function globalSetup(): Promise<() => Promise<void>> {
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      path.join(ROOT, 'scripts/dev-web.ts'),
      '--built',
      '--port=0',
      '--no-backups',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const urls = await waitForUrls(child);
  process.env.GALLA_URL = urls.page;
  process.env.GALLA_WS = urls.ws;
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
}
