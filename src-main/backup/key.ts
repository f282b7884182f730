// The shop's backup key on this counter: set from the owner's passphrase, kept as the derived key in the settings table.
import { eq } from 'drizzle-orm';
import { Conflict, Invalid } from '../../src-shared/errors';
import { recordAudit } from '../ledger/audit/service';
import { type Actor, type Ledger, nowIso } from '../ledger/ledger';
import { settings } from '../ledger/settings/schema';
import { backupKeySchema, deriveBackupKey, type BackupKey } from './crypto';

/** Not one of the shop's visible settings (src-shared/contracts/settings), so it has a key of its own. */
const KEY = 'backup.key';
export const MIN_PASSPHRASE = 8;

export function readBackupKey(ledger: Ledger): BackupKey | null {
  const row = ledger.db.select().from(settings).where(eq(settings.key, KEY)).get();
  return row ? backupKeySchema.parse(row.value) : null;
}

export function requireBackupKey(ledger: Ledger): BackupKey {
  const key = readBackupKey(ledger);
  if (!key) throw new Conflict("Backups need the shop's backup passphrase: the owner sets it in Settings → Backups.");
  return key;
}

/** The same passphrase on every counter of a shop gives the same key only with the same salt; each counter may differ, a restore reads the salt from the file. */
export async function setBackupPassphrase(ledger: Ledger, actor: Actor, passphrase: string): Promise<void> {
  if (passphrase.length < MIN_PASSPHRASE)
    throw new Invalid(`The backup passphrase needs at least ${MIN_PASSPHRASE} characters.`);
  const key = await deriveBackupKey(passphrase);
  ledger.transaction(() => {
    const at = nowIso(ledger);
    ledger.db
      .insert(settings)
      .values({ key: KEY, value: key, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: key, updatedAt: at } })
      .run();
    recordAudit(ledger, { action: 'backup.passphrase_set', staffId: actor.staffId });
  });
}
