// The open bill as a draft in the ledger: it outlives the app, belongs to one cashier, and goes once the bill is done.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, tempLedger, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

const count = (shop: Shop, table: string) =>
  shop.t.ledger.sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

async function openBill(shop: Shop) {
  const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 4000 }));
  return {
    item,
    draft: {
      billId: randomUUID(),
      cart: {
        lines: [{ itemId: item.id, qtyMilli: 2000, discount: { kind: 'percent' as const, bp: 500 } }],
        billDiscount: null,
      },
    },
  };
}

describe('the open bill draft', () => {
  it('survives closing and reopening the ledger (an app restart) and comes back to the same cashier', async () => {
    shop = await shopWithStaff();
    const { draft } = await openBill(shop);
    await shop.cashier.drafts.save(draft);
    shop.t.ledger.close();
    const reopened = tempLedger({ dir: shop.t.dir });
    try {
      expect(await reopened.as(shop.ids.cashier).drafts.mine()).toMatchObject({
        billId: draft.billId,
        heldBillId: null,
        cart: { ...draft.cart, partyId: null },
      });
      expect(await reopened.as(shop.ids.manager).drafts.mine()).toBeNull();
    } finally {
      reopened.ledger.close();
    }
  });

  it('is scoped to the cashier: another member of staff never sees (or overwrites) it', async () => {
    shop = await shopWithStaff();
    const { draft } = await openBill(shop);
    await shop.cashier.drafts.save(draft);
    expect(await shop.manager.drafts.mine()).toBeNull();
    const managersBill = { ...draft, billId: randomUUID() };
    await shop.manager.drafts.save(managersBill);
    expect((await shop.cashier.drafts.mine())?.billId).toBe(draft.billId);
    expect((await shop.manager.drafts.mine())?.billId).toBe(managersBill.billId);
  });

  it('each save replaces the last: one draft per cashier, and an emptied bill leaves none', async () => {
    shop = await shopWithStaff();
    const { draft } = await openBill(shop);
    await shop.cashier.drafts.save(draft);
    const changed = { ...draft, cart: { ...draft.cart, lines: [{ ...draft.cart.lines[0]!, qtyMilli: 3000 }] } };
    await shop.cashier.drafts.save(changed);
    expect(count(shop, 'bill_drafts')).toBe(1);
    expect((await shop.cashier.drafts.mine())?.cart.lines[0]?.qtyMilli).toBe(3000);
    await shop.cashier.drafts.save({ ...draft, cart: { lines: [], billDiscount: null } });
    expect(await shop.cashier.drafts.mine()).toBeNull();
    expect(count(shop, 'bill_drafts')).toBe(0);
  });

  it('goes in the same commit as the finalised bill, and a late save of that bill does not bring it back', async () => {
    shop = await shopWithStaff();
    const { draft } = await openBill(shop);
    await shop.cashier.drafts.save(draft);
    await shop.cashier.sales.finalize({
      id: draft.billId,
      lines: draft.cart.lines,
      payments: [{ mode: 'cash', amountPaise: 7600 }],
    });
    expect(await shop.cashier.drafts.mine()).toBeNull();
    await shop.cashier.drafts.save(draft);
    expect(await shop.cashier.drafts.mine()).toBeNull();
    expect(count(shop, 'bill_drafts')).toBe(0);
  });

  it('goes when the bill is held, or cleared on purpose', async () => {
    shop = await shopWithStaff();
    const { draft } = await openBill(shop);
    await shop.cashier.drafts.save(draft);
    await shop.cashier.sales.hold({ label: 'Bill 10:30', cart: draft.cart });
    expect(await shop.cashier.drafts.mine()).toBeNull();
    await shop.cashier.drafts.save(draft);
    await shop.cashier.drafts.clear();
    expect(await shop.cashier.drafts.mine()).toBeNull();
  });

  it('is not a document: no number, no hash-chain link, nothing for sync', async () => {
    shop = await shopWithStaff();
    const { draft } = await openBill(shop);
    const outbox = count(shop, 'outbox');
    const journal = count(shop, 'journal');
    await shop.cashier.drafts.save(draft);
    expect(count(shop, 'outbox')).toBe(outbox);
    expect(count(shop, 'journal')).toBe(journal);
  });

  it('needs a logged-in cashier', async () => {
    shop = await shopWithStaff();
    const { draft } = await openBill(shop);
    await expect(shop.t.as(null).drafts.save(draft)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
