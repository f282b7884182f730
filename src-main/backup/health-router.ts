// The damaged-ledger screen's procedures: what the start-up check found, and restoring the newest backup on this PC.
import fs from 'node:fs';
import path from 'node:path';
import { Forbidden, NotFound } from '../../src-shared/errors';
import { ledgerHealthOutput, restoreLatestInput, restoreLatestOutput } from '../../src-shared/contracts/ledger-health';
import { publicProcedure, router } from '../trpc/init';
import { backupsFor } from './registry';
import { decryptAndVerify, parkVerifiedRestore, pendingRestoreFile } from './restore';

export const ledgerHealthRouter = router({
  status: publicProcedure.output(ledgerHealthOutput).query(({ ctx }) => {
    const latest = ctx.ledgerDamage ? (backupsFor(ctx.ledger).list()[0] ?? null) : null;
    return {
      problem: ctx.ledgerDamage ?? null,
      latestBackup: latest ? { name: latest.name, createdAt: latest.createdAt, documents: latest.documents } : null,
      restorePending: fs.existsSync(pendingRestoreFile(ctx.ledger.file)),
    };
  }),
  /**
   * No PIN is asked: on a damaged ledger the staff table itself may be unreadable. The backup passphrase is the
   * owner's secret and nothing decrypts without it; the restore is verified now and again at the next start.
   */
  restoreLatest: publicProcedure
    .input(restoreLatestInput)
    .output(restoreLatestOutput)
    .mutation(async ({ ctx, input }) => {
      // Only the recovery screen restores without a PIN; on a sound ledger the owner restores in Settings → Backups.
      if (!ctx.ledgerDamage) throw new Forbidden({ key: 'onlyOwner' });
      const latest = backupsFor(ctx.ledger).list()[0];
      if (!latest) throw new NotFound({ key: 'noBackupToRestore' });
      const scratch = fs.mkdtempSync(path.join(path.dirname(ctx.ledger.file), '.restore-'));
      try {
        const plain = path.join(scratch, 'ledger.db');
        const verified = await decryptAndVerify(latest.file, input.passphrase, plain);
        parkVerifiedRestore(plain, ctx.ledger.file, verified);
        return { createdAt: verified.header.createdAt, documents: verified.documents };
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    }),
});
