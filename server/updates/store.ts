// Release files on disk: an upload streams to a temporary file while its SHA-512 is computed, and is renamed into
// place only when complete; a name, once stored, never gets other bytes (a rebuild needs a new version).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { Conflict, Invalid } from '../../src-shared/errors';
import { releaseFileName } from '../../src-shared/updates/feed';
import { releaseFiles, type ReleaseFile } from './schema';
import type { ServerDeps } from '../trpc/init';

export function checkFileName(name: string): string {
  const parsed = releaseFileName.safeParse(name);
  if (!parsed.success) throw new Invalid(parsed.error.issues[0]?.message ?? 'Bad file name.');
  return parsed.data;
}

/** Counts and hashes bytes on their way to disk, and stops an upload that outgrows the limit. */
function measuring(maxBytes: number) {
  const hash = createHash('sha512');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new Invalid(`A release file may be at most ${maxBytes} bytes.`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha512: hash.digest('base64'), sizeBytes: size }) };
}

export async function storeReleaseFile(deps: ServerDeps, name: string, body: Readable): Promise<ReleaseFile> {
  const fileName = checkFileName(name);
  const { releasesDir, maxFileBytes } = deps.config.updates;
  await fs.promises.mkdir(releasesDir, { recursive: true });
  const incoming = path.join(releasesDir, `.incoming-${randomBytes(8).toString('hex')}`);
  const measure = measuring(maxFileBytes);
  try {
    await pipeline(body, measure.stream, fs.createWriteStream(incoming, { flags: 'wx' }));
    const { sha512, sizeBytes } = measure.result();
    if (sizeBytes === 0) throw new Invalid('The upload was empty.');
    // The row claims the name first, so two uploads racing for one name cannot leave the disk and the table disagreeing.
    const [row] = await deps.db
      .insert(releaseFiles)
      .values({ fileName, sha512, sizeBytes })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [holder] = await deps.db.select().from(releaseFiles).where(eq(releaseFiles.fileName, fileName));
      if (holder?.sha512 !== sha512)
        throw new Conflict(
          `${fileName} is already on the server with other contents; a new build needs a new version.`,
        );
      return holder;
    }
    try {
      await fs.promises.rename(incoming, path.join(releasesDir, fileName));
    } catch (error) {
      await deps.db.delete(releaseFiles).where(eq(releaseFiles.fileName, fileName));
      throw error;
    }
    return row;
  } finally {
    await fs.promises.rm(incoming, { force: true });
  }
}

export async function findReleaseFile(deps: ServerDeps, name: string): Promise<ReleaseFile | null> {
  if (!releaseFileName.safeParse(name).success) return null;
  const [row] = await deps.db.select().from(releaseFiles).where(eq(releaseFiles.fileName, name));
  return row ?? null;
}
