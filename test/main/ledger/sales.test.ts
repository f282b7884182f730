// Finalising a bill: totals, taxes, payments, stock, khata, numbering and the outbox, all in one transaction.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, PINS, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

const count = (shop: Shop, table: string) =>
  shop.t.ledger.sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('finalising a sale', () => {
  it('writes a numbered invoice with CGST+SGST, takes cash with change, and moves stock', async () => {
    shop = await shopWithStaff();
    const rice = await shop.manager.catalogue.create(
      itemInput({ name: 'Basmati Rice 1kg', pricePaise: 5900, barcodes: ['8901030865275'] }),
    );
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: rice.id, qtyMilli: 2000 }],
      payments: [{ mode: 'cash', amountPaise: 20_000 }],
    });

    expect(sale.invoice.number).toMatch(/^C1-\d{4}-000001$/);
    expect(sale.invoice).toMatchObject({
      taxablePaise: 10_000,
      cgstPaise: 900,
      sgstPaise: 900,
      igstPaise: 0,
      totalPaise: 11_800,
      changePaise: 8_200,
      interState: false,
    });
    expect((await shop.cashier.catalogue.get({ id: rice.id })).stockMilli).toBe(98_000);
    expect(count(shop, 'outbox')).toBeGreaterThan(0);
  });

  it('numbers bills without gaps, and a failed bill does not use up a number', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput());
    const first = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'cash', amountPaise: 5900 }],
    });
    await expect(
      shop.cashier.sales.finalize({
        id: randomUUID(),
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'cash', amountPaise: 100 }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const second = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'upi', amountPaise: 5900 }],
    });
    expect([first.invoice.number.slice(-6), second.invoice.number.slice(-6)]).toEqual(['000001', '000002']);
  });

  it('finalising the same bill id twice returns the first invoice and writes nothing more', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput());
    const bill = {
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'cash' as const, amountPaise: 5900 }],
    };
    const first = await shop.cashier.sales.finalize(bill);
    const again = await shop.cashier.sales.finalize(bill);
    expect(again.replayed).toBe(true);
    expect(again.invoice.number).toBe(first.invoice.number);
    expect(count(shop, 'invoices')).toBe(1);
    expect((await shop.cashier.catalogue.get({ id: item.id })).stockMilli).toBe(99_000);
  });

  it('charges IGST to a customer registered in another state', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000, priceIncludesTax: false }));
    const karnataka = await shop.cashier.parties.create({
      name: 'Bengaluru Traders',
      gstin: '29AAPFU0939F1ZR',
      phone: '9900000000',
    });
    expect(karnataka.stateCode).toBe('29');
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      partyId: karnataka.id,
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'upi', amountPaise: 11_800 }],
    });
    expect(sale.invoice).toMatchObject({
      interState: true,
      placeOfSupply: '29',
      igstPaise: 1800,
      cgstPaise: 0,
      sgstPaise: 0,
      totalPaise: 11_800,
    });
  });

  it('splits a bill across cash, UPI and khata, and warns when the customer goes over the credit limit', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 100_000 }));
    const ramesh = await shop.cashier.parties.create({ name: 'Ramesh', phone: '9811111111', creditLimitPaise: 20_000 });
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      partyId: ramesh.id,
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [
        { mode: 'cash', amountPaise: 50_000 },
        { mode: 'upi', amountPaise: 20_000 },
        { mode: 'khata', amountPaise: 30_000 },
      ],
    });
    expect(sale.invoice.khataPaise).toBe(30_000);
    expect(sale.warnings).toContainEqual(expect.objectContaining({ kind: 'credit-limit', balancePaise: 30_000 }));
    expect((await shop.cashier.parties.get({ id: ramesh.id })).balancePaise).toBe(30_000);
  });

  it('refuses khata without a customer and over-payment by UPI, changing nothing', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput());
    const before = count(shop, 'outbox');
    await expect(
      shop.cashier.sales.finalize({
        id: randomUUID(),
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'khata', amountPaise: 5900 }],
      }),
    ).rejects.toThrow(/customer/);
    await expect(
      shop.cashier.sales.finalize({
        id: randomUUID(),
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'upi', amountPaise: 6000 }],
      }),
    ).rejects.toThrow(/Only cash/);
    expect(count(shop, 'invoices')).toBe(0);
    expect(count(shop, 'outbox')).toBe(before);
  });

  it('a cashier needs a manager PIN for a discount above the limit; the approval is audited', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
    const bill = {
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      billDiscount: { kind: 'percent' as const, bp: 1000 },
      payments: [{ mode: 'cash' as const, amountPaise: 9000 }],
    };
    await expect(shop.cashier.sales.finalize(bill)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      shop.cashier.sales.finalize({ ...bill, approval: { staffId: shop.ids.cashier, pin: PINS.cashier } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const sale = await shop.cashier.sales.finalize({
      ...bill,
      approval: { staffId: shop.ids.manager, pin: PINS.manager },
    });
    expect(sale.invoice).toMatchObject({ discountPaise: 1000, totalPaise: 9000, approvedBy: shop.ids.manager });
    const audit = await shop.owner.staff.audit({});
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'sale.approved', approvedBy: shop.ids.manager, subjectId: bill.id }),
    );
  });

  it('warns, but does not block, when a sale takes stock below zero', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ openingStockMilli: 1000 }));
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 3000 }],
      payments: [{ mode: 'cash', amountPaise: 17_700 }],
    });
    expect(sale.warnings).toEqual([expect.objectContaining({ kind: 'negative-stock', stockMilli: -2000 })]);
  });

  it('needs an open shift to bill', async () => {
    shop = await shopWithStaff({ openShift: false });
    const item = await shop.manager.catalogue.create(itemInput());
    await expect(
      shop.cashier.sales.finalize({
        id: randomUUID(),
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'cash', amountPaise: 5900 }],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/shift/) });
  });
});

