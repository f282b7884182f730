// Finds a PostgreSQL for the server suites: DATABASE_URL when set, else the local one on 127.0.0.1:5432 (started with
// pg_ctlcluster when installed but down) when it lets the postgres user in without a password.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { onPath } from './chromium.mjs';
import { asRoot, rootAccess } from './system-tools.mjs';

export const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** null when the database answers, else the error's message. */
async function probe(root, url) {
  const { Client } = createRequire(path.join(root, 'package.json'))('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Debian's clusters: version, name, port, status, owner, data directory, log file. */
function clusters() {
  const result = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  if (result.status !== 0) return [];
  return result.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [version, name, port, status] = line.trim().split(/\s+/);
      return { version, name, port, status };
    });
}

function startClusters(label) {
  const down = clusters().filter((cluster) => cluster.status.startsWith('down'));
  if (!down.length) return null;
  const access = rootAccess();
  if (access.reason) return `PostgreSQL is installed but not running, and it cannot be started here: ${access.reason}`;
  // Without systemd (containers, CI) pg_ctlcluster must start the server itself.
  const direct = existsSync('/run/systemd/system') ? [] : ['--skip-systemctl-redirect'];
  for (const { version, name } of down) {
    console.log(`${label}: starting PostgreSQL ${version}/${name} (pg_ctlcluster)`);
    const result = asRoot(access.prefix, 'pg_ctlcluster', [...direct, version, name, 'start']);
    if (!result.ok) return `pg_ctlcluster ${version} ${name} start failed: ${result.tail}`;
  }
  return null;
}

/** On a cluster this run installed itself: let local connections from this machine in without a password. */
function trustLoopback(label) {
  const [cluster] = clusters();
  if (!cluster) return;
  const file = `/etc/postgresql/${cluster.version}/${cluster.name}/pg_hba.conf`;
  const access = rootAccess();
  if (access.reason || !existsSync(file)) return;
  console.log(`${label}: letting postgres@127.0.0.1 in without a password on the new cluster (${file})`);
  const loopbackToTrust = 's/^(host\\s+all\\s+all\\s+(127\\.0\\.0\\.1\\/32|::1\\/128)\\s+)\\S+/\\1trust/';
  asRoot(access.prefix, 'sed', ['-i', '-E', loopbackToTrust, file]);
  asRoot(access.prefix, 'pg_ctlcluster', [cluster.version, cluster.name, 'reload']);
}

async function waitFor(root, url) {
  let error = await probe(root, url);
  for (let attempt = 0; error && /ECONNREFUSED|starting up/.test(error) && attempt < 30; attempt += 1) {
    await sleep(1000);
    error = await probe(root, url);
  }
  return error;
}

/** `{ url, how }` for the PostgreSQL suites, or `{ reason }` why they cannot run here. */
export async function providePostgres(root, { installedNow, label }) {
  if (process.env.DATABASE_URL) {
    const error = await probe(root, process.env.DATABASE_URL);
    if (!error) return { url: process.env.DATABASE_URL, how: 'DATABASE_URL as set' };
    return { reason: `DATABASE_URL is set but does not answer: ${error}` };
  }
  if (!(await probe(root, LOCAL_URL))) return { url: LOCAL_URL, how: 'the local PostgreSQL' };
  if (!onPath('pg_lsclusters')) {
    return { reason: 'no PostgreSQL here (nothing on 127.0.0.1:5432, no pg_lsclusters) and DATABASE_URL is not set' };
  }
  const cannotStart = startClusters(label);
  if (cannotStart) return { reason: cannotStart };
  let error = await waitFor(root, LOCAL_URL);
  if (error && installedNow) {
    trustLoopback(label);
    error = await waitFor(root, LOCAL_URL);
  }
  if (!error) return { url: LOCAL_URL, how: 'the local PostgreSQL' };
  return {
    reason:
      `the local PostgreSQL does not let postgres@127.0.0.1 in without a password (${error}); ` +
      'set DATABASE_URL=postgres://user:password@host:5432/database to run them',
  };
}
