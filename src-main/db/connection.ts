// Opens the ledger's SQLite file with the durability pragmas of SPEC section 4 and wraps it in drizzle.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type LedgerDb = BetterSQLite3Database<typeof schema>;

export interface LedgerConnection {
  sqlite: Database.Database;
  db: LedgerDb;
}

export function openLedgerConnection(file: string): LedgerConnection {
  const sqlite = new Database(file);
  // WAL + synchronous=FULL: a bill whose transaction returned survives a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { sqlite, db: drizzle(sqlite, { schema }) };
}
