// One page of a list screen (bills, purchase bills, parties, items) and how many rows match in all.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Ledger } from './ledger';

export interface Page<Row> {
  rows: Row[];
  total: number;
}

/** The rows on one page, in the list's order, beside the count of every row the filters match. */
export function pageOf<Table extends SQLiteTable>(
  ledger: Ledger,
  table: Table,
  where: SQL | undefined,
  order: SQL | SQLiteColumn,
  page: { limit: number; offset: number },
): Page<Table['$inferSelect']> {
  const rows = ledger.db
    .select()
    .from(table as SQLiteTable)
    .where(where)
    .orderBy(order)
    .limit(page.limit)
    .offset(page.offset)
    .all() as Table['$inferSelect'][];
  const total =
    ledger.db
      .select({ n: sql<number>`count(*)` })
      .from(table as SQLiteTable)
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}

/** `%text%` for `LIKE … ESCAPE '\'`: a typed %, _ or \ matches itself, not any text. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
