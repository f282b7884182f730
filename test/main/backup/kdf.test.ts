// The backup key's scrypt parameters: new backups at the password strength, old ones still restore, and a crafted header
// cannot make the counter allocate gigabytes before the file is authenticated.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_MAGIC } from '../../../src-shared/backup/contracts';
import { Invalid } from '../../../src-shared/errors';
import { SHOP_MESSAGES_EN } from '../../../src-shared/shop-messages';
import { decryptFile, deriveBackupKey, encryptFile, readBackupHeader } from '../../../src-main/backup/crypto';
import { readBackupKey } from '../../../src-main/backup/key';
import { shopWithStaff } from '../../support/ledger';

const PASSPHRASE = 'chai-and-samosa-2026';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-kdf-'));
  dirs.push(dir);
  return dir;
}

const FACTS = {
  createdAt: '2026-06-01T10:00:00.000Z',
  reason: 'manual' as const,
  counterCode: 'C1',
  shopName: 'Galla Kirana',
  documents: 0,
  headHash: '0'.repeat(64),
  plainBytes: 1000,
};

async function backupAt(N: number): Promise<{ dir: string; file: string; plain: Buffer }> {
  const dir = tempDir();
  const plain = randomBytes(1000);
  fs.writeFileSync(path.join(dir, 'plain'), plain);
  const key = await deriveBackupKey(PASSPHRASE, { salt: randomBytes(16).toString('base64'), N, r: 8, p: 1 });
  const file = path.join(dir, 'shop.gbak');
  await encryptFile(path.join(dir, 'plain'), file, key, FACTS);
  return { dir, file, plain };
}

/** The same file with its header's KDF parameters changed (the GCM tag would catch it, but only after the key). */
function withKdf(file: string, kdf: Record<string, number>): string {
  const { header, framedBytes } = readBackupHeader(file);
  const json = Buffer.from(JSON.stringify({ ...header, kdf: { ...header.kdf, ...kdf } }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const crafted = `${file}.crafted.gbak`;
  fs.writeFileSync(
    crafted,
    Buffer.concat([Buffer.from(BACKUP_MAGIC), length, json, fs.readFileSync(file).subarray(framedBytes)]),
  );
  return crafted;
}

describe('backup key strength', () => {
  it('a passphrase set now derives the key with scrypt at N = 2^17, r = 8, p = 1, and backups carry it', async () => {
    const shop = await shopWithStaff();
    try {
      await shop.owner.backup.setPassphrase({ passphrase: PASSPHRASE });
      expect(readBackupKey(shop.t.ledger)).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    } finally {
      shop.t.cleanup();
    }
  });

  it('a backup made at the old strength (N = 2^15) still restores', async () => {
    const { dir, file, plain } = await backupAt(2 ** 15);
    await decryptFile(file, path.join(dir, 'restored'), PASSPHRASE);
    expect(fs.readFileSync(path.join(dir, 'restored')).equals(plain)).toBe(true);
  });

  it.each([
    ['N one step above the bound', { N: 2 ** 18 }],
    ['N of 2^40 (a terabyte of memory)', { N: 2 ** 40 }],
    ['N not a power of two', { N: 3 * 2 ** 15 }],
    ['a huge r', { r: 1 << 20 }],
    ['a p that multiplies the work', { p: 64 }],
  ])('a header with %s is refused before any key is derived, in shop language', async (_what, kdf) => {
    const { dir, file } = await backupAt(2 ** 15);
    const started = performance.now();
    const refusal = await decryptFile(withKdf(file, kdf), path.join(dir, 'restored'), PASSPHRASE).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(Invalid);
    expect((refusal as Invalid).message).toBe(SHOP_MESSAGES_EN.backupKdfOutOfBounds);
    expect(SHOP_MESSAGES_EN.backupKdfOutOfBounds).toMatch(/more memory/);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(fs.existsSync(path.join(dir, 'restored'))).toBe(false);
  });
});
