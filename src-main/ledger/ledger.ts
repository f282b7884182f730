// The open ledger: its connection, its clock, and the one way to write (an immediate SQLite transaction).
import { format } from 'date-fns';
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
    transaction: (fn) => sqlite.transaction(fn).immediate(),
    close: () => sqlite.close(),
  };
}

/** Timestamps are stored as UTC ISO strings; they sort as text. */
export function nowIso(ledger: Ledger): string {
  return ledger.clock().toISOString();
}

/** The shop's calendar day (the counter PC's local date), which day and month summaries group by. */
export function businessDate(at: Date): string {
  return format(at, 'yyyy-MM-dd');
}
