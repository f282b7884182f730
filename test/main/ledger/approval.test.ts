// A manager's approval at the counter: a refused approval is its own error (with a reason), never a logged-out session.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, PINS, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

async function discountedBill(shop: Shop) {
  const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
  return {
    id: randomUUID(),
    lines: [{ itemId: item.id, qtyMilli: 1000 }],
    billDiscount: { kind: 'percent' as const, bp: 1500 },
    payments: [{ mode: 'cash' as const, amountPaise: 8500 }],
  };
}

describe("a manager's approval", () => {
  it('a wrong manager PIN is refused as APPROVAL_PIN_WRONG (FORBIDDEN), and the cashier stays logged in', async () => {
    shop = await shopWithStaff();
    const bill = await discountedBill(shop);
    await expect(
      shop.cashier.sales.finalize({ ...bill, approval: { staffId: shop.ids.manager, pin: '9999' } }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Wrong manager PIN. Tries left: 4.',
      cause: expect.objectContaining({ reason: 'APPROVAL_PIN_WRONG' }),
    });
    expect((await shop.cashier.staff.me())?.role).toBe('cashier');
    const sale = await shop.cashier.sales.finalize({
      ...bill,
      approval: { staffId: shop.ids.manager, pin: PINS.manager },
    });
    expect(sale.invoice).toMatchObject({ discountPaise: 1500, totalPaise: 8500, approvedBy: shop.ids.manager });
  });

  it("a cashier's own PIN in the approval box is refused as APPROVER_NOT_MANAGER", async () => {
    shop = await shopWithStaff();
    const bill = await discountedBill(shop);
    await expect(
      shop.cashier.sales.finalize({ ...bill, approval: { staffId: shop.ids.cashier, pin: PINS.cashier } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', cause: expect.objectContaining({ reason: 'APPROVER_NOT_MANAGER' }) });
  });

  it('five wrong manager PINs lock the manager: APPROVAL_PIN_LOCKED, still not a session end', async () => {
    shop = await shopWithStaff();
    const bill = await discountedBill(shop);
    const wrong = { ...bill, approval: { staffId: shop.ids.manager, pin: '9999' } };
    for (let attempt = 1; attempt <= 4; attempt += 1)
      await expect(shop.cashier.sales.finalize(wrong)).rejects.toMatchObject({
        cause: expect.objectContaining({ reason: 'APPROVAL_PIN_WRONG' }),
      });
    await expect(shop.cashier.sales.finalize(wrong)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^Manoj \(manager\): Too many wrong PINs/),
      cause: expect.objectContaining({ reason: 'APPROVAL_PIN_LOCKED' }),
    });
    await expect(
      shop.cashier.sales.finalize({ ...bill, approval: { staffId: shop.ids.manager, pin: PINS.manager } }),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ reason: 'APPROVAL_PIN_LOCKED' }) });
    expect((await shop.cashier.staff.me())?.role).toBe('cashier');
  });

  it('a wrong PIN at the login screen is still UNAUTHORIZED (it is the person’s own PIN)', async () => {
    shop = await shopWithStaff();
    await expect(shop.t.as(null).staff.login({ staffId: shop.ids.cashier, pin: '0000' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Wrong PIN. Tries left: 4.',
    });
  });

  it('a call without a session is UNAUTHORIZED with the reason SESSION_ENDED', async () => {
    shop = await shopWithStaff();
    await expect(shop.t.as(null).sales.held()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: expect.objectContaining({ reason: 'SESSION_ENDED' }),
    });
  });
});
