// A customer's credit limit at billing: the shop chooses per customer to only warn, or to need a manager's PIN.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { creditLimitExcessPaise } from '../../../src-shared/khata/credit-limit';
import { itemInput, PINS, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

async function customerOwing(policy: 'warn' | 'approve') {
  shop = await shopWithStaff();
  const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 30_000 }));
  const party = await shop.manager.parties.create({
    name: 'Ramesh',
    openingBalancePaise: 15_000,
    creditLimitPaise: 20_000,
    creditLimitPolicy: policy,
  });
  const onKhata = (approval?: { staffId: string; pin: string }) =>
    shop.cashier.sales.finalize({
      id: randomUUID(),
      partyId: party.id,
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'khata', amountPaise: 30_000 }],
      ...(approval ? { approval } : {}),
    });
  return { party, onKhata };
}

describe('credit limit at billing', () => {
  it('counts how far the khata part goes over the limit, and nothing without a limit', () => {
    const party = { balancePaise: 15_000, creditLimitPaise: 20_000, creditLimitPolicy: 'warn' as const };
    expect(creditLimitExcessPaise(party, 30_000)).toBe(25_000);
    expect(creditLimitExcessPaise(party, 5_000)).toBe(0);
    expect(creditLimitExcessPaise({ ...party, creditLimitPaise: null }, 30_000)).toBe(0);
  });

  it('with "warn", the bill is saved and carries the warning', async () => {
    const { onKhata } = await customerOwing('warn');
    const sale = await onKhata();
    expect(sale.warnings).toEqual([expect.objectContaining({ kind: 'credit-limit', balancePaise: 45_000 })]);
  });

  it('with "needs a manager", a cashier alone is refused and nothing is saved', async () => {
    const { party, onKhata } = await customerOwing('approve');
    await expect(onKhata()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: "Going ₹250.00 over Ramesh's credit limit needs a manager's approval.",
    });
    await expect(onKhata({ staffId: shop.ids.manager, pin: '0000' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Wrong manager PIN'),
    });
    expect((await shop.cashier.parties.get({ id: party.id })).balancePaise).toBe(15_000);
    expect((await shop.cashier.sales.list({})).total).toBe(0);
  });

  it('with "needs a manager", the manager\'s PIN lets the bill through and the approval is audited', async () => {
    const { party, onKhata } = await customerOwing('approve');
    const sale = await onKhata({ staffId: shop.ids.manager, pin: PINS.manager });
    expect(sale.invoice.approvedBy).toBe(shop.ids.manager);
    expect((await shop.cashier.parties.get({ id: party.id })).balancePaise).toBe(45_000);
    const audit = (await shop.owner.staff.audit({ limit: 20 })).filter((entry) => entry.action === 'sale.approved');
    expect(audit).toEqual([
      expect.objectContaining({
        subjectId: sale.invoice.id,
        details: expect.objectContaining({ reason: "Going ₹250.00 over Ramesh's credit limit" }),
      }),
    ]);
  });

  it('within the limit, "needs a manager" asks for nobody', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 5_000 }));
    const party = await shop.manager.parties.create({
      name: 'Within',
      creditLimitPaise: 20_000,
      creditLimitPolicy: 'approve',
    });
    await expect(
      shop.cashier.sales.finalize({
        id: randomUUID(),
        partyId: party.id,
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'khata', amountPaise: 5_000 }],
      }),
    ).resolves.toMatchObject({ warnings: [] });
  });
});
