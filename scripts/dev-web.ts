// `npm run dev:web`: the counter app in any browser. Opens a ledger (a temp one, or --ledger=path), serves the router
// over WebSocket on 127.0.0.1 with a random token, serves the renderer (Vite dev server, or --built for dist/renderer),
// runs the counter's background services (printing, sync once enrolled, backups) as the desktop app does, and prints
// the URL to open. The e2e tests and bench/render.ts start it the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openLedger } from '../src-main/ledger/ledger';
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
  const ledger = openLedger({ file });
  if (config.built) await buildIfStale(RENDERER);
  // The same background work as the desktop app: receipts print, an enrolled counter syncs, backups are taken.
  const services = startCounterServices({
    ledger,
    print: parsePrintConfig({ platform: process.platform }),
    backups: !config['no-backups'],
    log: (message, error) => console.error(`galla: ${message}`, error ?? ''),
  });
  const bridge = await startBridge({
    ledger,
    port: config.port,
    rendererDir: config.built ? RENDERER_DIR : null,
    afterWrite: services.afterWrite,
  });
  let pageUrl = bridge.pageUrl;
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
    pageUrl = `http://127.0.0.1:${port}/?ws=${encodeURIComponent(`ws://127.0.0.1:${bridge.port}/trpc`)}&token=${bridge.token}`;
    stopVite = () => vite.close();
  }
  console.log(`Galla counter on ${tempDir ? 'a temporary' : 'the'} ledger ${file}`);
  console.log(`Open in a browser: ${pageUrl}`);
  console.log(`GALLA_URL=${pageUrl}`);
  console.log(`GALLA_WS=${bridge.wsUrl}`);

  const stop = async () => {
    await stopVite();
    await bridge.close();
    await services.stop();
    ledger.close();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

await main();
