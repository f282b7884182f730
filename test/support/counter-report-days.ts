// Three days at one counter for the report specs: bills at known hours in several modes (one inter-state, one partly on
// khata), a partial return inside the range and one after it, a shift closed short and the next one open.
import { randomUUID } from 'node:crypto';
import { itemInput, shopWithStaff, type Shop } from './ledger';

export type Sale = Awaited<ReturnType<Shop['cashier']['sales']['finalize']>>;
export type CreditNote = Awaited<ReturnType<Shop['manager']['returns']['create']>>;

export interface ReportDays {
  shop: Shop;
  items: Record<'rice' | 'soap' | 'sugar' | 'cola' | 'ghee' | 'tea', { id: string }>;
  /** Bills in the range 2026-08-01..02, with the hour in India each was made at. */
  inRange: { sale: Sale; hour: number }[];
  returnsInRange: { note: CreditNote; hour: number }[];
  /** A bill and a return on 2026-08-03, which a report of the 1st and 2nd must leave out. */
  outside: { sale: Sale; note: CreditNote };
  firstShift: { id: string; cashInPaise: number; countedPaise: number };
}

export const RANGE = { from: '2026-08-01', to: '2026-08-02' } as const;

export async function reportDays(): Promise<ReportDays> {
  // Times are the shop's, in India: the counter dates and hours its documents in IST whatever the PC's zone is.
  let now = new Date('2026-08-01T08:00:00+05:30');
  const at = (ist: string) => (now = new Date(`${ist}+05:30`));
  const shop = await shopWithStaff({ clock: () => now });
  const create = (overrides: Parameters<typeof itemInput>[0]) => shop.manager.catalogue.create(itemInput(overrides));
  const items = {
    rice: await create({
      name: 'Rice',
      pricePaise: 10_000,
      priceIncludesTax: false,
      gstRateBp: 500,
      costPaise: 7_000,
      hsn: '1006',
    }),
    soap: await create({
      name: 'Soap',
      pricePaise: 11_800,
      priceIncludesTax: true,
      gstRateBp: 1800,
      costPaise: 6_000,
      hsn: '3401',
      reorderLevelMilli: 20_000,
      openingStockMilli: 21_000,
    }),
    sugar: await create({
      name: 'Sugar',
      unit: 'kg',
      pricePaise: 4_500,
      priceIncludesTax: true,
      gstRateBp: 0,
      costPaise: 3_900,
      hsn: '1701',
    }),
    cola: await create({
      name: 'Cola',
      pricePaise: 10_000,
      priceIncludesTax: false,
      gstRateBp: 2800,
      cessRateBp: 1200,
      costPaise: 5_000,
      hsn: '2202',
    }),
    ghee: await create({
      name: 'Ghee',
      pricePaise: 60_000,
      gstRateBp: 1200,
      hsn: '0405',
      reorderLevelMilli: 5_000,
      openingStockMilli: 0,
    }),
    tea: await create({
      name: 'Tea',
      pricePaise: 25_000,
      gstRateBp: 500,
      hsn: '0902',
      reorderLevelMilli: 5_000,
      openingStockMilli: 50_000,
    }),
  };
  const karnataka = await shop.cashier.parties.create({ name: 'Bengaluru Traders', stateCode: '29' });
  type Line = { itemId: string; qtyMilli: number };
  type Pay = { mode: 'cash' | 'upi' | 'card' | 'khata'; amountPaise: number };
  const bill = (lines: Line[], payments: Pay[], partyId?: string) =>
    shop.cashier.sales.finalize({ id: randomUUID(), lines, payments, partyId });
  const line = (sale: Sale, itemId: string) => sale.lines.find((sold) => sold.itemId === itemId)!;
  const inRange: ReportDays['inRange'] = [];

  const cashInPaise = 5_000;
  at('2026-08-01T08:30:00');
  await shop.cashier.cashSessions.cashMovement({
    kind: 'in',
    amountPaise: cashInPaise,
    reason: 'change from the bank',
  });
  at('2026-08-01T09:15:00');
  const b1 = await bill(
    [
      { itemId: items.rice.id, qtyMilli: 2000 },
      { itemId: items.soap.id, qtyMilli: 1000 },
    ],
    [{ mode: 'cash', amountPaise: 50_000 }],
  );
  inRange.push({ sale: b1, hour: 9 });
  at('2026-08-01T09:40:00');
  // 1.333 kg of sugar: its cost, 1.333 × ₹39, is ₹51.987 and must round to ₹51.99.
  const b2 = await bill(
    [
      { itemId: items.sugar.id, qtyMilli: 1333 },
      { itemId: items.cola.id, qtyMilli: 1000 },
    ],
    [
      { mode: 'upi', amountPaise: 10_000 },
      { mode: 'cash', amountPaise: 20_000 },
    ],
  );
  inRange.push({ sale: b2, hour: 9 });
  at('2026-08-01T14:05:00');
  const b3 = await bill(
    [
      { itemId: items.rice.id, qtyMilli: 1000 },
      { itemId: items.cola.id, qtyMilli: 2000 },
    ],
    [
      { mode: 'khata', amountPaise: 10_000 },
      { mode: 'card', amountPaise: 5_000 },
      { mode: 'cash', amountPaise: 30_000 },
    ],
    karnataka.id,
  );
  inRange.push({ sale: b3, hour: 14 });
  at('2026-08-02T18:30:00');
  const b4 = await bill(
    [
      { itemId: items.soap.id, qtyMilli: 1000 },
      { itemId: items.rice.id, qtyMilli: 3000 },
    ],
    [{ mode: 'cash', amountPaise: 50_000 }],
  );
  inRange.push({ sale: b4, hour: 18 });

  at('2026-08-02T19:10:00');
  const r1 = await shop.manager.returns.create({
    id: randomUUID(),
    invoiceId: b1.invoice.id,
    lines: [{ invoiceLineId: line(b1, items.rice.id).id, qtyMilli: 1000 }],
    refundMode: 'cash',
    reason: 'torn bag',
  });
  at('2026-08-02T19:20:00');
  const r2 = await shop.manager.returns.create({
    id: randomUUID(),
    invoiceId: b4.invoice.id,
    lines: [{ invoiceLineId: line(b4, items.soap.id).id, qtyMilli: 1000 }],
    refundMode: 'upi',
    reason: 'wrong scent',
  });

  at('2026-08-02T21:00:00');
  const open = await shop.cashier.cashSessions.current();
  const countedPaise = open!.expectedCashPaise - 300;
  await shop.cashier.cashSessions.close({ countedPaise, note: 'three rupees short' });

  at('2026-08-03T08:00:00');
  await shop.cashier.cashSessions.open({ openingFloatPaise: 50_000 });
  at('2026-08-03T10:00:00');
  const b5 = await bill([{ itemId: items.rice.id, qtyMilli: 5000 }], [{ mode: 'cash', amountPaise: 60_000 }]);
  at('2026-08-03T11:00:00');
  const r3 = await shop.manager.returns.create({
    id: randomUUID(),
    invoiceId: b2.invoice.id,
    lines: [{ invoiceLineId: line(b2, items.cola.id).id, qtyMilli: 1000 }],
    refundMode: 'cash',
    reason: 'flat',
  });

  return {
    shop,
    items,
    inRange,
    returnsInRange: [
      { note: r1, hour: 19 },
      { note: r2, hour: 19 },
    ],
    outside: { sale: b5, note: r3 },
    firstShift: { id: open!.session.id, cashInPaise, countedPaise },
  };
}
