// Installs the npm dependencies when node_modules is missing or does not match package-lock.json, as `npm start` and
// `npm test` both need before anything else; where Electron's binary cannot be downloaded, installs without it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs npm with the terminal attached; true when it succeeded. */
export function runNpm(root, args, env = process.env) {
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  return result.status === 0;
}

function readPackages(file) {
  return JSON.parse(readFileSync(file, 'utf8')).packages ?? {};
}

/** Why node_modules needs installing, or null when it holds exactly the locked versions. */
export function installNeeded(root) {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return 'node_modules is missing';
  const locked = readPackages(path.join(root, 'package-lock.json'));
  const present = readPackages(installed);
  for (const [name, entry] of Object.entries(locked)) {
    if (name === '') continue;
    const have = present[name];
    // Optional packages for other platforms are never installed; only a version mismatch matters for them.
    if (!have && (entry.optional || entry.devOptional)) continue;
    if (have?.version !== entry.version)
      return `node_modules is out of date (${name.replace(/^.*node_modules\//, '')})`;
  }
  return null;
}

/** Whether Electron's download host answers within a few seconds (its installer retries for minutes when not). */
async function electronDownloadReachable() {
  const host = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/';
  try {
    await fetch(host, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

/** Installs when needed; exits the process when even the install without Electron's binary fails. */
export async function ensureNpmDependencies(root, label) {
  const reason = installNeeded(root);
  if (!reason) return;
  console.log(`${label}: ${reason}: installing the npm dependencies (npm ci)`);
  const skipElectron = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || !(await electronDownloadReachable());
  if (!skipElectron && runNpm(root, ['ci', '--no-audit', '--no-fund'])) return;
  if (skipElectron && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    console.log(`${label}: Electron's download host does not answer: installing without Electron's binary;`);
  }
  if (!skipElectron) {
    console.log(
      `${label}: installing failed (often: Electron's binary could not be downloaded). Installing again without it;`,
    );
  }
  console.log(`${label}: the desktop window then cannot open here (the browser app and every other test still work).`);
  const withoutElectron = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  if (!runNpm(root, ['ci', '--no-audit', '--no-fund'], withoutElectron)) process.exit(1);
}
