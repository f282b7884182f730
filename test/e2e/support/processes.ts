// Starts the real programs a shop runs (the counter app's dev:web, the cloud server) as child processes on fresh data
// folders and ephemeral ports, waits for the line that says where they listen, and stops them with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { withToken } from './counter-app';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale, DASHBOARD } from '../../../scripts/vite-builds';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface Started {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs `node tsx script args` and resolves once `ready` matches the output; its match groups come back. */
export function startTsx(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  ready: RegExp,
  timeoutMs = 180_000,
): Promise<Started & { match: RegExpExecArray }> {
  // An undefined value removes that variable from what the child inherits.
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const child = spawn(process.execPath, [TSX, path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not become ready within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, match, output: () => output, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
}

/** A fresh temp folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The counter app (dev:web with the built renderer) on a new ledger, as on a shop's first start. */
export async function startCounterApp(ledgerFile: string) {
  const token = randomBytes(24).toString('base64url');
  const started = await startTsx(
    'scripts/dev-web.ts',
    ['--built', '--port=0', '--no-backups', `--ledger=${ledgerFile}`],
    { GALLA_BRIDGE_TOKEN: token },
    /GALLA_URL=(\S+)[\s\S]*GALLA_WS=(\S+)/,
  );
  const { page, ws } = withToken({ page: started.match[1]!, ws: started.match[2]! }, token);
  return { ...started, url: page, ws };
}

/** The cloud server on an empty embedded PostgreSQL (PGlite) data folder, as `npm run server` on a fresh clone. */
export async function startCloudServer(dataDir: string) {
  // `npm run server` builds the dashboard first when it is missing or stale; so does this.
  await buildIfStale(DASHBOARD);
  const started = await startTsx(
    'server/main.ts',
    [],
    // DATABASE_URL is dropped: the test runner sets it to the shared PostgreSQL, where other suites' shops live.
    { PORT: '0', HOST: '127.0.0.1', GALLA_DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: undefined },
    /"port":(\d+)[^\n]*galla server listening/,
  );
  return { ...started, url: `http://127.0.0.1:${started.match[1]}` };
}
