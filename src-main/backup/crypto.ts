// Encrypted backup files: gzip then AES-256-GCM under a key derived with scrypt from the shop's backup passphrase.
// Layout: "GALLABAK" | u32 header length | header JSON (authenticated, not secret) | ciphertext | 16-byte GCM tag.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, createGunzip } from 'node:zlib';
import { z } from 'zod';
import { Invalid } from '../../src-shared/errors';
import {
  BACKUP_KDF,
  BACKUP_MAGIC,
  backupHeaderSchema,
  backupKdfWithinBounds,
  type BackupHeader,
} from '../../src-shared/backup/contracts';

const MAGIC = Buffer.from(BACKUP_MAGIC);
const TAG_BYTES = 16;

export const backupKeySchema = z.object({
  salt: z.string(),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  key: z.string(),
});
/** The derived key, kept on the counter so scheduled backups need no person; the passphrase itself is never stored. */
export type BackupKey = z.infer<typeof backupKeySchema>;

export type { BackupHeader };
export type BackupFacts = Omit<BackupHeader, 'v' | 'kdf' | 'keyCheck' | 'iv'>;

export type OnBytes = (done: number, total: number) => void;

function scryptKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  if (!backupKdfWithinBounds(params)) return Promise.reject(new Invalid({ key: 'backupKdfOutOfBounds' }));
  const options = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFKC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function deriveBackupKey(
  passphrase: string,
  existing?: Pick<BackupKey, 'salt' | 'N' | 'r' | 'p'>,
): Promise<BackupKey> {
  const params = existing ?? { salt: randomBytes(16).toString('base64'), ...BACKUP_KDF };
  const key = await scryptKey(passphrase, Buffer.from(params.salt, 'base64'), params);
  return { salt: params.salt, N: params.N, r: params.r, p: params.p, key: key.toString('base64') };
}

/** Lets a restore tell "wrong passphrase" from "damaged file" before decrypting anything. */
function keyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('galla-backup-key-check').digest().subarray(0, 16);
}

/** Counts bytes as they pass, for the progress bar. */
function counting(total: number, onBytes: OnBytes | undefined): Transform {
  let done = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      done += chunk.length;
      onBytes?.(done, total);
      callback(null, chunk);
    },
  });
}

function framedHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json]);
}

export async function encryptFile(
  plainFile: string,
  targetFile: string,
  key: BackupKey,
  facts: BackupFacts,
  onBytes?: OnBytes,
): Promise<BackupHeader> {
  const rawKey = Buffer.from(key.key, 'base64');
  const iv = randomBytes(12);
  const header: BackupHeader = {
    v: 1,
    kdf: { name: 'scrypt', salt: key.salt, N: key.N, r: key.r, p: key.p },
    keyCheck: keyCheck(rawKey).toString('base64'),
    iv: iv.toString('base64'),
    ...facts,
  };
  const framed = framedHeader(header);
  const cipher = createCipheriv('aes-256-gcm', rawKey, iv);
  cipher.setAAD(framed);
  fs.writeFileSync(targetFile, framed);
  await pipeline(
    fs.createReadStream(plainFile),
    counting(facts.plainBytes, onBytes),
    createGzip({ level: 6 }),
    cipher,
    fs.createWriteStream(targetFile, { flags: 'a' }),
  );
  fs.appendFileSync(targetFile, cipher.getAuthTag());
  return header;
}

const NOT_A_BACKUP = 'This is not a Galla backup file (or it is cut short).';

/** Reads the header of a backup file without the passphrase: what it is, from when, how many documents. */
export function readBackupHeader(file: string): { header: BackupHeader; framedBytes: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const start = Buffer.alloc(12);
    if (fs.readSync(fd, start, 0, 12, 0) < 12 || !start.subarray(0, 8).equals(MAGIC)) throw new Invalid(NOT_A_BACKUP);
    const length = start.readUInt32BE(8);
    if (length > 64 * 1024) throw new Invalid(NOT_A_BACKUP);
    const json = Buffer.alloc(length);
    if (fs.readSync(fd, json, 0, length, 12) < length) throw new Invalid(NOT_A_BACKUP);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw new Invalid(NOT_A_BACKUP);
    }
    const header = backupHeaderSchema.safeParse(parsed);
    if (!header.success) throw new Invalid(NOT_A_BACKUP);
    return { header: header.data, framedBytes: 12 + length };
  } finally {
    fs.closeSync(fd);
  }
}

export const WRONG_PASSPHRASE = 'Wrong backup passphrase: this backup was made with a different one.';
export const DAMAGED_BACKUP = 'This backup file is damaged or was altered after it was made; it cannot be restored.';

/** Decrypts and unzips to plainFile. Nothing is trusted until the GCM tag has checked out at the very end. */
export async function decryptFile(
  file: string,
  plainFile: string,
  passphrase: string,
  onBytes?: OnBytes,
): Promise<BackupHeader> {
  const { header, framedBytes } = readBackupHeader(file);
  const rawKey = Buffer.from((await deriveBackupKey(passphrase, header.kdf)).key, 'base64');
  const expected = Buffer.from(header.keyCheck, 'base64');
  if (expected.length !== 16 || !timingSafeEqual(keyCheck(rawKey), expected)) throw new Invalid(WRONG_PASSPHRASE);
  const size = fs.statSync(file).size;
  if (size < framedBytes + TAG_BYTES) throw new Invalid(DAMAGED_BACKUP);
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = fs.openSync(file, 'r');
  const framed = Buffer.alloc(framedBytes);
  try {
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
    fs.readSync(fd, framed, 0, framedBytes, 0);
  } finally {
    fs.closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', rawKey, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(framed);
  decipher.setAuthTag(tag);
  const cipherBytes = size - TAG_BYTES - framedBytes;
  try {
    await pipeline(
      fs.createReadStream(file, { start: framedBytes, end: size - TAG_BYTES - 1 }),
      counting(cipherBytes, onBytes),
      decipher,
      createGunzip(),
      fs.createWriteStream(plainFile),
    );
  } catch {
    fs.rmSync(plainFile, { force: true });
    throw new Invalid(DAMAGED_BACKUP);
  }
  return header;
}
