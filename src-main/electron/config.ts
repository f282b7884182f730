// The desktop app's configuration, read once at start: where the ledger lives (GALLA_LEDGER overrides, for tests).
import path from 'node:path';
import { z } from 'zod';

const desktopConfig = z.object({
  ledgerFile: z.string().min(1),
  rendererIndex: z.string().min(1),
  preload: z.string().min(1),
  windowStateFile: z.string().min(1),
});

export type DesktopConfig = z.infer<typeof desktopConfig>;

export function readDesktopConfig(env: NodeJS.ProcessEnv, userData: string, appRoot: string): DesktopConfig {
  const ledgerFile = env.GALLA_LEDGER ?? path.join(userData, 'ledger.db');
  return desktopConfig.parse({
    ledgerFile,
    rendererIndex: path.join(appRoot, 'dist', 'renderer', 'index.html'),
    preload: path.join(appRoot, 'dist', 'main', 'electron', 'preload.cjs'),
    windowStateFile: path.join(path.dirname(ledgerFile), 'window-state.json'),
  });
}
