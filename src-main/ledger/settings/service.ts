// Reads and writes settings through their zod schemas, so a bad value never reaches the ledger or leaves it.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { Conflict, Invalid } from '../../../src-shared/errors';
import {
  SETTINGS_SCHEMAS,
  type SettingsKey,
  type BillingSettings,
  type CounterSettings,
  type PrinterSettings,
  type ShopSettings,
} from '../../../src-shared/contracts/settings';
import { DEFAULT_SCALE_CONFIG } from '../../../src-shared/barcode';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { recordAudit } from '../audit/service';
import { settings } from './schema';

type SettingsValue = {
  shop: ShopSettings;
  counter: CounterSettings;
  billing: BillingSettings;
  printers: PrinterSettings;
};

const DEFAULTS: { counter: CounterSettings; billing: BillingSettings } = {
  counter: { counterId: 'C1' },
  billing: {
    cashierDiscountLimitBp: 500,
    roundOff: true,
    scale: { ...DEFAULT_SCALE_CONFIG, prefixes: [...DEFAULT_SCALE_CONFIG.prefixes] },
  },
};

/** Parsed settings per open ledger: read on every bill, written rarely (and only through setSetting, which forgets them). */
const parsedCache = new WeakMap<Ledger, Map<SettingsKey, unknown>>();

function cached<T>(ledger: Ledger, key: SettingsKey, read: () => T): T {
  let byKey = parsedCache.get(ledger);
  if (!byKey) parsedCache.set(ledger, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, read());
  return byKey.get(key) as T;
}

function readRaw(ledger: Ledger, key: SettingsKey): unknown {
  return ledger.db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

/** The shop's details, or null before the owner has entered them. */
export function getShop(ledger: Ledger): ShopSettings | null {
  return cached(ledger, 'shop', () => {
    const raw = readRaw(ledger, 'shop');
    return raw === undefined ? null : SETTINGS_SCHEMAS.shop.parse(raw);
  });
}

export function requireShop(ledger: Ledger): ShopSettings {
  const shop = getShop(ledger);
  if (!shop) throw new Conflict("Enter the shop's details (name and state) in Settings before billing.");
  return shop;
}

export function getCounter(ledger: Ledger): CounterSettings {
  return cached(ledger, 'counter', () => {
    const raw = readRaw(ledger, 'counter');
    return raw === undefined ? DEFAULTS.counter : SETTINGS_SCHEMAS.counter.parse(raw);
  });
}

export function getBilling(ledger: Ledger): BillingSettings {
  return cached(ledger, 'billing', () => {
    const raw = readRaw(ledger, 'billing');
    return raw === undefined ? DEFAULTS.billing : SETTINGS_SCHEMAS.billing.parse(raw);
  });
}

/** The counter's printer profiles; none until one is set up (printing is then a no-op). */
export function getPrinters(ledger: Ledger): PrinterSettings {
  return cached(ledger, 'printers', () => {
    const raw = readRaw(ledger, 'printers');
    return raw === undefined ? [] : SETTINGS_SCHEMAS.printers.parse(raw);
  });
}

export function getAllSettings(ledger: Ledger): {
  shop: ShopSettings | null;
  counter: CounterSettings;
  billing: BillingSettings;
  printers: PrinterSettings;
} {
  return {
    shop: getShop(ledger),
    counter: getCounter(ledger),
    billing: getBilling(ledger),
    printers: getPrinters(ledger),
  };
}

export function setSetting<K extends SettingsKey>(
  ledger: Ledger,
  actor: Actor,
  key: K,
  /** As a form sends it: fields with a default may be left out. */
  value: z.input<(typeof SETTINGS_SCHEMAS)[K]>,
): SettingsValue[K] {
  const parsed = SETTINGS_SCHEMAS[key].safeParse(value);
  if (!parsed.success)
    throw new Invalid(`Setting "${key}" is not valid: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  return ledger.transaction(() => {
    if (key === 'counter') assertSeriesUnused(ledger, parsed.data as CounterSettings);
    const at = nowIso(ledger);
    ledger.db
      .insert(settings)
      .values({ key, value: parsed.data, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: parsed.data, updatedAt: at } })
      .run();
    parsedCache.get(ledger)?.delete(key);
    recordAudit(ledger, { action: `settings.${key}`, staffId: actor.staffId, details: { value: parsed.data } });
    return parsed.data as SettingsValue[K];
  });
}

/** Changing the counter id after billing would start a second series on the same counter: refuse it. */
function assertSeriesUnused(ledger: Ledger, next: CounterSettings): void {
  const current = getCounter(ledger);
  if (current.counterId === next.counterId) return;
  const used = ledger.sqlite.prepare('SELECT 1 FROM journal LIMIT 1').get();
  if (used) throw new Conflict({ key: 'counterIdFixed' });
}
