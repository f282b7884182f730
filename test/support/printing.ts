// Printing test factories: a printer profile pointing at the emulator, a credit sale worth printing, and short timeouts.
import { randomUUID } from 'node:crypto';
import type { PrinterProfile } from '../../src-shared/contracts/printing';
import { parsePrintConfig, type PrintWorkerConfig } from '../../src-main/printing/worker';
import { itemInput, type Shop } from './ledger';

/** Timeouts short enough for tests, long enough for a loaded 2-core machine to answer on 127.0.0.1. */
export const TEST_PRINT_CONFIG: PrintWorkerConfig = parsePrintConfig({
  connectTimeoutMs: 3000,
  statusTimeoutMs: 3000,
  ioTimeoutMs: 1500,
  retryBaseMs: 1000,
  retryMaxMs: 8000,
  pollMs: 50,
});

export function emulatorPrinter(port: number, overrides: Partial<PrinterProfile> = {}): PrinterProfile {
  return {
    id: 'counter-1',
    name: 'Counter thermal',
    connection: { kind: 'network', host: '127.0.0.1', port },
    width: 80,
    codePage: 'PC437_USA',
    drawerKick: true,
    cut: true,
    isDefault: true,
    ...overrides,
  };
}

export async function usePrinter(shop: Shop, profile: PrinterProfile): Promise<void> {
  await shop.owner.settings.set({ key: 'printers', value: [profile] });
}

/**
 * A bill with the things a receipt must show: three GST rates, a long name that wraps, a Hindi name
 * (printed as a raster line), a line discount, cash with change, and the rest on khata.
 */
export async function creditSale(shop: Shop) {
  const rice = await shop.manager.catalogue.create(
    itemInput({
      name: 'Basmati Rice Premium Long Grain Aged Two Years 5kg Bag',
      pricePaise: 59_900,
      gstRateBp: 500,
      hsn: '1006',
    }),
  );
  const soap = await shop.manager.catalogue.create(
    itemInput({ name: 'Lifebuoy Soap 125g', pricePaise: 4_000, gstRateBp: 1800, hsn: '3401' }),
  );
  const dal = await shop.manager.catalogue.create(
    itemInput({ name: 'तूर दाल 1 किलो', pricePaise: 16_000, gstRateBp: 0, hsn: '0713' }),
  );
  const ramesh = await shop.cashier.parties.create({
    name: 'Ramesh Kumar',
    phone: '9811111111',
    creditLimitPaise: 500_000,
  });
  const sale = await shop.cashier.sales.finalize({
    id: randomUUID(),
    partyId: ramesh.id,
    lines: [
      { itemId: rice.id, qtyMilli: 2000 },
      { itemId: soap.id, qtyMilli: 3000, discount: { kind: 'amount', paise: 1000 } },
      { itemId: dal.id, qtyMilli: 1000 },
    ],
    payments: [
      { mode: 'cash', amountPaise: 100_000 },
      { mode: 'khata', amountPaise: 50_000 },
    ],
  });
  return { sale, party: ramesh, items: { rice, soap, dal } };
}
