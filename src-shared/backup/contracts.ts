// What the server's backup store says about an uploaded counter snapshot, shared by the server and the counter.
import { z } from 'zod';

export const serverBackupEntry = z.object({
  id: z.uuid(),
  counterId: z.uuid(),
  counterCode: z.string(),
  name: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  /** From the file's authenticated header: when the counter made it and what it holds. */
  createdAt: z.string(),
  documents: z.number().int(),
  headHash: z.string(),
  uploadedAt: z.string(),
});
export type ServerBackupEntry = z.infer<typeof serverBackupEntry>;

/** File names the counter gives its backups: safe on every file system and in a URL. */
export const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.gbak$/;

/** Every backup file starts with these 8 bytes, then a big-endian u32 header length and the header JSON. */
export const BACKUP_MAGIC = 'GALLABAK';

/**
 * scrypt parameters a Galla backup may carry, checked before any key is derived: the header is read before it can be
 * authenticated, and scrypt allocates 128·N·r bytes, so a crafted file could otherwise ask the counter for gigabytes.
 * New backups use N = 2^17, r = 8, p = 1 (OWASP's scrypt minimum, as for passwords); files made before that used
 * N = 2^15 and still restore. https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt
 */
export const BACKUP_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
const BACKUP_KDF_MIN_N = 2 ** 14;

export function backupKdfWithinBounds(kdf: { N: number; r: number; p: number }): boolean {
  const powerOfTwo = Number.isSafeInteger(kdf.N) && kdf.N > 1 && (kdf.N & (kdf.N - 1)) === 0;
  return powerOfTwo && kdf.N >= BACKUP_KDF_MIN_N && kdf.N <= BACKUP_KDF.N && kdf.r === BACKUP_KDF.r && kdf.p === 1;
}

/** The header is authenticated by the file's GCM tag but not secret: the server and a restore read it without the key. */
export const backupHeaderSchema = z.object({
  v: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    salt: z.string(),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
  }),
  keyCheck: z.string(),
  iv: z.string(),
  createdAt: z.string(),
  reason: z.enum(['scheduled', 'day_close', 'manual', 'before_restore']),
  counterCode: z.string(),
  shopName: z.string().nullable(),
  documents: z.number().int(),
  headHash: z.string(),
  plainBytes: z.number().int(),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;
