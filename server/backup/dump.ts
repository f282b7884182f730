// The server's own backups: pg_dump (custom format) of a real PostgreSQL, or a tarball of PGlite's data folder;
// each with a sha256 file beside it (`sha256sum -c` reads it), 30 daily kept, and restore into a fresh database.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { applyRetention } from '../../src-shared/backup/retention';
import { Conflict, Invalid } from '../../src-shared/errors';
import type { ServerDatabase } from '../db/connection';

const run = promisify(execFile);

export type DumpKind = 'postgres' | 'pglite';
const EXTENSION: Record<DumpKind, string> = { postgres: '.pgdump', pglite: '.pglite.tar.gz' };
const NAME = /^galla-server-(\d{8}T\d{6}Z)(\.pgdump|\.pglite\.tar\.gz)$/;

export interface ServerDump {
  file: string;
  kind: DumpKind;
  createdAt: Date;
  bytes: number;
  sha256: string;
}

export type DumpSource = { kind: 'postgres'; url: string } | { kind: 'pglite'; client: PGlite };

/** Where the server's database can be dumped from: its URL, or the open PGlite (one process owns its folder). */
export function dumpSource(database: ServerDatabase, url: string | null): DumpSource {
  if (database.kind === 'postgres') {
    if (!url) throw new Invalid('A PostgreSQL dump needs the database URL.');
    return { kind: 'postgres', url };
  }
  return { kind: 'pglite', client: (database.db as unknown as { $client: PGlite }).$client };
}

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function dumpServer(source: DumpSource, dir: string, now: Date): Promise<ServerDump> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `galla-server-${stamp(now)}${EXTENSION[source.kind]}`);
  const partial = `${file}.partial`;
  try {
    if (source.kind === 'postgres') {
      await run('pg_dump', ['--format=custom', '--compress=6', `--file=${partial}`, `--dbname=${source.url}`], {
        maxBuffer: 16 * 1024 * 1024,
      });
    } else {
      // PGlite runs one query at a time and dumps between them: after a checkpoint, the tarball is a committed state.
      await source.client.query('CHECKPOINT');
      const tarball = await source.client.dumpDataDir('gzip');
      fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    }
    const sha256 = await sha256File(partial);
    fs.renameSync(partial, file);
    fs.writeFileSync(`${file}.sha256`, `${sha256}  ${path.basename(file)}\n`);
    return { file, kind: source.kind, createdAt: now, bytes: fs.statSync(file).size, sha256 };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export function listServerDumps(dir: string): ServerDump[] {
  if (!fs.existsSync(dir)) return [];
  const dumps: ServerDump[] = [];
  for (const name of fs.readdirSync(dir)) {
    const match = NAME.exec(name);
    if (!match) continue;
    const [, when, extension] = match;
    const iso = `${when!.slice(0, 4)}-${when!.slice(4, 6)}-${when!.slice(6, 8)}T${when!.slice(9, 11)}:${when!.slice(11, 13)}:${when!.slice(13, 15)}Z`;
    const file = path.join(dir, name);
    const recorded = fs.existsSync(`${file}.sha256`) ? fs.readFileSync(`${file}.sha256`, 'utf8').split(/\s+/)[0]! : '';
    dumps.push({
      file,
      kind: extension === '.pgdump' ? 'postgres' : 'pglite',
      createdAt: new Date(iso),
      bytes: fs.statSync(file).size,
      sha256: recorded,
    });
  }
  return dumps.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Keeps the newest dump of each of the last keepDaily days; returns the files removed. */
export function pruneServerDumps(dir: string, keepDaily: number): string[] {
  const dumps = listServerDumps(dir).map((dump) => ({ ...dump, name: dump.file }));
  const { remove } = applyRetention(dumps, { daily: keepDaily, weekly: 0 });
  for (const dump of remove) {
    fs.rmSync(dump.file, { force: true });
    fs.rmSync(`${dump.file}.sha256`, { force: true });
  }
  return remove.map((dump) => dump.file);
}

export async function verifyDump(file: string): Promise<void> {
  if (!fs.existsSync(`${file}.sha256`))
    throw new Invalid(
      `${path.basename(file)} has no .sha256 file beside it; it cannot be checked, so it is not restored.`,
    );
  const recorded = fs.readFileSync(`${file}.sha256`, 'utf8').split(/\s+/)[0];
  if ((await sha256File(file)) !== recorded)
    throw new Conflict(
      `${path.basename(file)} does not match its checksum: it is damaged or was altered, and was not restored.`,
    );
}

export type RestoreTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** The galla_app role is the cluster's, not the database's: a new cluster needs it before the dump's grants. */
async function createFreshDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name))
    throw new Invalid(`"${name}" is not a database name the restore will create; use letters, digits and _.`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount)
      throw new Conflict(
        `Database ${name} already exists; a restore goes into a fresh database, so pick a new name (nothing was changed).`,
      );
    await client.query(`CREATE DATABASE "${name}"`);
    await client.query(
      `DO $$ BEGIN CREATE ROLE galla_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    );
  } finally {
    await client.end();
  }
}

/** Restores a dump into a fresh database (never over an existing one), after its checksum has checked out. */
export async function restoreServer(file: string, target: RestoreTarget): Promise<void> {
  await verifyDump(file);
  const kind: DumpKind = file.endsWith(EXTENSION.postgres) ? 'postgres' : 'pglite';
  if (kind !== target.kind)
    throw new Invalid(
      `This is a ${kind} backup; restore it into ${kind === 'postgres' ? 'a PostgreSQL database (--into-url)' : 'a PGlite data folder (--into-dir)'}.`,
    );
  if (target.kind === 'postgres') {
    await createFreshDatabase(target.url);
    await run('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${target.url}`, file], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return;
  }
  if (fs.existsSync(target.dataDir) && fs.readdirSync(target.dataDir).length > 0)
    throw new Conflict(`${target.dataDir} is not empty; a restore goes into a fresh folder (nothing was changed).`);
  fs.mkdirSync(target.dataDir, { recursive: true });
  const client = new PGlite(target.dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await client.query('SELECT 1');
  await client.close();
}
