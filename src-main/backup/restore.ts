// Restore: decrypt a backup into a scratch folder, open it as a ledger, and prove it (SQLite integrity, every ledger
// invariant, the hash chain, the journal head named in the file) before it replaces anything.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Conflict } from '../../src-shared/errors';
import { checkLedgerInvariants } from '../ledger/journal/invariants';
import { openLedger } from '../ledger/ledger';
import { decryptFile, type BackupHeader } from './crypto';
import type { ProgressTracker } from './progress';

export interface VerifiedRestore {
  header: BackupHeader;
  documents: number;
  headHash: string;
}

export interface RestoreReport extends VerifiedRestore {
  target: string;
  /** Where the ledger that was there before now lies (nothing is deleted by a restore); null on a new PC. */
  previous: string | null;
}

const SIDE_FILES = ['', '-wal', '-shm'];

function problemsOf(report: ReturnType<typeof checkLedgerInvariants>): string {
  const parts = [];
  if (report.integrity !== 'ok') parts.push(`SQLite integrity: ${report.integrity}`);
  for (const problem of report.problems) parts.push(problem.check);
  if (!report.journal.ok) parts.push(`hash chain broken at document ${report.journal.seq} (${report.journal.reason})`);
  return parts.join('; ');
}

/** What a verified ledger file holds, as its backup's label said: checked again when a parked restore is applied. */
export const verifiedLabelSchema = z.object({ documents: z.number().int().min(0), headHash: z.string() });
export type VerifiedLabel = z.infer<typeof verifiedLabelSchema>;

/**
 * Opens plainFile as a ledger and proves it: SQLite integrity, every ledger invariant, the hash chain, and the
 * document count and journal head the label names. Throws a Conflict (and removes plainFile) if anything is off.
 */
export function verifyLedgerFile(plainFile: string, label: VerifiedLabel, progress?: ProgressTracker): VerifiedLabel {
  try {
    // Opening migrates an older backup to this version's schema, inside a transaction, as any ledger start does.
    const ledger = openLedger({ file: plainFile });
    try {
      const report = checkLedgerInvariants(ledger);
      if (!report.ok) throw new Conflict(`This backup failed its checks and was not restored: ${problemsOf(report)}.`);
      progress?.step('verifying', 1, 2);
      const documents = report.journal.documents;
      const headHash =
        (
          ledger.sqlite.prepare('SELECT hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
            { hash: string } | undefined
        )?.hash ?? '';
      if (documents !== label.documents || headHash !== label.headHash) {
        throw new Conflict(
          `This backup does not hold what its label says (${documents} documents, expected ${label.documents}); it was not restored.`,
        );
      }
      return { documents, headHash };
    } finally {
      ledger.close();
    }
  } catch (error) {
    for (const suffix of SIDE_FILES) fs.rmSync(plainFile + suffix, { force: true });
    throw error instanceof Conflict
      ? error
      : new Conflict(
          `This backup could not be opened as a ledger and was not restored (${error instanceof Error ? error.message : String(error)}).`,
        );
  }
}

/** Decrypts into plainFile and checks it; throws (and removes plainFile) if anything is off. */
export async function decryptAndVerify(
  backupFile: string,
  passphrase: string,
  plainFile: string,
  progress?: ProgressTracker,
): Promise<VerifiedRestore> {
  const header = await decryptFile(backupFile, plainFile, passphrase, (done, total) =>
    progress?.step('decrypting', done, total),
  );
  progress?.step('verifying', 0, 2);
  return { header, ...verifyLedgerFile(plainFile, header, progress) };
}

/** Moves a verified ledger file into place; the one it replaces is renamed aside, never deleted. */
export function placeLedgerFile(verifiedFile: string, target: string, now: Date): string | null {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of SIDE_FILES)
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, previous + suffix);
  }
  fs.renameSync(verifiedFile, target);
  return previous;
}

/**
 * Restores a backup file to target (a ledger that is not open: a new PC, or at start-up). The scratch copy sits
 * beside the target so the final move is a rename on one disk; on any failure the target is untouched.
 */
export async function restoreLedgerFile(input: {
  backupFile: string;
  passphrase: string;
  target: string;
  now?: Date;
  progress?: ProgressTracker;
}): Promise<RestoreReport> {
  fs.mkdirSync(path.dirname(input.target), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(path.dirname(input.target), '.restore-'));
  try {
    const plainFile = path.join(scratch, 'ledger.db');
    const verified = await decryptAndVerify(input.backupFile, input.passphrase, plainFile, input.progress);
    const previous = placeLedgerFile(plainFile, input.target, input.now ?? new Date());
    return { ...verified, target: input.target, previous };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** A restore chosen while the app runs is verified and parked here; the app swaps it in at its next start. */
export function pendingRestoreFile(ledgerFile: string): string {
  return `${ledgerFile}.restore-pending`;
}

/** Beside the parked file: what it was verified to hold, so the start can prove it again before swapping it in. */
function pendingLabelFile(ledgerFile: string): string {
  return `${pendingRestoreFile(ledgerFile)}.json`;
}

/** Parks a verified ledger file (moved, so it is on the ledger's disk) with its label, for the next start. */
export function parkVerifiedRestore(plainFile: string, ledgerFile: string, label: VerifiedLabel): void {
  fs.writeFileSync(pendingLabelFile(ledgerFile), JSON.stringify(verifiedLabelSchema.parse(label)));
  fs.renameSync(plainFile, pendingRestoreFile(ledgerFile));
}

export interface PendingRestoreOutcome {
  applied: boolean;
  previous: string | null;
  /** Why a parked restore was not applied (it changed or broke since it was verified); the ledger is left as it was. */
  refused: string | null;
}

/**
 * Call at start-up, before the ledger is opened. The parked file is verified again (it lay on disk since the restore
 * was chosen, and a power cut or a hand may have changed it): only if it still proves what it was verified to hold is
 * it put in place. A refused one is set aside, never deleted, and the ledger stays as it was.
 */
export function applyPendingRestore(ledgerFile: string, now = new Date()): PendingRestoreOutcome {
  const pending = pendingRestoreFile(ledgerFile);
  if (!fs.existsSync(pending)) return { applied: false, previous: null, refused: null };
  const labelFile = pendingLabelFile(ledgerFile);
  try {
    let label: VerifiedLabel;
    try {
      label = verifiedLabelSchema.parse(JSON.parse(fs.readFileSync(labelFile, 'utf8')));
    } catch {
      throw new Conflict('The restore chosen last time has lost its label and was not applied.');
    }
    verifyLedgerFile(pending, label);
  } catch (error) {
    const aside = `${ledgerFile}.restore-refused-${now.toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of SIDE_FILES)
      if (fs.existsSync(pending + suffix)) fs.renameSync(pending + suffix, aside + suffix);
    if (fs.existsSync(labelFile)) fs.renameSync(labelFile, `${aside}.json`);
    const why = error instanceof Error ? error.message : String(error);
    return { applied: false, previous: null, refused: `The restore chosen last time was not applied: ${why}` };
  }
  fs.rmSync(labelFile, { force: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(pending + suffix, { force: true });
  return { applied: true, previous: placeLedgerFile(pending, ledgerFile, now), refused: null };
}
