// Returns and credit notes: partial returns restore stock and reduce khata or refund cash; the invoice itself never changes.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, PINS, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

async function creditSale() {
  shop = await shopWithStaff();
  const item = await shop.manager.catalogue.create(
    itemInput({ pricePaise: 11_800, priceIncludesTax: true, gstRateBp: 1800 }),
  );
  const party = await shop.cashier.parties.create({ name: 'Meena', phone: '9833333333' });
  const sale = await shop.cashier.sales.finalize({
    id: randomUUID(),
    partyId: party.id,
    lines: [{ itemId: item.id, qtyMilli: 3000 }],
    payments: [{ mode: 'khata', amountPaise: 35_400 }],
  });
  return { item, party, sale };
}

describe('returns', () => {
  it('a return restores stock and reduces the khata balance, with its own credit-note number', async () => {
    const { item, party, sale } = await creditSale();
    const note = await shop.manager.returns.create({
      id: randomUUID(),
      invoiceId: sale.invoice.id,
      lines: [{ invoiceLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
      refundMode: 'khata',
      reason: 'torn packet',
    });
    expect(note.creditNote.number).toMatch(/^C1CN-\d{4}-000001$/);
    expect(note.creditNote).toMatchObject({
      taxablePaise: 10_000,
      cgstPaise: 900,
      sgstPaise: 900,
      totalPaise: 11_800,
      approvedBy: shop.ids.manager,
    });
    expect((await shop.cashier.catalogue.get({ id: item.id })).stockMilli).toBe(98_000);
    expect((await shop.cashier.parties.get({ id: party.id })).balancePaise).toBe(35_400 - 11_800);
    const after = await shop.cashier.sales.get({ id: sale.invoice.id });
    expect(after.invoice).toEqual(sale.invoice);
    expect(after.lines[0]!.returnedQtyMilli).toBe(1000);
  });

  it('partial returns of a line add up exactly to the line, and no more can be returned than was sold', async () => {
    const { sale } = await creditSale();
    const line = sale.lines[0]!;
    let refunded = 0;
    for (const qtyMilli of [1000, 1000, 1000]) {
      const note = await shop.manager.returns.create({
        id: randomUUID(),
        invoiceId: sale.invoice.id,
        lines: [{ invoiceLineId: line.id, qtyMilli }],
        refundMode: 'khata',
        reason: 'return',
      });
      refunded += note.creditNote.totalPaise;
    }
    expect(refunded).toBe(line.totalPaise);
    await expect(
      shop.manager.returns.create({
        id: randomUUID(),
        invoiceId: sale.invoice.id,
        lines: [{ invoiceLineId: line.id, qtyMilli: 1 }],
        refundMode: 'khata',
        reason: 'again',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/only 0 can still be returned/) });
  });

  it("a cashier needs a manager's PIN for a return, and the approval is in the audit log", async () => {
    const { sale } = await creditSale();
    const request = {
      id: randomUUID(),
      invoiceId: sale.invoice.id,
      lines: [{ invoiceLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
      refundMode: 'cash' as const,
      reason: 'wrong size',
    };
    await expect(shop.cashier.returns.create(request)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      shop.cashier.returns.create({ ...request, approval: { staffId: shop.ids.manager, pin: '0000' } }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Wrong manager PIN/),
      cause: expect.objectContaining({ reason: 'APPROVAL_PIN_WRONG' }),
    });
    const note = await shop.cashier.returns.create({
      ...request,
      approval: { staffId: shop.ids.manager, pin: PINS.manager },
    });
    expect(note.refunds).toEqual([expect.objectContaining({ mode: 'cash', amountPaise: 11_800 })]);
    expect(await shop.owner.staff.audit({})).toContainEqual(
      expect.objectContaining({ action: 'sale.return', staffId: shop.ids.cashier, approvedBy: shop.ids.manager }),
    );
  });

  it('voiding a bill returns everything still on it; a second void is refused', async () => {
    const { item, party, sale } = await creditSale();
    await shop.manager.returns.voidInvoice({
      id: randomUUID(),
      invoiceId: sale.invoice.id,
      reason: 'billed twice',
      refundMode: 'khata',
    });
    expect((await shop.cashier.parties.get({ id: party.id })).balancePaise).toBe(0);
    expect((await shop.cashier.catalogue.get({ id: item.id })).stockMilli).toBe(100_000);
    await expect(
      shop.manager.returns.voidInvoice({
        id: randomUUID(),
        invoiceId: sale.invoice.id,
        reason: 'again',
        refundMode: 'khata',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a bill without a customer cannot be refunded to khata', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput());
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'cash', amountPaise: 5900 }],
    });
    await expect(
      shop.manager.returns.create({
        id: randomUUID(),
        invoiceId: sale.invoice.id,
        lines: [{ invoiceLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
        refundMode: 'khata',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
