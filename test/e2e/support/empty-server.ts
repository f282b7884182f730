// For the onboarding e2e: builds the dashboard, then runs the real server on an empty PGlite in a temp folder (no shop,
// no counter: everything is made through the screens); prints its URL, stops on SIGTERM and removes the folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { parseConfig } from '../../../server/config';
import { startServer } from '../../../server/main';

const ROOT = path.resolve(import.meta.dirname, '../../..');

await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-onboarding-'));
const server = await startServer(parseConfig({ PORT: '0', GALLA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
console.log(`EMPTY_SERVER_URL=${server.url}`);
const stop = () =>
  void server
    .close()
    .then(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    .then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
