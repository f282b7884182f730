// `npm run dev:web`: the counter app in any browser. Opens a ledger (a temp one, or --ledger=path), serves the router
// over WebSocket on 127.0.0.1 with a random token, serves the renderer (Vite dev server, or --built for dist/renderer),
// runs the counter's background services (printing, sync once enrolled, backups) as the desktop app does, and prints
// the URL to open with a one-time code (press Enter for another): the token itself is never printed, so no terminal
// log or shell history holds it. The e2e helpers choose the token (GALLA_BRIDGE_TOKEN) and put it in the fragment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openLedger } from '../src-main/ledger/ledger';
import { quickCheckLedgerFile } from '../src-main/ledger/file-check';
import { applyPendingRestore } from '../src-main/backup/restore';
import { startBridge } from '../src-main/bridge/ws-bridge';
import { parsePrintConfig } from '../src-main/printing/worker';
import { startCounterServices } from '../src-main/runtime/counter-services';
import { buildIfStale, RENDERER } from './vite-builds';

const ROOT = path.resolve(import.meta.dirname, '..');
const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

const devWebConfig = z.object({
  ledger: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65_535).default(0),
  built: z.boolean().default(false),
  /** No scheduled backups: for the e2e suite, whose backup spec counts the backups it makes itself. */
  'no-backups': z.boolean().default(false),
});

/** Set by a test harness that needs to reach the bridge itself; at least 32 characters. */
const envConfig = z.object({ GALLA_BRIDGE_TOKEN: z.string().min(32).optional() });

function readConfig(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      ledger: { type: 'string' },
      port: { type: 'string' },
      built: { type: 'boolean' },
      'no-backups': { type: 'boolean' },
    },
    strict: true,
  });
  return devWebConfig.parse(values);
}

async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2));
  const tempDir = config.ledger ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'galla-web-'));
  const file = config.ledger ? path.resolve(config.ledger) : path.join(tempDir!, 'ledger.db');
  const env = envConfig.parse(process.env);
  // As the desktop app starts: a parked restore proves itself again, then the file is checked before it is opened.
  const restore = applyPendingRestore(file);
  if (restore.refused) console.error(`galla: ${restore.refused}`);
  const ledgerDamage = quickCheckLedgerFile(file);
  if (ledgerDamage) console.error(`galla: the ledger file is damaged (${ledgerDamage}); billing is stopped`);
  const ledger = openLedger({ file });
  if (config.built) await buildIfStale(RENDERER);
  // The same background work as the desktop app: receipts print, an enrolled counter syncs, backups are taken.
  const services = ledgerDamage
    ? null
    : startCounterServices({
        ledger,
        print: parsePrintConfig({ platform: process.platform }),
        backups: !config['no-backups'],
        log: (message, error) => console.error(`galla: ${message}`, error ?? ''),
      });
  const bridge = await startBridge({
    ledger,
    port: config.port,
    token: env.GALLA_BRIDGE_TOKEN,
    rendererDir: config.built ? RENDERER_DIR : null,
    afterWrite: services?.afterWrite,
    ledgerDamage,
  });
  let pageUrl = bridge.pageUrl;
  let fragment = '';
  let stopVite = async () => undefined as void;
  if (!config.built) {
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: path.join(ROOT, 'vite.config.ts'),
      server: { port: 0, host: '127.0.0.1' },
    });
    await vite.listen();
    const address = vite.httpServer?.address();
    const port = typeof address === 'object' && address ? address.port : 5173;
    pageUrl = `http://127.0.0.1:${port}/`;
    fragment = `ws=${encodeURIComponent(`ws://127.0.0.1:${bridge.port}/trpc`)}&`;
    bridge.allowOrigin(`http://127.0.0.1:${port}`);
    stopVite = () => vite.close();
  }
  console.log(`Galla counter on ${tempDir ? 'a temporary' : 'the'} ledger ${file}`);
  const printCode = () =>
    console.log(`Open in a browser (the code works once): ${pageUrl}#${fragment}code=${bridge.oneTimeCode()}`);
  printCode();
  // Addresses for a harness that chose the token: it adds #token=… and ?token=… itself.
  console.log(`GALLA_URL=${pageUrl}${fragment ? `#${fragment.slice(0, -1)}` : ''}`);
  console.log(`GALLA_WS=ws://127.0.0.1:${bridge.port}/trpc`);
  if (process.stdin.isTTY) process.stdin.on('data', printCode);

  const stop = async () => {
    await stopVite();
    await bridge.close();
    await services?.stop();
    ledger.close();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

await main();
