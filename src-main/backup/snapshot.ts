// A consistent copy of the live ledger with SQLite's online backup API: bills keep being finalised while it runs.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { Conflict } from '../../src-shared/errors';
import type { Ledger } from '../ledger/ledger';

export interface SnapshotFacts {
  documents: number;
  headHash: string;
  plainBytes: number;
}

/** What a ledger file holds, read straight from the file (the journal's length and last hash). */
export function ledgerFileFacts(file: string): SnapshotFacts {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite
      .prepare(
        'SELECT COUNT(*) AS documents, (SELECT hash FROM journal ORDER BY seq DESC LIMIT 1) AS headHash FROM journal',
      )
      .get() as { documents: number; headHash: string | null };
    return { documents: row.documents, headHash: row.headHash ?? '', plainBytes: fs.statSync(file).size };
  } finally {
    sqlite.close();
  }
}

/**
 * Copies the ledger page by page between bills (the backup API restarts or follows along if a write lands in
 * between, so the copy is one committed state), turns it into a single rollback-journal file, and checks it.
 */
export async function snapshotLedger(
  ledger: Ledger,
  targetFile: string,
  options: { onPages?: (done: number, total: number) => void; pagesPerStep?: number } = {},
): Promise<SnapshotFacts> {
  await ledger.sqlite.backup(targetFile, {
    progress: ({ totalPages, remainingPages }) => {
      options.onPages?.(totalPages - remainingPages, totalPages);
      return options.pagesPerStep ?? 256;
    },
  });
  const copy = new Database(targetFile);
  try {
    copy.pragma('journal_mode = DELETE');
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok')
      throw new Conflict(`The ledger copy failed SQLite's integrity check (${integrity}); no backup was written.`);
  } finally {
    copy.close();
  }
  return ledgerFileFacts(targetFile);
}
