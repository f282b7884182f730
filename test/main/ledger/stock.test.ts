// Stock on the shelf: a count sets the stock to what was counted, a change moves it by that much; both need a manager.
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

describe('stock adjustments', () => {
  it('"I counted 7" sets the stock to 7 by an adjustment of the difference, with the note and an audit entry', async () => {
    shop = await shopWithStaff();
    const soap = await shop.manager.catalogue.create(itemInput({ name: 'Soap', openingStockMilli: 10_000 }));
    await expect(
      shop.manager.stock.adjust({ itemId: soap.id, reason: 'count', countedMilli: 7_000, note: 'Shelf count' }),
    ).resolves.toEqual({ stockMilli: 7_000, deltaMilli: -3_000 });
    expect((await shop.cashier.catalogue.get({ id: soap.id })).stockMilli).toBe(7_000);
    const [latest] = await shop.manager.stock.movements({ itemId: soap.id });
    expect(latest).toMatchObject({ reason: 'adjustment', qtyMilli: -3_000, note: 'Shelf count' });
    const audit = shop.t.ledger.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'stock.count'").all() as {
      details: string;
    }[];
    expect(audit.map((row) => JSON.parse(row.details))).toEqual([
      { countedMilli: 7_000, deltaMilli: -3_000, note: 'Shelf count' },
    ]);
  });

  it('a count that matches the shelf moves nothing; a change of +2 adds two', async () => {
    shop = await shopWithStaff();
    const tea = await shop.manager.catalogue.create(itemInput({ name: 'Tea', openingStockMilli: 5_000 }));
    await expect(
      shop.manager.stock.adjust({ itemId: tea.id, reason: 'count', countedMilli: 5_000, note: 'Checked' }),
    ).resolves.toEqual({ stockMilli: 5_000, deltaMilli: 0 });
    expect(await shop.manager.stock.movements({ itemId: tea.id })).toHaveLength(1);
    await expect(
      shop.manager.stock.adjust({ itemId: tea.id, reason: 'adjustment', deltaMilli: 2_000, note: 'Found two' }),
    ).resolves.toEqual({ stockMilli: 7_000, deltaMilli: 2_000 });
  });

  it('a cashier may receive a purchase but neither count nor adjust', async () => {
    shop = await shopWithStaff();
    const rice = await shop.manager.catalogue.create(itemInput({ name: 'Rice', openingStockMilli: 0 }));
    await expect(
      shop.cashier.stock.adjust({ itemId: rice.id, reason: 'count', countedMilli: 3_000, note: 'x' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only a manager may adjust stock; receive goods as a purchase.',
    });
    await expect(
      shop.cashier.stock.adjust({ itemId: rice.id, reason: 'purchase', deltaMilli: 3_000, note: 'Bill 12' }),
    ).resolves.toMatchObject({ stockMilli: 3_000 });
  });

  it('a negative count is refused in shop language', async () => {
    shop = await shopWithStaff();
    const dal = await shop.manager.catalogue.create(itemInput({ name: 'Dal' }));
    await expect(
      shop.manager.stock.adjust({ itemId: dal.id, reason: 'count', countedMilli: -1_000, note: 'x' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Enter the count on the shelf, from 0 up to 10,00,000.' });
  });
});
