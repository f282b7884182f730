// A shop with a few days of real trade for the owner reports: two counters (real SQLite ledgers) bill cash, UPI, card and
// khata sales, a registered buyer in another state, a return, a khata receipt and a closed shift, then sync to the server.
import { randomUUID } from 'node:crypto';
import { itemInput, type Shop } from './ledger';
import { istTime } from './shop-days';
import { syncedShop, type SyncedShop } from './sync-shop';

export const BUYER_GSTIN = '29AAPFU0939F1ZR';

type Counter = SyncedShop['counters'][number];

function setClock(counter: Counter, at: Date): void {
  (counter.t.ledger as { clock: () => Date }).clock = () => at;
}

export interface ReportShop extends SyncedShop {
  itemIds: { rice: string; soap: string; oil: string };
  partyIds: { ramesh: string; mehta: string };
}

/** Sells through the tRPC callers as the counter's staff would; `modes` gives the modes (the last takes the rest). */
async function sell(
  staff: Shop['cashier'],
  lines: { itemId: string; qtyMilli: number }[],
  options: { partyId?: string; modes?: ('cash' | 'upi' | 'card' | 'khata')[]; prices: Map<string, number> },
) {
  const total = lines.reduce((sum, line) => sum + (options.prices.get(line.itemId)! * line.qtyMilli) / 1000, 0);
  const modes = options.modes ?? ['cash'];
  const share = Math.floor(total / modes.length);
  // Cash is handed over in ₹100 notes, as at a real counter: the change is part of the figures every report must get right.
  const tendered = (mode: string, paise: number) => (mode === 'cash' ? Math.ceil(paise / 10_000) * 10_000 : paise);
  const payments = modes.map((mode, index) => ({
    mode,
    amountPaise: index === modes.length - 1 ? tendered(mode, total - share * (modes.length - 1)) : share,
  }));
  return staff.sales.finalize({ id: randomUUID(), partyId: options.partyId ?? null, lines, payments });
}

export async function reportShop(options: { days?: number; now?: Date } = {}): Promise<ReportShop> {
  const days = options.days ?? 5;
  const now = options.now ?? new Date();
  const shop = await syncedShop(['C1', 'C2']);
  const [c1, c2] = shop.counters as [Counter, Counter];
  for (const counter of [c1, c2]) setClock(counter, istTime(now, days, 9));
  // Tax-inclusive whole-rupee prices: a bill's total is the sum of its lines, so payments can be exact.
  const rice = await c1.manager.catalogue.create(
    itemInput({
      sku: 'RICE5',
      name: 'Sona Masoori Rice 5kg',
      pricePaise: 42_000,
      costPaise: 36_000,
      gstRateBp: 500,
      hsn: '1006',
      openingStockMilli: 200_000,
      reorderLevelMilli: 10_000,
    }),
  );
  const soap = await c1.manager.catalogue.create(
    itemInput({
      sku: 'SOAP',
      name: 'Neem Soap',
      pricePaise: 5_900,
      costPaise: 4_100,
      gstRateBp: 1800,
      hsn: '3401',
      openingStockMilli: 500_000,
      reorderLevelMilli: 20_000,
    }),
  );
  const oil = await c1.manager.catalogue.create(
    itemInput({
      sku: 'OIL1',
      name: 'Groundnut Oil 1l',
      unit: 'l',
      pricePaise: 18_900,
      costPaise: 16_000,
      gstRateBp: 500,
      hsn: '1508',
      openingStockMilli: 12_000,
      reorderLevelMilli: 10_000,
    }),
  );
  const ramesh = await c1.cashier.parties.create({ name: 'Ramesh Kumar', phone: '9811111111', openingBalancePaise: 0 });
  const mehta = await c1.cashier.parties.create({
    name: 'Mehta Traders',
    phone: '9822222222',
    gstin: BUYER_GSTIN,
    openingBalancePaise: 0,
  });
  await c1.engine().syncNow();
  await c2.engine().syncNow();
  const prices = new Map([
    [rice.id, rice.pricePaise],
    [soap.id, soap.pricePaise],
    [oil.id, oil.pricePaise],
  ]);

  let firstB2b: Awaited<ReturnType<typeof sell>> | null = null;
  for (let ago = days - 1; ago >= 0; ago -= 1) {
    setClock(c1, istTime(now, ago, 9, 15));
    await sell(
      c1.cashier,
      [
        { itemId: rice.id, qtyMilli: 1000 },
        { itemId: soap.id, qtyMilli: 3000 },
      ],
      { prices, modes: ['cash'] },
    );
    setClock(c1, istTime(now, ago, 11, 40));
    await sell(c1.manager, [{ itemId: soap.id, qtyMilli: 2000 + ago * 1000 }], { prices, modes: ['upi'] });
    setClock(c2, istTime(now, ago, 18, 5));
    await sell(
      c2.cashier,
      [
        { itemId: oil.id, qtyMilli: 1000 },
        { itemId: rice.id, qtyMilli: 2000 },
      ],
      { prices, modes: ['cash', 'card'] },
    );
    setClock(c2, istTime(now, ago, 19, 30));
    await sell(c2.cashier, [{ itemId: soap.id, qtyMilli: 1000 }], { prices, partyId: ramesh.id, modes: ['khata'] });
    if (ago % 2 === 0) {
      setClock(c1, istTime(now, ago, 12, 0));
      const b2b = await sell(
        c1.cashier,
        [
          { itemId: rice.id, qtyMilli: 5000 },
          { itemId: soap.id, qtyMilli: 10_000 },
        ],
        { prices, partyId: mehta.id, modes: ['upi'] },
      );
      firstB2b ??= b2b;
    }
  }
  // A return of part of the first B2B bill (a credit note for the registered buyer) and a khata payment.
  setClock(c1, istTime(now, 0, 13, 0));
  const soapLine = firstB2b!.lines.find((line) => line.itemId === soap.id)!;
  await c1.manager.returns.create({
    id: randomUUID(),
    invoiceId: firstB2b!.invoice.id,
    lines: [{ invoiceLineId: soapLine.id, qtyMilli: 2000 }],
    refundMode: 'upi',
    reason: 'Damaged',
  });
  // C1 has not pulled C2's khata sale yet, so to C1 this is more than the due: the cashier confirms it as an advance.
  await c1.cashier.khata.receivePayment({
    id: randomUUID(),
    partyId: ramesh.id,
    amountPaise: 5_000,
    mode: 'cash',
    asAdvance: true,
  });
  setClock(c1, istTime(now, 0, 20, 0));
  const shift = await c1.cashier.cashSessions.current();
  // The drawer is ₹50 short, so the reconciliation has a difference to show.
  await c1.cashier.cashSessions.close({ countedPaise: shift!.expectedCashPaise - 5_000 });
  for (const counter of [c1, c2, c1]) await counter.engine().syncNow();
  return Object.assign(shop, {
    itemIds: { rice: rice.id, soap: soap.id, oil: oil.id },
    partyIds: { ramesh: ramesh.id, mehta: mehta.id },
  });
}
