// A damaged ledger file at start, and a parked restore that changed before the start that applies it: the counter takes
// no bill on the first and refuses the second, and offers, verifies and swaps in the newest backup instead.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SHOP_MESSAGES_EN } from '../../../src-shared/shop-messages';
import { WRONG_PASSPHRASE } from '../../../src-main/backup/crypto';
import { applyPendingRestore, pendingRestoreFile } from '../../../src-main/backup/restore';
import { CounterBackups } from '../../../src-main/backup/service';
import { quickCheckLedgerFile } from '../../../src-main/ledger/file-check';
import { openLedger } from '../../../src-main/ledger/ledger';
import { appRouter } from '../../../src-main/trpc/app-router';
import { createCallerFactory } from '../../../src-main/trpc/init';
import { tempLedger } from '../../support/ledger';
import { ledgerFigures, PASSPHRASE, shopWithSales } from './fixtures';

const createCaller = createCallerFactory(appRouter);
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function shopWithBackup() {
  const made = await shopWithSales();
  cleanups.push(() => fs.rmSync(made.shop.t.dir, { recursive: true, force: true }));
  const entry = await new CounterBackups({ ledger: made.shop.t.ledger }).backupNow('manual');
  return { ...made, entry, atBackup: ledgerFigures(made.shop.t.ledger) };
}

/** Overwrites the cells of one index page, as a bad sector or a torn write would: the file still opens. */
function damagePage(file: string): void {
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { rootpage } = db
    .prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND name = 'stock_movements_item_idx'")
    .get() as { rootpage: number };
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(300, 0xab), 0, 300, rootpage * pageSize - 300);
  fs.closeSync(fd);
}

describe('a damaged ledger file at start', () => {
  it('is found by PRAGMA quick_check; a sound file and a new counter without a file pass', async () => {
    const { shop } = await shopWithBackup();
    shop.t.ledger.close();
    expect(quickCheckLedgerFile(shop.t.file)).toBeNull();
    expect(quickCheckLedgerFile(path.join(shop.t.dir, 'not-yet.db'))).toBeNull();
    damagePage(shop.t.file);
    expect(quickCheckLedgerFile(shop.t.file)).toMatch(/.+/);
  });

  it('on a sound ledger, offers nothing and restores nothing without the owner', async () => {
    const { shop } = await shopWithBackup();
    const anyone = createCaller({ ledger: shop.t.ledger, session: { staffId: null }, ledgerDamage: null });
    try {
      expect(await anyone.ledgerHealth.status()).toEqual({ problem: null, latestBackup: null, restorePending: false });
      await expect(anyone.ledgerHealth.restoreLatest({ passphrase: PASSPHRASE })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(fs.existsSync(pendingRestoreFile(shop.t.file))).toBe(false);
    } finally {
      shop.t.ledger.close();
    }
  });

  it('takes no bill, offers the newest backup, and that backup replaces it at the next start', async () => {
    const { shop, item, entry, atBackup } = await shopWithBackup();
    shop.t.ledger.close();
    damagePage(shop.t.file);
    const ledgerDamage = quickCheckLedgerFile(shop.t.file);
    const ledger = openLedger({ file: shop.t.file });
    const cashier = createCaller({ ledger, session: { staffId: shop.ids.cashier }, ledgerDamage });
    const owner = createCaller({ ledger, session: { staffId: null }, ledgerDamage });
    try {
      await expect(
        cashier.sales.finalize({
          id: randomUUID(),
          lines: [{ itemId: item.id, qtyMilli: 1000 }],
          payments: [{ mode: 'upi', amountPaise: 5900 }],
        }),
      ).rejects.toThrow(SHOP_MESSAGES_EN.ledgerDamaged);
      expect(await owner.ledgerHealth.status()).toEqual({
        problem: ledgerDamage,
        latestBackup: { name: entry.name, createdAt: entry.createdAt, documents: entry.documents },
        restorePending: false,
      });
      await expect(owner.ledgerHealth.restoreLatest({ passphrase: 'not the passphrase' })).rejects.toThrow(
        WRONG_PASSPHRASE,
      );
      expect(await owner.ledgerHealth.restoreLatest({ passphrase: PASSPHRASE })).toEqual({
        createdAt: entry.createdAt,
        documents: entry.documents,
      });
      expect((await owner.ledgerHealth.status()).restorePending).toBe(true);
    } finally {
      ledger.close();
    }
    expect(applyPendingRestore(shop.t.file)).toMatchObject({ applied: true, refused: null });
    expect(quickCheckLedgerFile(shop.t.file)).toBeNull();
    const restored = openLedger({ file: shop.t.file });
    try {
      expect(ledgerFigures(restored)).toEqual(atBackup);
    } finally {
      restored.close();
    }
  });
});

describe('a parked restore', () => {
  async function parked() {
    const made = await shopWithBackup();
    await made.shop.owner.backup.restore({ from: 'local', name: made.entry.name, passphrase: PASSPHRASE });
    made.shop.t.ledger.close();
    return { ...made, file: made.shop.t.file, parkedFile: pendingRestoreFile(made.shop.t.file) };
  }

  it.each([
    [
      'swapped for another ledger',
      (parkedFile: string) => {
        const other = tempLedger();
        other.ledger.close();
        fs.copyFileSync(other.file, parkedFile);
        fs.rmSync(other.dir, { recursive: true, force: true });
      },
    ],
    ['damaged on disk', damagePage],
  ])(
    'is proved again at start: one %s since it was verified is set aside, and the ledger stays',
    async (_how, spoil) => {
      const { file, parkedFile } = await parked();
      spoil(parkedFile);
      const before = fs.readFileSync(file);
      const outcome = applyPendingRestore(file);
      expect(outcome).toMatchObject({ applied: false, previous: null });
      expect(outcome.refused).toMatch(/^The restore chosen last time was not applied: /);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.existsSync(parkedFile)).toBe(false);
      expect(fs.readdirSync(path.dirname(file)).some((name) => name.includes('.restore-refused-'))).toBe(true);
    },
  );
});
