// `npm start`: install if needed, build, and start the Electron app; where Electron cannot run here (no binary
// downloaded, or no display), say so plainly and start the same app in the browser instead (`npm run dev:web`).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureNpmDependencies } from './provision/npm-deps.mjs';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

await ensureNpmDependencies(root, 'Galla');

/** The Electron binary's path, or the reason there is none. */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary)
      ? { binary }
      : { reason: 'the electron package has no binary' };
  } catch (error) {
    return {
      reason: `Electron's binary is not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    };
  }
}

const electron = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (electron.binary && !noDisplay) {
  run(npm, ['run', 'build:renderer']);
  run(npm, ['run', 'build:electron']);
  const child = spawn(electron.binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = electron.reason ?? 'there is no display (DISPLAY/WAYLAND_DISPLAY is not set)';
  console.log(`Galla: cannot start the desktop app here: ${why}.`);
  console.log('Starting the same counter app in the browser instead (npm run dev:web); open the URL printed below.');
  // A shop's bills must survive a restart: the browser fallback keeps its ledger in .galla-data/, not a temp folder.
  const userArgs = process.argv.slice(2);
  const ledgerArgs = userArgs.some((arg) => arg.startsWith('--ledger'))
    ? []
    : [`--ledger=${path.join(root, '.galla-data', 'ledger.db')}`];
  mkdirSync(path.join(root, '.galla-data'), { recursive: true });
  const args = ['run', 'dev:web', '--', ...ledgerArgs, ...userArgs];
  const child = spawn(npm, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
