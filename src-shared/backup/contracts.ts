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
