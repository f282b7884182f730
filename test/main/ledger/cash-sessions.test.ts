// Shifts: open with a float, cash in and out, close with counted cash; the Z-report shows the difference.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

describe('cash sessions', () => {
  it('closing compares counted cash with float + cash sales − change − cash refunds + receipts + in − out', async () => {
    shop = await shopWithStaff({ openShift: false });
    await shop.cashier.cashSessions.open({ openingFloatPaise: 50_000 });
    await expect(shop.cashier.cashSessions.open({ openingFloatPaise: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
    const party = await shop.cashier.parties.create({ name: 'Owes money', openingBalancePaise: 30_000 });
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 3000 }],
      payments: [{ mode: 'cash', amountPaise: 50_000 }],
    });
    await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'upi', amountPaise: 10_000 }],
    });
    await shop.manager.returns.create({
      id: randomUUID(),
      invoiceId: sale.invoice.id,
      lines: [{ invoiceLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
      refundMode: 'cash',
      reason: 'x',
    });
    await shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 5_000, mode: 'cash' });
    await shop.cashier.cashSessions.cashMovement({ kind: 'in', amountPaise: 2_000, reason: 'change from bank' });
    await shop.cashier.cashSessions.cashMovement({ kind: 'out', amountPaise: 7_000, reason: 'tea and snacks' });

    const expected = 50_000 + (50_000 - 20_000) - 10_000 + 5_000 + 2_000 - 7_000;
    const closed = await shop.cashier.cashSessions.close({ countedPaise: expected - 500, note: 'short by 5' });
    expect(closed).toMatchObject({
      invoiceCount: 2,
      salesPaise: 40_000,
      salesByMode: { cash: 30_000, upi: 10_000, card: 0, khata: 0 },
      changeGivenPaise: 20_000,
      returnCount: 1,
      refundsPaise: 10_000,
      cashReceiptsPaise: 5_000,
      expectedCashPaise: expected,
      differencePaise: -500,
    });
    expect(closed.session.closedAt).not.toBeNull();
    expect(await shop.cashier.cashSessions.current()).toBeNull();
    expect(() => shop.t.ledger.sqlite.prepare('UPDATE cash_sessions SET counted_paise = 0').run()).toThrow(
      /closed shift/,
    );
    expect(await shop.owner.staff.audit({})).toContainEqual(
      expect.objectContaining({ action: 'cash.close', details: expect.objectContaining({ differencePaise: -500 }) }),
    );
  });
});

describe('hold and recall', () => {
  it('a held bill keeps its cart (where the goods go too), touches neither stock nor numbers, and is gone once its bill is finalised', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput());
    const cart = {
      lines: [{ itemId: item.id, qtyMilli: 2000, discount: null }],
      partyId: null,
      billDiscount: null,
      deliveryAddress: '12, MG Road, Pune 411001',
    };
    const held = await shop.cashier.sales.hold({ label: 'Lady in red saree', cart });
    expect((await shop.cashier.sales.held()).map((bill) => bill.label)).toEqual(['Lady in red saree']);
    expect((await shop.cashier.catalogue.get({ id: item.id })).stockMilli).toBe(100_000);
    const recalled = await shop.cashier.sales.recall({ id: held.id });
    expect(recalled.cart).toEqual(cart);
    await shop.cashier.sales.finalize({
      id: randomUUID(),
      heldBillId: held.id,
      lines: cart.lines,
      payments: [{ mode: 'cash', amountPaise: 11_800 }],
    });
    expect(await shop.cashier.sales.held()).toEqual([]);
  });

  it('discarding a held bill is audited', async () => {
    shop = await shopWithStaff();
    const held = await shop.cashier.sales.hold({
      label: 'walked away',
      cart: { lines: [], partyId: null, billDiscount: null },
    });
    await shop.cashier.sales.discardHeld({ id: held.id });
    await expect(shop.cashier.sales.recall({ id: held.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await shop.owner.staff.audit({})).toContainEqual(
      expect.objectContaining({ action: 'sale.discard-held', subjectId: held.id }),
    );
  });
});
