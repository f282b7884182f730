// Test factories: a real ledger in a temp folder, a shop with staff, items and a customer, and callers as each member of staff.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../src-shared/clock';
import { openLedger, type Ledger } from '../../src-main/ledger/ledger';
import { appRouter } from '../../src-main/trpc/app-router';
import { createCallerFactory, type CounterSession } from '../../src-main/trpc/init';
import type { CreateItemInput } from '../../src-shared/contracts/catalogue';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface TempLedger {
  ledger: Ledger;
  dir: string;
  file: string;
  as(staffId: string | null): Caller;
  cleanup(): void;
}

export function tempLedger(options: { clock?: Clock; dir?: string } = {}): TempLedger {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'galla-test-'));
  const file = path.join(dir, 'ledger.db');
  const ledger = openLedger({ file, clock: options.clock });
  return {
    ledger,
    dir,
    file,
    as: (staffId) => createCaller({ ledger, session: { staffId } satisfies CounterSession }),
    cleanup: () => {
      ledger.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const PINS = { owner: '1111', manager: '2222', cashier: '3333' } as const;
export const SHOP_STATE = '27';
export const SHOP_GSTIN = '27AAPFU0939F1ZV';

export function itemInput(overrides: Partial<CreateItemInput> = {}): CreateItemInput {
  const sku = overrides.sku ?? `SKU-${randomUUID().slice(0, 8)}`;
  return {
    sku,
    name: `Item ${sku}`,
    unit: 'pcs',
    pricePaise: 5900,
    priceIncludesTax: true,
    costPaise: 4000,
    gstRateBp: 1800,
    cessRateBp: 0,
    hsn: '1006',
    plu: null,
    barcodes: [],
    reorderLevelMilli: 0,
    category: 'Grocery',
    openingStockMilli: 100_000,
    ...overrides,
  };
}

export interface Shop {
  t: TempLedger;
  owner: Caller;
  manager: Caller;
  cashier: Caller;
  ids: { owner: string; manager: string; cashier: string };
}

/** A shop in Maharashtra with an owner, a manager and a cashier, its details entered, and (by default) a shift open. */
export async function shopWithStaff(options: { clock?: Clock; openShift?: boolean; dir?: string } = {}): Promise<Shop> {
  const t = tempLedger(options);
  const owner = await t.as(null).staff.setupOwner({ name: 'Asha (owner)', pin: PINS.owner });
  const ownerCaller = t.as(owner.id);
  const manager = await ownerCaller.staff.create({ name: 'Manoj (manager)', role: 'manager', pin: PINS.manager });
  const cashier = await ownerCaller.staff.create({ name: 'Chetan (cashier)', role: 'cashier', pin: PINS.cashier });
  await ownerCaller.settings.set({
    key: 'shop',
    value: {
      name: 'Galla Kirana',
      address: 'MG Road, Pune',
      phone: '9800000000',
      gstin: SHOP_GSTIN,
      stateCode: SHOP_STATE,
      upiId: 'galla@upi',
      receiptFooter: 'Thank you!',
    },
  });
  if (options.openShift ?? true) await t.as(cashier.id).cashSessions.open({ openingFloatPaise: 100_000 });
  return {
    t,
    owner: ownerCaller,
    manager: t.as(manager.id),
    cashier: t.as(cashier.id),
    ids: { owner: owner.id, manager: manager.id, cashier: cashier.id },
  };
}
