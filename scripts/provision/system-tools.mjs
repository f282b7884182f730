// Installs the system programs the test suites use with apt-get (Debian/Ubuntu, as root or with `sudo -n`), printing
// each one; where that is impossible, says why, so the caller can name the suites that cannot run.
import { spawnSync } from 'node:child_process';
import { onPath } from './chromium.mjs';

/** How to run a command as root here: a prefix (empty for root, sudo -n otherwise), or why it cannot be done. */
export function rootAccess() {
  if (process.platform !== 'linux') return { reason: `this is ${process.platform}, not Debian/Ubuntu (no apt-get)` };
  if (!onPath('apt-get')) return { reason: 'apt-get is not on PATH (not Debian/Ubuntu)' };
  if (process.getuid?.() === 0) return { prefix: [] };
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) {
    return { prefix: ['sudo', '-n'] };
  }
  return { reason: 'not root, and sudo cannot run without a password' };
}

/** Runs a command as root (the caller checked rootAccess); returns its exit status and last output lines. */
export function asRoot(prefix, command, args) {
  const [program, ...rest] = [...prefix, command, ...args];
  const result = spawnSync(program, rest, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { ok: result.status === 0, tail: output.trim().split('\n').slice(-3).join(' / ') };
}

/**
 * Installs each wanted Debian package (`{ name, why }`) with apt-get; returns the names that are now installed and,
 * for the others, the reason they are not.
 */
export function aptInstall(wanted, label) {
  if (!wanted.length) return { installed: [], missing: [] };
  const access = rootAccess();
  if (access.reason) return { installed: [], missing: wanted.map(({ name }) => ({ name, reason: access.reason })) };
  console.log(`${label}: apt-get update (to install ${wanted.map(({ name }) => name).join(', ')})`);
  asRoot(access.prefix, 'apt-get', ['update', '-qq']);
  const installed = [];
  const missing = [];
  for (const { name, why } of wanted) {
    console.log(`${label}: installing ${name} (${why})`);
    const result = asRoot(access.prefix, 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', name]);
    if (result.ok) installed.push(name);
    else missing.push({ name, reason: `apt-get install ${name} failed: ${result.tail}` });
  }
  return { installed, missing };
}
