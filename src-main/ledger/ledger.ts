// The open ledger: its connection, its clock, and the one way to write (an immediate SQLite transaction).
import { shopBusinessDate } from '../../src-shared/shop-time';
import type Database from 'better-sqlite3';
import { openLedgerConnection, type LedgerDb } from '../db/connection';
import { migrateLedger } from '../db/migrate';
import type { Clock } from '../../src-shared/clock';
import type { StaffRole } from '../../src-shared/contracts/staff';

export interface Ledger {
  readonly file: string;
  readonly db: LedgerDb;
  readonly sqlite: Database.Database;
  readonly clock: Clock;
  /** Runs fn in one IMMEDIATE transaction: all of its writes land together or not at all. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** Who is acting at the counter, as resolved from the logged-in session. */
export interface Actor {
  staffId: string;
  role: StaffRole;
}

export interface OpenLedgerOptions {
  file: string;
  clock?: Clock;
}

/** Writes that belong to a refusal rather than to the transaction it refused: see keepOnRollback. */
const keptOnRollback = new WeakMap<object, () => void>();

/**
 * Registers a write that must land although `error` rolls back the transaction it is thrown in: a wrong PIN's
 * failure count, which a refused bill or return would otherwise roll back (and retrying could then guess a PIN).
 * The outermost transaction runs it, in a transaction of its own, after the rollback.
 */
export function keepOnRollback(error: object, write: () => void): void {
  keptOnRollback.set(error, write);
}

function runTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  const outermost = !sqlite.inTransaction;
  try {
    return sqlite.transaction(fn).immediate();
  } catch (error) {
    const write = outermost && typeof error === 'object' && error !== null ? keptOnRollback.get(error) : undefined;
    if (write) {
      keptOnRollback.delete(error as object);
      sqlite.transaction(write).immediate();
    }
    throw error;
  }
}

export function openLedger({ file, clock = () => new Date() }: OpenLedgerOptions): Ledger {
  const { sqlite, db } = openLedgerConnection(file);
  try {
    migrateLedger(sqlite, file);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    file,
    db,
    sqlite,
    clock,
    transaction: (fn) => runTransaction(sqlite, fn),
    close: () => sqlite.close(),
  };
}

/** Timestamps are stored as UTC ISO strings; they sort as text. */
export function nowIso(ledger: Ledger): string {
  return ledger.clock().toISOString();
}

/** The shop's calendar day in India (not the PC's own time zone), which day and month summaries group by. */
export function businessDate(at: Date): string {
  return shopBusinessDate(at);
}
