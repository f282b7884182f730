// Backup procedures: status and progress (polled by the UI for the bar), the passphrase, back up now, and restore.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createTRPCUntypedClient, httpLink } from '@trpc/client';
import { NotFound } from '../../src-shared/errors';
import { serverUrl } from '../../src-shared/sync/server-url';
import { managerProcedure, ownerProcedure, router, staffProcedure } from '../trpc/init';
import { readSyncState } from '../sync/state';
import { readBackupKey, setBackupPassphrase, MIN_PASSPHRASE } from './key';
import { backupsFor } from './registry';
import { createBackupRemote, type BackupRemote } from './remote';
import { decryptAndVerify, parkVerifiedRestore, pendingRestoreFile } from './restore';
import type { Ledger } from '../ledger/ledger';

const passphrase = z.string().min(MIN_PASSPHRASE).max(200);

const restoreInput = z.discriminatedUnion('from', [
  z.object({ from: z.literal('local'), name: z.string().min(1).max(200), passphrase }).strict(),
  /** The server this counter is enrolled with. */
  z.object({ from: z.literal('server'), backupId: z.uuid(), passphrase }).strict(),
  /** A new PC: the owner's cloud login finds the shop's backups. */
  z
    .object({
      from: z.literal('owner-login'),
      serverUrl,
      email: z.email(),
      password: z.string().min(1).max(200),
      backupId: z.uuid(),
      passphrase,
    })
    .strict(),
]);

async function ownerRemote(serverUrl: string, email: string, password: string): Promise<BackupRemote> {
  const client = createTRPCUntypedClient({ links: [httpLink({ url: `${serverUrl.replace(/\/$/, '')}/trpc` })] });
  const session = z
    .object({ accessToken: z.string() })
    .parse(await client.mutation('accounts.login', { email, password }));
  return createBackupRemote({ serverUrl, token: session.accessToken });
}

function enrolledRemote(ledger: Ledger): BackupRemote {
  const enrolment = readSyncState(ledger, 'enrolment');
  if (!enrolment)
    throw new NotFound("This counter is not enrolled with a server; restore from a file, or with the owner's login.");
  return createBackupRemote({ serverUrl: enrolment.serverUrl, token: enrolment.deviceToken });
}

export const backupRouter = router({
  status: managerProcedure.query(({ ctx }) => {
    const backups = backupsFor(ctx.ledger);
    return {
      passphraseSet: readBackupKey(ctx.ledger) !== null,
      dir: backups.dir,
      backups: backups.list().map(({ file: _file, ...entry }) => entry),
      lastBackupAt: backups.lastBackupAt(),
      lastError: backups.lastError,
      progress: backups.progress.current,
      restorePending: fs.existsSync(pendingRestoreFile(ctx.ledger.file)),
    };
  }),
  /** Cheap enough to poll every few hundred milliseconds while a backup or restore runs. */
  progress: staffProcedure.query(({ ctx }) => backupsFor(ctx.ledger).progress.current),
  setPassphrase: ownerProcedure
    .input(z.object({ passphrase }).strict())
    .mutation(({ ctx, input }) => setBackupPassphrase(ctx.ledger, ctx.actor, input.passphrase)),
  runNow: managerProcedure.mutation(({ ctx }) =>
    backupsFor(ctx.ledger)
      .backupNow('manual')
      .then(({ file: _file, ...entry }) => entry),
  ),
  serverList: managerProcedure.query(({ ctx }) => enrolledRemote(ctx.ledger).list()),
  /**
   * Verifies the chosen backup completely, then parks it to replace the ledger at the next start (the open ledger
   * cannot be swapped under a running app). A backup that fails any check is discarded and nothing changes.
   */
  restore: ownerProcedure.input(restoreInput).mutation(async ({ ctx, input }) => {
    const backups = backupsFor(ctx.ledger);
    const scratch = fs.mkdtempSync(path.join(path.dirname(ctx.ledger.file), '.restore-'));
    backups.progress.start('restore');
    try {
      let source: string;
      if (input.from === 'local') {
        const entry = backups.list().find((candidate) => candidate.name === input.name);
        if (!entry) throw new NotFound(`No backup named ${input.name} on this PC.`);
        source = entry.file;
      } else {
        const remote =
          input.from === 'server'
            ? enrolledRemote(ctx.ledger)
            : await ownerRemote(input.serverUrl, input.email, input.password);
        source = path.join(scratch, 'download.gbak');
        await remote.download(input.backupId, source, (done, total) =>
          backups.progress.step('downloading', done, total),
        );
      }
      const plain = path.join(scratch, 'ledger.db');
      const verified = await decryptAndVerify(source, input.passphrase, plain, backups.progress);
      parkVerifiedRestore(plain, ctx.ledger.file, verified);
      backups.progress.finish('done', 'Verified; restart Galla to switch to the restored ledger.');
      return {
        documents: verified.documents,
        headHash: verified.headHash,
        createdAt: verified.header.createdAt,
        counterCode: verified.header.counterCode,
        restartRequired: true,
      };
    } catch (error) {
      backups.progress.finish('failed', error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }),
});
