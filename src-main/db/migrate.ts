// Applies the committed drizzle migrations at start: backup first, all in one transaction, refuse to start on failure.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export class MigrationFailed extends Error {
  constructor(
    readonly backupPath: string | null,
    override readonly cause: unknown,
  ) {
    super(
      `The ledger could not be upgraded and was left as it was (${String(cause)}).` +
        (backupPath ? ` A copy taken before the upgrade is at ${backupPath}.` : ''),
    );
    this.name = 'MigrationFailed';
  }
}

interface AppliedRow {
  hash: string;
}

/**
 * drizzle's own migrator runs each migration in its own statement batch; we run the pending set ourselves
 * so that a failure in the third of three leaves none applied, and we back up the file before touching it.
 */
export function migrateLedger(
  sqlite: Database.Database,
  file: string,
  folder = MIGRATIONS_FOLDER,
): { applied: number; backupPath: string | null } {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  sqlite.exec(
    'CREATE TABLE IF NOT EXISTS __migrations (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    (sqlite.prepare('SELECT hash FROM __migrations').all() as AppliedRow[]).map((row) => row.hash),
  );
  const pending = migrations.filter((migration) => !applied.has(migration.hash));
  if (pending.length === 0) return { applied: 0, backupPath: null };

  const backupPath = applied.size > 0 ? backupBeforeMigration(sqlite, file) : null;
  const insert = sqlite.prepare('INSERT INTO __migrations (hash, created_at) VALUES (?, ?)');
  try {
    sqlite.transaction(() => {
      for (const migration of pending) {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement);
        }
        insert.run(migration.hash, migration.folderMillis);
      }
    })();
  } catch (error) {
    throw new MigrationFailed(backupPath, error instanceof Error ? error.message : error);
  }
  return { applied: pending.length, backupPath };
}

function backupBeforeMigration(sqlite: Database.Database, file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(path.dirname(file), 'backups', `before-migration-${stamp}.db`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  sqlite.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
  return target;
}
