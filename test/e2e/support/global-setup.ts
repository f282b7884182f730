// Builds the renderer, starts the counter app on a fresh temp ledger at a random port, and hands its URLs to the tests.
import path from 'node:path';
import { build } from 'vite';
import { startCounterApp } from './counter-app';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  const app = await startCounterApp();
  process.env.GALLA_URL = app.page;
  process.env.GALLA_WS = app.ws;
  return app.stop;
}
