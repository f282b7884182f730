// The ledger refuses bill lines the counter would refuse at entry: a quantity or price too large, half a piece.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

const count = (shop: Shop, table: string) =>
  shop.t.ledger.sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

function cashBill(itemId: string, qtyMilli: number, amountPaise: number, unitPricePaise?: number) {
  return {
    id: randomUUID(),
    lines: [{ itemId, qtyMilli, ...(unitPricePaise === undefined ? {} : { unitPricePaise }) }],
    payments: [{ mode: 'cash' as const, amountPaise }],
  };
}

describe('bill line bounds in the ledger', () => {
  it('refuses 100,000 kg in one line (the counter allows up to 99,999) and writes nothing', async () => {
    shop = await shopWithStaff();
    const sugar = await shop.manager.catalogue.create(itemInput({ unit: 'kg', pricePaise: 100, gstRateBp: 0 }));
    await expect(shop.cashier.sales.finalize(cashBill(sugar.id, 100_000_000, 1_00_00_000))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Enter a quantity up to 99,999'),
    });
    await expect(
      shop.cashier.sales.hold({ label: 'Huge', cart: { lines: [{ itemId: sugar.id, qtyMilli: 100_000_000 }] } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(count(shop, 'invoices')).toBe(0);
    expect(count(shop, 'held_bills')).toBe(0);
  });

  it('refuses 2.5 pieces of an item sold whole, and takes 2.5 kg of a loose one', async () => {
    shop = await shopWithStaff();
    const soap = await shop.manager.catalogue.create(itemInput({ name: 'Neem Soap', unit: 'pcs', pricePaise: 1000 }));
    const rice = await shop.manager.catalogue.create(itemInput({ unit: 'kg', pricePaise: 1000, gstRateBp: 0 }));
    await expect(shop.cashier.sales.finalize(cashBill(soap.id, 2_500, 2_500))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Line 1 (Neem Soap): This item is sold in whole pieces: enter 1, 2, 3…',
    });
    const sale = await shop.cashier.sales.finalize(cashBill(rice.id, 2_500, 2_500));
    expect(sale.lines[0]).toMatchObject({ qtyMilli: 2_500, totalPaise: 2_500 });
  });

  it('refuses a typed price above ₹10,00,000 and a line above ₹1,00,00,000', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 100_000, gstRateBp: 0 }));
    await expect(
      shop.manager.sales.finalize(cashBill(item.id, 1_000, 10_00_000_01, 10_00_000_01)),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Enter a price up to ₹10,00,000'),
    });
    await expect(
      shop.manager.sales.finalize(cashBill(item.id, 20_000, 2_00_00_000_00, 10_00_000_00)),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('This line comes to more than ₹1,00,00,000'),
    });
    expect(count(shop, 'invoices')).toBe(0);
  });
});

describe('held bills as the recall list shows them', () => {
  it('name the customer, count the lines, price them at today’s prices and say who held them', async () => {
    shop = await shopWithStaff();
    const soap = await shop.manager.catalogue.create(itemInput({ pricePaise: 3_550, gstRateBp: 1800 }));
    const dal = await shop.manager.catalogue.create(itemInput({ pricePaise: 12_000, gstRateBp: 500 }));
    const party = await shop.cashier.parties.create({ name: 'Ramesh Kumar' });
    await shop.cashier.sales.hold({
      label: 'Ramesh Kumar',
      cart: {
        lines: [
          { itemId: soap.id, qtyMilli: 2_000 },
          { itemId: dal.id, qtyMilli: 1_000 },
        ],
        partyId: party.id,
      },
    });
    await shop.manager.sales.hold({ label: 'Bill 10:30', cart: { lines: [{ itemId: dal.id, qtyMilli: 1_000 }] } });
    expect(await shop.cashier.sales.held()).toEqual([
      expect.objectContaining({
        partyName: 'Ramesh Kumar',
        itemCount: 2,
        totalPaise: 19_100,
        heldBy: 'Chetan (cashier)',
      }),
      expect.objectContaining({ partyName: null, itemCount: 1, totalPaise: 12_000, heldBy: 'Manoj (manager)' }),
    ]);
  });
});
