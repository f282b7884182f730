// The counter's own sales report agrees with the bills it was made from, to the paisa.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

describe('counter sales report', () => {
  it('sums bills by day and payment mode, nets returns, and leaves out days outside the range', async () => {
    let now = new Date('2026-08-01T10:00:00');
    shop = await shopWithStaff({ clock: () => now });
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000, priceIncludesTax: false, gstRateBp: 500 }));
    const bills: { day: string; qty: number; mode: 'cash' | 'upi' }[] = [
      { day: '2026-08-01', qty: 1000, mode: 'cash' },
      { day: '2026-08-01', qty: 2500, mode: 'upi' },
      { day: '2026-08-02', qty: 3000, mode: 'cash' },
      { day: '2026-08-05', qty: 1000, mode: 'upi' },
    ];
    const totals = [];
    for (const bill of bills) {
      now = new Date(`${bill.day}T12:00:00`);
      const total = Math.round((bill.qty / 1000) * 10_500 / 100) * 100;
      const sale = await shop.cashier.sales.finalize({ id: randomUUID(), lines: [{ itemId: item.id, qtyMilli: bill.qty }], payments: [{ mode: bill.mode, amountPaise: bill.mode === 'cash' ? total + 1_000 : total }] });
      totals.push(sale.invoice.totalPaise);
      if (bill.day === '2026-08-02') await shop.manager.returns.create({ id: randomUUID(), invoiceId: sale.invoice.id, lines: [{ invoiceLineId: sale.lines[0]!.id, qtyMilli: 1000 }], refundMode: 'cash', reason: 'x' });
    }
    expect(totals).toEqual([10_500, 26_300, 31_500, 10_500]);

    const report = await shop.manager.reports.sales({ from: '2026-08-01', to: '2026-08-02' });
    expect(report).toMatchObject({ invoiceCount: 3, salesPaise: 10_500 + 26_300 + 31_500, taxablePaise: 65_000, taxPaise: 3_250, returnCount: 1, returnsPaise: 10_500, netPaise: 68_300 - 10_500 });
    expect(report.byMode).toEqual([
      { mode: 'cash', paise: 10_500 + 31_500 },
      { mode: 'upi', paise: 26_300 },
    ]);
    expect(report.byDay).toEqual([
      { date: '2026-08-01', invoiceCount: 2, salesPaise: 36_800, returnsPaise: 0 },
      { date: '2026-08-02', invoiceCount: 1, salesPaise: 31_500, returnsPaise: 10_500 },
    ]);
    await expect(shop.cashier.reports.sales({ from: '2026-08-01', to: '2026-08-02' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
