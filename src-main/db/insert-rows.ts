// Inserts for the billing hot path: drizzle builds each table's INSERT once (a prepared query with a placeholder per
// column), and every row after that only binds values. Building the SQL anew per row was most of a bill's CPU time.
import { getTableColumns, sql, type InferInsertModel } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Ledger } from '../ledger/ledger';

type Prepared = { run(values: Record<string, unknown>): unknown };

const preparedByLedger = new WeakMap<Ledger, Map<SQLiteTable, Prepared>>();

function preparedInsert(ledger: Ledger, table: SQLiteTable): Prepared {
  let byTable = preparedByLedger.get(ledger);
  if (!byTable) preparedByLedger.set(ledger, (byTable = new Map()));
  let prepared = byTable.get(table);
  if (!prepared) {
    // Auto-incremented keys are left to SQLite; every other column must be given.
    const columns = Object.entries(getTableColumns(table)).filter(
      ([, column]) => !(column.primary && 'autoIncrement' in column && column.autoIncrement),
    );
    const placeholders = Object.fromEntries(columns.map(([key]) => [key, sql.placeholder(key)]));
    prepared = ledger.db
      .insert(table)
      .values(placeholders as never)
      .prepare() as unknown as Prepared;
    byTable.set(table, prepared);
  }
  return prepared;
}

/** Inserts whole rows (every column given, as drizzle types them) inside the caller's transaction. */
export function insertRows<T extends SQLiteTable>(ledger: Ledger, table: T, rows: InferInsertModel<T>[]): void {
  if (rows.length === 0) return;
  const prepared = preparedInsert(ledger, table);
  for (const row of rows) prepared.run(row as Record<string, unknown>);
}
