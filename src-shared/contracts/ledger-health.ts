// The ledger file's health at start: what the counter shows when PRAGMA quick_check found the file damaged.
import { z } from 'zod';

export const ledgerHealthOutput = z.object({
  /** SQLite's own words for the damage, or null when the file checked out at start. */
  problem: z.string().nullable(),
  /** The newest backup on this PC, each of which was verified when it was made; null if there is none. */
  latestBackup: z.object({ name: z.string(), createdAt: z.string(), documents: z.number().int() }).nullable(),
  /** A verified restore is waiting for the next start. */
  restorePending: z.boolean(),
});
export type LedgerHealth = z.infer<typeof ledgerHealthOutput>;

export const restoreLatestInput = z.object({ passphrase: z.string().min(1).max(1024) });
export const restoreLatestOutput = z.object({ createdAt: z.string(), documents: z.number().int() });
