// Reads and writes settings through their zod schemas, so a bad value never reaches the ledger or leaves it.
import { eq } from 'drizzle-orm';
import { Conflict, Invalid } from '../../../src-shared/errors';
import { SETTINGS_SCHEMAS, type SettingsKey, type BillingSettings, type CounterSettings, type ShopSettings } from '../../../src-shared/contracts/settings';
import { DEFAULT_SCALE_CONFIG } from '../../../src-shared/barcode';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { recordAudit } from '../audit/service';
import { settings } from './schema';

type SettingsValue = { shop: ShopSettings; counter: CounterSettings; billing: BillingSettings };

const DEFAULTS: { counter: CounterSettings; billing: BillingSettings } = {
  counter: { counterId: 'C1' },
  billing: { cashierDiscountLimitBp: 500, roundOff: true, scale: { ...DEFAULT_SCALE_CONFIG, prefixes: [...DEFAULT_SCALE_CONFIG.prefixes] } },
};

function readRaw(ledger: Ledger, key: SettingsKey): unknown {
  return ledger.db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

/** The shop's details, or null before the owner has entered them. */
export function getShop(ledger: Ledger): ShopSettings | null {
  const raw = readRaw(ledger, 'shop');
  return raw === undefined ? null : SETTINGS_SCHEMAS.shop.parse(raw);
}

export function requireShop(ledger: Ledger): ShopSettings {
  const shop = getShop(ledger);
  if (!shop) throw new Conflict("Enter the shop's details (name and state) in Settings before billing.");
  return shop;
}

export function getCounter(ledger: Ledger): CounterSettings {
  const raw = readRaw(ledger, 'counter');
  return raw === undefined ? DEFAULTS.counter : SETTINGS_SCHEMAS.counter.parse(raw);
}

export function getBilling(ledger: Ledger): BillingSettings {
  const raw = readRaw(ledger, 'billing');
  return raw === undefined ? DEFAULTS.billing : SETTINGS_SCHEMAS.billing.parse(raw);
}

export function getAllSettings(ledger: Ledger): { shop: ShopSettings | null; counter: CounterSettings; billing: BillingSettings } {
  return { shop: getShop(ledger), counter: getCounter(ledger), billing: getBilling(ledger) };
}

export function setSetting<K extends SettingsKey>(ledger: Ledger, actor: Actor, key: K, value: SettingsValue[K]): SettingsValue[K] {
  const parsed = SETTINGS_SCHEMAS[key].safeParse(value);
  if (!parsed.success) throw new Invalid(`Setting "${key}" is not valid: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  return ledger.transaction(() => {
    if (key === 'counter') assertSeriesUnused(ledger, value as CounterSettings);
    const at = nowIso(ledger);
    ledger.db
      .insert(settings)
      .values({ key, value: parsed.data, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: parsed.data, updatedAt: at } })
      .run();
    recordAudit(ledger, { action: `settings.${key}`, staffId: actor.staffId, details: { value: parsed.data } });
    return parsed.data as SettingsValue[K];
  });
}

/** Changing the counter id after billing would start a second series on the same counter: refuse it. */
function assertSeriesUnused(ledger: Ledger, next: CounterSettings): void {
  const current = getCounter(ledger);
  if (current.counterId === next.counterId) return;
  const used = ledger.sqlite.prepare('SELECT 1 FROM journal LIMIT 1').get();
  if (used) throw new Conflict('The counter id cannot change once documents have been numbered in its series.');
}
