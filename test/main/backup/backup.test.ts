// Counter backups: a consistent snapshot while bills go on, encrypted with the shop's passphrase, kept by retention,
// and restored only after the integrity check, every ledger invariant and the hash chain have passed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CounterBackups } from '../../../src-main/backup/service';
import { DAMAGED_BACKUP, encryptFile, readBackupHeader, WRONG_PASSPHRASE } from '../../../src-main/backup/crypto';
import { readBackupKey } from '../../../src-main/backup/key';
import { ledgerFileFacts } from '../../../src-main/backup/snapshot';
import { restoreLedgerFile } from '../../../src-main/backup/restore';
import { dueBackup } from '../../../src-main/backup/schedule';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { openLedger } from '../../../src-main/ledger/ledger';
import type { Shop } from '../../support/ledger';
import { ledgerFigures, PASSPHRASE, sellSome, shopWithSales } from './fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-restore-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function setUp(options: Parameters<typeof shopWithSales>[0] = {}) {
  const made = await shopWithSales(options);
  cleanups.push(() => made.shop.t.cleanup());
  return { ...made, backups: new CounterBackups({ ledger: made.shop.t.ledger }) };
}

function fileBytes(file: string): string {
  return fs.readFileSync(file).toString('base64');
}

async function restoredFigures(file: string) {
  const ledger = openLedger({ file });
  try {
    return { figures: ledgerFigures(ledger), invariants: checkLedgerInvariants(ledger) };
  } finally {
    ledger.close();
  }
}

