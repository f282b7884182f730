// The two Vite apps that are served from their build (the owner dashboard by `npm run server`, the counter app by
// `dev:web --built`), and the rule that builds one when its build is missing or older than any of its sources.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface ViteApp {
  name: string;
  configFile: string;
  /** The built page; its age is the build's age. */
  output: string;
  /** Files and folders whose change makes a new build necessary. */
  sources: string[];
}

const shared = [path.join(ROOT, 'src-shared'), path.join(ROOT, 'package-lock.json')];

export const DASHBOARD: ViteApp = {
  name: 'owner dashboard',
  configFile: path.join(ROOT, 'dashboard', 'vite.config.ts'),
  output: path.join(ROOT, 'dist', 'dashboard', 'index.html'),
  sources: [path.join(ROOT, 'dashboard'), ...shared],
};

export const RENDERER: ViteApp = {
  name: 'counter app',
  configFile: path.join(ROOT, 'vite.config.ts'),
  output: path.join(ROOT, 'dist', 'renderer', 'index.html'),
  sources: [path.join(ROOT, 'src-renderer'), path.join(ROOT, 'vite.config.ts'), ...shared],
};

/** The latest modification time of a file, or of any file under a folder (0 when there is none). */
export function newestChange(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .filter((name) => name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(target, name))), stat.mtimeMs);
}

/** Why the app needs building, or null when its build is newer than every source. */
export function whyBuild(app: Pick<ViteApp, 'output' | 'sources'>): string | null {
  if (!fs.existsSync(app.output)) return 'it has not been built yet';
  const built = fs.statSync(app.output).mtimeMs;
  const changed = app.sources.find((source) => newestChange(source) > built);
  return changed ? `${path.relative(ROOT, changed)} changed since the last build` : null;
}

/** Builds the app when its build is missing or stale; says so, since a first build takes a while. */
export async function buildIfStale(app: ViteApp): Promise<void> {
  const why = whyBuild(app);
  if (!why) return;
  console.log(`Building the ${app.name} (${why})…`);
  const { build } = await import('vite');
  await build({ configFile: app.configFile, logLevel: 'warn' });
}