describe('finding and parking bills', () => {
  /** A clock the test moves forward, so bills land on chosen days. */
  function movableClock(start: string) {
    let now = new Date(start);
    return { clock: () => now, set: (iso: string) => (now = new Date(iso)) };
  }

  it('lists invoices newest first, by business day, customer and number, where % in a search is a plain character', async () => {
    const time = movableClock('2026-03-02T05:00:00Z');
    shop = await shopWithStaff({ clock: time.clock });
    const item = await shop.manager.catalogue.create(itemInput());
    const ramesh = await shop.cashier.parties.create({ name: 'Ramesh', phone: '9811111111' });
    const bill = (partyId?: string) =>
      shop.cashier.sales.finalize({
        id: randomUUID(),
        partyId,
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'cash', amountPaise: 5900 }],
      });
    const first = await bill(ramesh.id);
    time.set('2026-03-03T05:00:00Z');
    const second = await bill();
    time.set('2026-03-03T06:00:00Z');
    const third = await bill(ramesh.id);
    const numbers = async (filter: Parameters<typeof shop.cashier.sales.list>[0]) => {
      const { rows, total } = await shop.cashier.sales.list(filter);
      return { numbers: rows.map((row) => row.number), total };
    };
    const [n1, n2, n3] = [first, second, third].map((sale) => sale.invoice.number);

    expect(await numbers({})).toEqual({ numbers: [n3, n2, n1], total: 3 });
    expect(await numbers({ from: '2026-03-03' })).toEqual({ numbers: [n3, n2], total: 2 });
    expect(await numbers({ to: '2026-03-02' })).toEqual({ numbers: [n1], total: 1 });
    expect(await numbers({ partyId: ramesh.id })).toEqual({ numbers: [n3, n1], total: 2 });
    expect(await numbers({ number: n2!.slice(-6) })).toEqual({ numbers: [n2], total: 1 });
    expect(await numbers({ number: '%' })).toEqual({ numbers: [], total: 0 });
    expect(await numbers({ limit: 1, offset: 1 })).toEqual({ numbers: [n2], total: 3 });
    expect((await shop.cashier.sales.byNumber({ number: n2! })).invoice.id).toBe(second.invoice.id);
    await expect(shop.cashier.sales.byNumber({ number: 'C1-2026-999999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No invoice numbered C1-2026-999999.',
    });
  });

  it('warns about neither stock nor credit when a sale brings them exactly to zero and to the limit', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000, openingStockMilli: 1000 }));
    const ramesh = await shop.cashier.parties.create({ name: 'Ramesh', phone: '9811111111', creditLimitPaise: 10_000 });
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      partyId: ramesh.id,
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      payments: [{ mode: 'khata', amountPaise: 10_000 }],
    });
    expect(sale.warnings).toEqual([]);
    expect((await shop.cashier.parties.get({ id: ramesh.id })).balancePaise).toBe(10_000);
  });

  it("audits a manager's own discount above the cashier limit as privileged, not as an approval", async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
    const bill = await shop.manager.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: item.id, qtyMilli: 1000 }],
      billDiscount: { kind: 'percent', bp: 1000 },
      payments: [{ mode: 'cash', amountPaise: 9000 }],
      approval: { staffId: shop.ids.manager, pin: PINS.manager },
    });
    const audit = await shop.owner.staff.audit({});
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'sale.privileged', staffId: shop.ids.manager, subjectId: bill.invoice.id }),
    );
    expect(audit.filter((entry) => entry.action === 'sale.approved')).toEqual([]);
  });

  it('a held bill can be recalled until it is discarded, and the discard is audited with its label', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput());
    const cart = { lines: [{ itemId: item.id, qtyMilli: 2000 }] };
    const held = await shop.cashier.sales.hold({ label: 'Lady in red saree', cart });
    expect(await shop.cashier.sales.recall({ id: held.id })).toMatchObject({ label: 'Lady in red saree', cart });
    await shop.cashier.sales.discardHeld({ id: held.id });
    await expect(shop.cashier.sales.recall({ id: held.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await shop.owner.staff.audit({})).toContainEqual(
      expect.objectContaining({
        action: 'sale.discard-held',
        staffId: shop.ids.cashier,
        subjectId: held.id,
        details: { label: 'Lady in red saree' },
      }),
    );
  });
});

describe('what a bill puts on the khata', () => {
  it("a customer's bill on khata is one 'sale' entry with its number; one paid in full adds none; no limit, no warning", async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
    const gopal = await shop.cashier.parties.create({ name: 'Gopal', phone: '9822222222' });
    const bill = (payments: { mode: 'cash' | 'khata'; amountPaise: number }[]) =>
      shop.cashier.sales.finalize({
        id: randomUUID(),
        partyId: gopal.id,
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments,
      });
    const cashBill = await bill([{ mode: 'cash', amountPaise: 10_000 }]);
    const khataBill = await bill([{ mode: 'khata', amountPaise: 10_000 }]);
    expect([cashBill.warnings, khataBill.warnings]).toEqual([[], []]);
    const statement = await shop.cashier.khata.statement({ partyId: gopal.id, from: '2020-01-01', to: '2099-12-31' });
    expect(statement.rows.map((row) => [row.kind, row.docNumber, row.debitPaise, row.balancePaise])).toEqual([
      ['sale', khataBill.invoice.number, 10_000, 10_000],
    ]);
  });
});
