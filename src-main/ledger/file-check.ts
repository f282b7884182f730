// The ledger file's own check at start: SQLite's PRAGMA quick_check (https://sqlite.org/pragma.html#pragma_quick_check),
// the faster sibling of integrity_check that still reads every page. A damaged file takes no more bills.
import Database from 'better-sqlite3';
import fs from 'node:fs';

/** null when the file is sound (or does not exist yet: a new counter); else SQLite's description of the damage. */
export function quickCheckLedgerFile(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const rows = sqlite.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    // SQLite heads its list with "*** in database main ***", which tells a cashier nothing.
    const problems = rows
      .flatMap((row) => row.quick_check.split('\n'))
      .filter((line) => line !== 'ok' && !line.startsWith('***'));
    if (rows.length === 1 && rows[0]!.quick_check === 'ok') return null;
    return problems.length ? problems.slice(0, 5).join('; ') : 'the file failed its check';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    sqlite?.close();
  }
}
