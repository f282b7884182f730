// Cash taken has one meaning everywhere: ₹500 handed over for a ₹447 bill is ₹447 of cash on the counter's report,
// on the Z-report and on the owner's dashboard, because ₹53 went back as change.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput } from '../../support/ledger';
import { syncedShop, type SyncedShop } from '../../support/sync-shop';

let shop: SyncedShop;
afterEach(() => shop?.close());

const cashOf = (rows: { mode: string }[], figure: (row: never) => number) => {
  const row = rows.find((candidate) => candidate.mode === 'cash');
  expect(row, 'a cash row').toBeDefined();
  return figure(row as never);
};

describe('cash taken, the same figure on the counter and the dashboard', () => {
  it('a ₹447 bill paid with ₹500 and a split bill with change count only what stayed in the drawer', async () => {
    shop = await syncedShop(['C1']);
    const [c1] = shop.counters as [SyncedShop['counters'][number]];
    // A tax-inclusive sticker price: the bill is exactly ₹447, no round-off.
    const ghee = await c1.manager.catalogue.create(
      itemInput({ name: 'Cow Ghee 500ml', pricePaise: 44_700, priceIncludesTax: true, gstRateBp: 1200 }),
    );
    const first = await c1.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: ghee.id, qtyMilli: 1000 }],
      payments: [{ mode: 'cash', amountPaise: 50_000 }],
    });
    expect(first.invoice.totalPaise).toBe(44_700);
    expect(first.invoice.changePaise).toBe(5_300);
    // ₹300 by UPI and a ₹200 note for the remaining ₹147: ₹53 change again, all of it out of the cash.
    await c1.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: ghee.id, qtyMilli: 1000 }],
      payments: [
        { mode: 'upi', amountPaise: 30_000 },
        { mode: 'cash', amountPaise: 20_000 },
      ],
    });
    const cashTaken = 44_700 + 14_700;

    const today = first.invoice.businessDate;
    const counterReport = await c1.manager.reports.sales({ from: today, to: today });
    expect(cashOf(counterReport.byMode, (row: { paise: number }) => row.paise)).toBe(cashTaken);
    expect(counterReport.byMode.find((row) => row.mode === 'upi')?.paise).toBe(30_000);

    const zReport = await c1.cashier.cashSessions.close({ countedPaise: 100_000 + cashTaken });
    expect(zReport.salesByMode.cash).toBe(cashTaken);
    expect(zReport.changeGivenPaise).toBe(10_600);
    expect(zReport.expectedCashPaise).toBe(100_000 + cashTaken);

    await c1.engine().syncNow();
    const owner = await shop.owner.reports.sales({ from: today, to: today });
    const cash = owner.byMode.find((row) => row.mode === 'cash');
    expect(cash).toMatchObject({ inPaise: cashTaken, outPaise: 0, netPaise: cashTaken });
    expect(owner.byMode.find((row) => row.mode === 'upi')?.netPaise).toBe(30_000);
    // What came in by every mode is exactly the sales: the drawer, UPI and the books agree to the paisa.
    expect(owner.byMode.reduce((sum, row) => sum + row.netPaise, 0)).toBe(owner.totals.salesPaise);
    const [shift] = await shop.owner.reports.cashSessions({ from: today, to: today });
    expect(shift?.expectedCashPaise).toBe(100_000 + cashTaken);
  });

  it('the dashboard’s payment mix is the counter’s own bills to the paisa: change, a split tender and a cash refund', async () => {
    shop = await syncedShop(['C1']);
    const [c1] = shop.counters as [SyncedShop['counters'][number]];
    const ghee = await c1.manager.catalogue.create(
      itemInput({ name: 'Cow Ghee 500ml', pricePaise: 44_700, priceIncludesTax: true, gstRateBp: 1200 }),
    );
    const sell = (payments: { mode: 'cash' | 'upi' | 'card'; amountPaise: number }[]) =>
      c1.cashier.sales.finalize({ id: randomUUID(), lines: [{ itemId: ghee.id, qtyMilli: 1000 }], payments });
    // ₹500 note for ₹447 (₹53 change); ₹300 UPI + ₹200 note (₹53 change); ₹447 by card, later returned for cash.
    const first = await sell([{ mode: 'cash', amountPaise: 50_000 }]);
    await sell([
      { mode: 'upi', amountPaise: 30_000 },
      { mode: 'cash', amountPaise: 20_000 },
    ]);
    const byCard = await sell([{ mode: 'card', amountPaise: 44_700 }]);
    await c1.manager.returns.create({
      id: randomUUID(),
      invoiceId: byCard.invoice.id,
      lines: [{ invoiceLineId: byCard.lines[0]!.id, qtyMilli: 1000 }],
      refundMode: 'cash',
      reason: 'seal broken',
    });
    await c1.engine().syncNow();

    const today = first.invoice.businessDate;
    const owner = await shop.owner.reports.sales({ from: today, to: today });
    const mix = Object.fromEntries(
      owner.byMode.map(({ mode, inPaise, outPaise, netPaise }) => [mode, { inPaise, outPaise, netPaise }]),
    );
    expect(mix).toEqual({
      cash: { inPaise: 44_700 + 14_700, outPaise: 44_700, netPaise: 14_700 },
      upi: { inPaise: 30_000, outPaise: 0, netPaise: 30_000 },
      card: { inPaise: 44_700, outPaise: 0, netPaise: 44_700 },
    });
    expect(owner.totals).toMatchObject({ invoices: 3, salesPaise: 3 * 44_700 });
  });
});
