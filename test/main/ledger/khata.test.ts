// Khata: receiving payments, the statement with a running balance, and overdue ageing.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

/** A clock the test moves forward, so entries land on chosen days. */
function movableClock(start: string) {
  let now = new Date(start);
  return { clock: () => now, set: (iso: string) => (now = new Date(iso)) };
}

describe('khata', () => {
  it('receiving a payment issues a numbered receipt and lowers the balance', async () => {
    shop = await shopWithStaff();
    const party = await shop.cashier.parties.create({ name: 'Gopal', openingBalancePaise: 50_000 });
    const paid = await shop.cashier.khata.receivePayment({
      id: randomUUID(),
      partyId: party.id,
      amountPaise: 20_000,
      mode: 'upi',
      reference: 'UPI-123',
    });
    expect(paid.receipt.number).toMatch(/^C1RC-\d{4}-000001$/);
    expect(paid.balancePaise).toBe(30_000);
  });

  it('the statement shows the opening balance, each entry with its running balance, and the closing balance', async () => {
    const time = movableClock('2026-06-01T10:00:00');
    shop = await shopWithStaff({ clock: time.clock });
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
    const party = await shop.cashier.parties.create({ name: 'Farid', openingBalancePaise: 5_000 });
    time.set('2026-06-10T11:00:00');
    await shop.cashier.sales.finalize({
      id: randomUUID(),
      partyId: party.id,
      lines: [{ itemId: item.id, qtyMilli: 2000 }],
      payments: [{ mode: 'khata', amountPaise: 20_000 }],
    });
    time.set('2026-06-20T12:00:00');
    await shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 15_000, mode: 'cash' });
    time.set('2026-07-05T12:00:00');
    await shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 1_000, mode: 'cash' });

    const june = await shop.cashier.khata.statement({ partyId: party.id, from: '2026-06-05', to: '2026-06-30' });
    expect(june.openingPaise).toBe(5_000);
    expect(june.rows.map((row) => [row.kind, row.debitPaise, row.creditPaise, row.balancePaise])).toEqual([
      ['sale', 20_000, 0, 25_000],
      ['payment', 0, 15_000, 10_000],
    ]);
    expect(june.closingPaise).toBe(10_000);
    await expect(
      shop.cashier.khata.statement({ partyId: party.id, from: '2026-07-01', to: '2026-06-01' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('ageing puts unpaid amounts in 0–30, 31–60, 61–90 and 90+ day buckets, oldest paid first', async () => {
    const time = movableClock('2026-01-01T10:00:00');
    shop = await shopWithStaff({ clock: time.clock });
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
    const party = await shop.cashier.parties.create({ name: 'Kamala', phone: '9844444444' });
    const creditSale = () =>
      shop.cashier.sales.finalize({
        id: randomUUID(),
        partyId: party.id,
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'khata', amountPaise: 10_000 }],
      });
    for (const day of ['2026-01-01', '2026-02-15', '2026-03-20', '2026-04-25']) {
      time.set(`${day}T10:00:00`);
      await creditSale();
    }
    time.set('2026-04-30T10:00:00');
    await shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 4_000, mode: 'cash' });
    const { rows, totals } = await shop.cashier.khata.ageing({ asOf: '2026-04-30' });
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'Kamala',
        d0to30Paise: 10_000,
        d31to60Paise: 10_000,
        d61to90Paise: 10_000,
        d90plusPaise: 6_000,
        totalPaise: 36_000,
      }),
    ]);
    expect(totals.totalPaise).toBe(36_000);
  });

  it('cash needs an open shift; UPI does not', async () => {
    shop = await shopWithStaff({ openShift: false });
    const party = await shop.cashier.parties.create({ name: 'Late payer', openingBalancePaise: 1_000 });
    await expect(
      shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 500, mode: 'cash' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 500, mode: 'upi' }),
    ).resolves.toMatchObject({ balancePaise: 500 });
  });
});
