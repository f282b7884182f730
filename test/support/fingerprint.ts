// A fingerprint of every row of every table, to prove that a rejected call changed nothing.
import { createHash } from 'node:crypto';
import type { Ledger } from '../../src-main/ledger/ledger';

export function ledgerFingerprint(ledger: Ledger): string {
  const tables = ledger.sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'items_fts_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(table);
    for (const row of ledger.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
