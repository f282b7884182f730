// Migrations: applied at start in one transaction, backed up first, and a failed one leaves the ledger as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedgerConnection } from '../../../src-main/db/connection';
import { MIGRATIONS_FOLDER, MigrationFailed, migrateLedger } from '../../../src-main/db/migrate';
import { openLedger } from '../../../src-main/ledger/ledger';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-migrate-'));
  dirs.push(dir);
  return dir;
}

/** A copy of the real migrations plus one more, as a future release would ship. */
function migrationsWith(extraSql: string): string {
  const folder = path.join(tempDir(), 'migrations');
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const idx = journal.entries.length;
  const tag = `${String(idx).padStart(4, '0')}_future`;
  journal.entries.push({ idx, version: '6', when: Date.now(), tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), extraSql);
  return folder;
}

describe('ledger migrations', () => {
  it('a new ledger gets every table, WAL and synchronous=FULL, and reopening applies nothing twice', () => {
    const file = path.join(tempDir(), 'ledger.db');
    openLedger({ file }).close();
    const { sqlite } = openLedgerConnection(file);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrateLedger(sqlite, file)).toEqual({ applied: 0, backupPath: null });
    sqlite.close();
  });

  it('backs the ledger up before upgrading it', () => {
    const file = path.join(tempDir(), 'ledger.db');
    openLedger({ file }).close();
    const { sqlite } = openLedgerConnection(file);
    const result = migrateLedger(sqlite, file, migrationsWith('CREATE TABLE future_table (id TEXT PRIMARY KEY);'));
    expect(result.applied).toBe(1);
    expect(fs.existsSync(result.backupPath!)).toBe(true);
    sqlite.close();
  });

  it('refuses to start on a failed migration, names the backup, and leaves every statement of it unapplied', () => {
    const file = path.join(tempDir(), 'ledger.db');
    openLedger({ file }).close();
    const { sqlite } = openLedgerConnection(file);
    const broken = migrationsWith(
      'CREATE TABLE half_done (id TEXT);\n--> statement-breakpoint\nALTER TABLE no_such_table ADD COLUMN x TEXT;',
    );
    let failure: unknown;
    try {
      migrateLedger(sqlite, file, broken);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(MigrationFailed);
    expect((failure as MigrationFailed).message).toMatch(/backups\/before-migration-.*\.db/);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    sqlite.close();
  });
});