describe('counter backups', () => {
  it('restores to a new PC with the hash chain, the totals and every row as they were', async () => {
    const { shop, backups } = await setUp();
    const before = ledgerFigures(shop.t.ledger);
    const entry = await backups.backupNow('manual');
    expect(entry).toMatchObject({ reason: 'manual', documents: 13, uploaded: false });
    expect(fileBytes(entry.file)).not.toContain(Buffer.from('Ramesh').toString('base64'));

    const newPc = path.join(tempDir(), 'Galla', 'ledger.db');
    const report = await restoreLedgerFile({ backupFile: entry.file, passphrase: PASSPHRASE, target: newPc });
    expect(report).toMatchObject({ documents: 13, headHash: entry.headHash, previous: null });
    const after = await restoredFigures(newPc);
    expect(after.invariants.ok).toBe(true);
    expect(after.figures).toEqual(before);
  });

  it('takes one consistent snapshot while bills keep being finalised', async () => {
    const { shop, item } = await setUp();
    // One page per step: the copy takes many turns of the event loop, and bills land between them.
    const backups = new CounterBackups({ ledger: shop.t.ledger, pagesPerStep: 1 });
    const documentsBefore = ledgerFigures(shop.t.ledger).journal as { documents: number };
    const backup = backups.backupNow('scheduled');
    await sellSome(shop, 15, item.id);
    // All 15 bills were finalised while the copy was still going.
    expect(backups.busy).toBe(true);
    const entry = await backup;
    const documentsAfter = (ledgerFigures(shop.t.ledger).journal as { documents: number }).documents;

    expect(entry.documents).toBeGreaterThanOrEqual(documentsBefore.documents);
    expect(entry.documents).toBeLessThanOrEqual(documentsAfter);
    const target = path.join(tempDir(), 'ledger.db');
    await restoreLedgerFile({ backupFile: entry.file, passphrase: PASSPHRASE, target });
    expect((await restoredFigures(target)).invariants.ok).toBe(true);
    expect(checkLedgerInvariants(shop.t.ledger).ok).toBe(true);
  });

  it('refuses a wrong passphrase with a clear message and creates nothing', async () => {
    const { backups } = await setUp();
    const entry = await backups.backupNow('manual');
    const target = path.join(tempDir(), 'ledger.db');
    await expect(
      restoreLedgerFile({ backupFile: entry.file, passphrase: 'not-the-passphrase', target }),
    ).rejects.toThrow(WRONG_PASSPHRASE);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });

  it('detects a file altered after it was made, in its contents or in its label, and leaves the ledger there alone', async () => {
    const { backups } = await setUp();
    const entry = await backups.backupNow('manual');
    const dir = tempDir();
    const target = path.join(dir, 'ledger.db');
    fs.copyFileSync(entry.file, target);
    const untouched = fileBytes(target);

    const flipped = path.join(dir, 'flipped.gbak');
    const bytes = fs.readFileSync(entry.file);
    bytes[Math.floor(bytes.length * 0.6)]! ^= 0x01;
    fs.writeFileSync(flipped, bytes);
    await expect(restoreLedgerFile({ backupFile: flipped, passphrase: PASSPHRASE, target })).rejects.toThrow(
      DAMAGED_BACKUP,
    );

    const relabelled = path.join(dir, 'relabelled.gbak');
    fs.writeFileSync(
      relabelled,
      fs.readFileSync(entry.file).toString('latin1').replace('"documents":13', '"documents":99'),
      'latin1',
    );
    expect(readBackupHeader(relabelled).header.documents).toBe(99);
    await expect(restoreLedgerFile({ backupFile: relabelled, passphrase: PASSPHRASE, target })).rejects.toThrow(
      DAMAGED_BACKUP,
    );

    const cut = path.join(dir, 'cut.gbak');
    fs.writeFileSync(cut, fs.readFileSync(entry.file).subarray(0, 200));
    await expect(restoreLedgerFile({ backupFile: cut, passphrase: PASSPHRASE, target })).rejects.toThrow(
      /damaged|not a Galla backup/,
    );

    expect(fileBytes(target)).toBe(untouched);
    expect(fs.readdirSync(dir).sort()).toEqual(['cut.gbak', 'flipped.gbak', 'ledger.db', 'relabelled.gbak']);
  });

  it('refuses a backup of a ledger whose hash chain is broken, and changes nothing', async () => {
    const { shop } = await setUp();
    const dir = tempDir();
    // A copy of the ledger where someone rewrote a bill's total behind the app's back.
    const forged = path.join(dir, 'forged.db');
    await shop.t.ledger.sqlite.backup(forged);
    const raw = new Database(forged);
    raw.pragma('journal_mode = DELETE');
    raw.exec('DROP TRIGGER invoices_immutable_update');
    raw.exec('UPDATE invoices SET total_paise = total_paise - 100 WHERE rowid = (SELECT MIN(rowid) FROM invoices)');
    raw.close();
    const forgedBackup = path.join(dir, 'forged.gbak');
    const key = readBackupKey(shop.t.ledger)!;
    await encryptFile(forged, forgedBackup, key, {
      ...ledgerFileFacts(forged),
      createdAt: new Date().toISOString(),
      reason: 'manual',
      counterCode: 'C1',
      shopName: 'Galla Kirana',
    });

    const target = path.join(dir, 'live', 'ledger.db');
    fs.mkdirSync(path.dirname(target));
    await shop.t.ledger.sqlite.backup(target);
    const untouched = fileBytes(target);
    await expect(restoreLedgerFile({ backupFile: forgedBackup, passphrase: PASSPHRASE, target })).rejects.toThrow(
      /failed its checks.*(hash chain broken|invoice figures)/,
    );
    expect(fileBytes(target)).toBe(untouched);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['ledger.db']);
  });

  it('keeps 7 daily and 4 weekly backups as the days go by', async () => {
    let now = new Date(2026, 9, 20, 21, 0);
    const { backups } = await setUp({ clock: () => now });
    for (let day = 0; day < 35; day++) {
      now = new Date(2026, 9, 20 + day, 21, 0);
      await backups.backupNow('day_close');
    }
    const kept = backups.list().map((entry) => new Date(entry.createdAt));
    // 18-24 Nov daily; Sundays 16 and 9 Nov and 2 Nov close the three weeks before.
    expect(kept.map((at) => `${at.getMonth() + 1}/${at.getDate()}`)).toEqual([
      '11/23',
      '11/22',
      '11/21',
      '11/20',
      '11/19',
      '11/18',
      '11/17',
      '11/15',
      '11/8',
    ]);
    expect(fs.readdirSync(backups.dir).filter((name) => name.endsWith('.gbak'))).toHaveLength(9);
  });

  it('reports progress from 0 to 100 while the UI polls, through the steps in between', async () => {
    const { shop } = await setUp();
    // One page per step: the copy takes many turns of the event loop, and a look on every turn sees each step.
    const backups = new CounterBackups({ ledger: shop.t.ledger, pagesPerStep: 1 });
    const seen: number[] = [];
    const running = backups.backupNow('manual');
    while (backups.busy) {
      seen.push(backups.progress.current.percent);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await running;
    expect(backups.progress.current).toMatchObject({ operation: 'backup', phase: 'done', percent: 100 });
    // Not only the end: the bar was seen part-filled, and it never went back.
    expect(seen.filter((percent) => percent > 0 && percent < 100).length).toBeGreaterThan(0);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const status = await shop.manager.backup.status();
    expect(status).toMatchObject({ passphraseSet: true, lastError: null });
    expect(status.backups).toHaveLength(1);
  });

  it('is due every few hours and again once a shift is closed', async () => {
    let now = new Date(2026, 10, 23, 9, 0);
    const { shop, backups } = await setUp({ clock: () => now });
    expect(dueBackup(shop.t.ledger, backups, 6 * 3_600_000)).toBe('scheduled');
    await backups.backupNow('scheduled');
    now = new Date(2026, 10, 23, 10, 0);
    expect(dueBackup(shop.t.ledger, backups, 6 * 3_600_000)).toBeNull();
    now = new Date(2026, 10, 23, 21, 0);
    await shop.cashier.cashSessions.close({ countedPaise: 100_000 });
    expect(dueBackup(shop.t.ledger, backups, 6 * 3_600_000)).toBe('day_close');
    await backups.backupNow('day_close');
    expect(dueBackup(shop.t.ledger, backups, 6 * 3_600_000)).toBeNull();
  });

  it('will not back up before the owner has set a passphrase', async () => {
    const made = await shopWithSales();
    cleanups.push(() => made.shop.t.cleanup());
    const fresh: Shop = made.shop;
    fresh.t.ledger.sqlite.prepare("DELETE FROM settings WHERE key = 'backup.key'").run();
    await expect(fresh.manager.backup.runNow()).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('passphrase'),
    });
    await expect(fresh.owner.backup.setPassphrase({ passphrase: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
