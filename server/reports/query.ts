// Runs a report's SQL in the caller's shop transaction and reads the rows back with sums as plain numbers.
import type { SQL } from 'drizzle-orm';
import type { ServerDb } from '../db/connection';

type Raw = Record<string, unknown>;

/**
 * PostgreSQL returns SUM(bigint) as numeric, which drivers hand over as strings: every column named in `numeric`
 * becomes a number. Paise sums stay far below 2^53, so the conversion is exact.
 */
export async function reportRows<T extends object>(
  tx: ServerDb,
  query: SQL,
  numeric: (keyof T & string)[],
): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: Raw[] };
  return result.rows.map((row) => {
    const out: Raw = { ...row };
    for (const name of numeric) out[name] = row[name] === null || row[name] === undefined ? 0 : Number(row[name]);
    return out as T;
  });
}
