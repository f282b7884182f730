// Opens the ledger's SQLite file (WAL, synchronous=FULL: a power cut loses no finalised bill) and wraps it in drizzle.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type LedgerDb = BetterSQLite3Database<typeof schema>;

export interface LedgerConnection {
  sqlite: Database.Database;
  db: LedgerDb;
}

const STATEMENT_CACHE_LIMIT = 1000;

/**
 * drizzle asks better-sqlite3 to prepare every query anew, and SQLite's parsing was the largest cost of a bill.
 * drizzle gets this view of the connection, which reuses a prepared statement per SQL text (values are bound
 * parameters, so the texts are few). Statements are reset to object rows because drizzle switches some to raw().
 */
function withStatementCache(sqlite: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      statement = sqlite.prepare(source);
      cache.set(source, statement);
    }
    return statement.reader ? statement.raw(false) : statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function openLedgerConnection(file: string): LedgerConnection {
  const sqlite = new Database(file);
  // WAL + synchronous=FULL: a bill whose transaction returned survives a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { sqlite, db: drizzle(withStatementCache(sqlite), { schema }) };
}
