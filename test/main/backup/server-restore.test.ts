// Off-site: each counter backup is uploaded to the shop's server with the device token, and a new PC restores it with
// the owner's login, verified before it is put in place. The counter's heartbeat tells the server when it last backed up.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPendingRestore, pendingRestoreFile } from '../../../src-main/backup/restore';
import { WRONG_PASSPHRASE } from '../../../src-main/backup/crypto';
import { openLedger } from '../../../src-main/ledger/ledger';
import { itemInput, shopWithStaff } from '../../support/ledger';
import { syncedShop, type SyncedShop } from '../../support/sync-shop';
import { ledgerFigures, PASSPHRASE } from './fixtures';

let shop: SyncedShop | null = null;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await shop?.close();
  shop = null;
});

const OWNER_LOGIN = { email: 'asha@example.in', password: 'correct horse battery' };

describe('backups on the server', () => {
  it("a new PC restores the counter's uploaded backup with the owner's login, and gets every row back", async () => {
    shop = await syncedShop(['C1']);
    const counter = shop.counters[0]!;
    const item = await counter.manager.catalogue.create(itemInput());
    for (let i = 0; i < 5; i++)
      await counter.cashier.sales.finalize({
        id: randomUUID(),
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'cash', amountPaise: 10_000 }],
      });
    await counter.owner.backup.setPassphrase({ passphrase: PASSPHRASE });

    const entry = await counter.manager.backup.runNow();
    const atBackup = ledgerFigures(counter.t.ledger);
    expect(entry).toMatchObject({ uploaded: true, documents: 5 });
    const [onServer] = await counter.manager.backup.serverList();
    expect(onServer).toMatchObject({ name: entry.name, counterCode: 'C1', documents: 5, headHash: entry.headHash });

    // The next sync carries the heartbeat: the owner's monitoring page shows the backup and the printer.
    await counter.engine().syncNow();
    const [status] = await shop.owner.monitoring.counters();
    expect(status).toMatchObject({
      outboxDepth: 0,
      printer: { state: 'none' },
      lastBackupAt: new Date(entry.createdAt),
      lastUploadedBackupAt: new Date(entry.createdAt),
    });

    const newPc = await shopWithStaff({ openShift: false });
    cleanups.push(() => fs.rmSync(newPc.t.dir, { recursive: true, force: true }));
    await expect(
      newPc.owner.backup.restore({
        from: 'owner-login',
        serverUrl: shop.url,
        ...OWNER_LOGIN,
        backupId: onServer!.id,
        passphrase: 'wrong passphrase',
      }),
    ).rejects.toThrow(WRONG_PASSPHRASE);
    expect(fs.existsSync(pendingRestoreFile(newPc.t.file))).toBe(false);

    const report = await newPc.owner.backup.restore({
      from: 'owner-login',
      serverUrl: shop.url,
      ...OWNER_LOGIN,
      backupId: onServer!.id,
      passphrase: PASSPHRASE,
    });
    expect(report).toMatchObject({ documents: 5, headHash: entry.headHash, restartRequired: true });
    expect(await newPc.cashier.backup.progress()).toMatchObject({ operation: 'restore', phase: 'done', percent: 100 });

    // "Restart": the app closes the ledger, swaps the verified file in at start, and opens it.
    newPc.t.ledger.close();
    expect(applyPendingRestore(newPc.t.file)).toMatchObject({
      applied: true,
      previous: expect.stringContaining('before-restore'),
    });
    const restored = openLedger({ file: newPc.t.file });
    try {
      expect(ledgerFigures(restored)).toEqual(atBackup);
    } finally {
      restored.close();
    }
  });
});
