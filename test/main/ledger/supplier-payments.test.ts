// Paying a supplier: a numbered, chained document in its own series per counter that lowers what the shop owes; cash
// comes out of the shift's drawer; wrong payments are refused in shop words and change nothing.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { verifyJournal } from '../../../src-main/ledger/journal/service';
import { outbox } from '../../../src-main/ledger/outbox/schema';
import { payableEntries, supplierPayments } from '../../../src-main/ledger/payables/schema';
import { errorDetails } from '../../../src-main/trpc/errors';
import { financialYearStart } from '../../../src-shared/invoice-number';
import { shopBusinessDate } from '../../../src-shared/shop-time';
import { payableEntryPayload, supplierPaymentPayload } from '../../../src-shared/sync/purchase-payloads';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { ledgerFingerprint } from '../../support/fingerprint';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

const FY = financialYearStart(new Date());

async function supplierOwed(paise: number, name = 'Shree Traders') {
  return shop.manager.parties.create({ kind: 'supplier', name, openingBalancePaise: paise });
}

async function refused(call: Promise<unknown>): Promise<TRPCError> {
  const outcome = await call.then(
    (accepted) => ({ accepted }),
    (error: unknown) => ({ error }),
  );
  expect(outcome).toHaveProperty('error');
  const { error } = outcome as { error: unknown };
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('paying a supplier', () => {
  it('cash from the drawer: numbered in the supplier-payment series, lowers the payable, the shift’s expected cash and its close agree', async () => {
    shop = await shopWithStaff();
    const supplier = await supplierOwed(1_00_000_00);
    // ₹1,000 float + ₹500 put in: the drawer holds ₹1,500.
    await shop.cashier.cashSessions.cashMovement({ kind: 'in', amountPaise: 50_000, reason: 'change from bank' });
    const before = (await shop.cashier.cashSessions.current())!;
    const paid = await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 1_200_00,
      mode: 'cash',
    });

    expect(paid).toMatchObject({ number: `C1SP-${FY}-000001`, amountPaise: 1_200_00, payablePaise: 98_800_00 });
    expect((await shop.cashier.parties.get({ id: supplier.id })).payablePaise).toBe(98_800_00);
    const after = (await shop.cashier.cashSessions.current())!;
    expect(after.cashPaidToSuppliersPaise).toBe(1_200_00);
    expect(after.expectedCashPaise).toBe(before.expectedCashPaise - 1_200_00);

    const closed = await shop.cashier.cashSessions.close({ countedPaise: after.expectedCashPaise });
    expect(closed).toMatchObject({ differencePaise: 0, cashPaidToSuppliersPaise: 1_200_00 });
    expect(closed.session.expectedPaise).toBe(before.expectedCashPaise - 1_200_00);

    const row = shop.t.ledger.db.select().from(supplierPayments).where(eq(supplierPayments.id, paid.id)).get()!;
    expect(row).toMatchObject({ mode: 'cash', reference: '', chequeDate: null, cashSessionId: before.session.id });
    const entry = shop.t.ledger.db.select().from(payableEntries).where(eq(payableEntries.docId, paid.id)).get();
    expect(entry).toMatchObject({ kind: 'payment', amountPaise: -1_200_00, docNumber: paid.number });
    const ops = shop.t.ledger.db.select().from(outbox).all();
    const sent = ops.find((op) => op.entity === 'supplier_payment');
    expect(sent?.entityId).toBe(paid.id);
    expect(supplierPaymentPayload.parse(sent!.payload).supplierPayment).toMatchObject({
      id: paid.id,
      number: paid.number,
      counterId: 'C1',
      supplierId: supplier.id,
      amountPaise: 1_200_00,
      mode: 'cash',
      chequeDate: null,
    });
    const payableOps = ops
      .filter((op) => op.entity === 'payable_entry')
      .map((op) => payableEntryPayload.parse(op.payload));
    expect(payableOps.map((op) => [op.kind, op.amountPaise])).toEqual([
      ['opening', 1_00_000_00],
      ['payment', -1_200_00],
    ]);
    expect(verifyJournal(shop.t.ledger)).toMatchObject({ ok: true, documents: 1 });
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
  });

  it('UPI, bank and cheque leave the drawer alone; a cheque keeps its number and date; the series has no gaps', async () => {
    shop = await shopWithStaff();
    const supplier = await supplierOwed(50_000);
    const before = (await shop.cashier.cashSessions.current())!.expectedCashPaise;
    const upi = await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 10_000,
      mode: 'upi',
      reference: 'UPI-8812',
    });
    // Refused (more than owed): takes no number.
    await refused(
      shop.manager.payables.pay({ id: randomUUID(), supplierId: supplier.id, amountPaise: 50_000, mode: 'bank' }),
    );
    const bank = await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 15_000,
      mode: 'bank',
      reference: 'NEFT 22',
    });
    const cheque = await shop.owner.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 25_000,
      mode: 'cheque',
      reference: '004711',
      chequeDate: '2026-04-15',
    });
    expect([upi.number, bank.number, cheque.number]).toEqual([1, 2, 3].map((n) => `C1SP-${FY}-00000${n}`));
    expect(cheque.payablePaise).toBe(0);
    expect(
      shop.t.ledger.db.select().from(supplierPayments).where(eq(supplierPayments.id, cheque.id)).get(),
    ).toMatchObject({ mode: 'cheque', reference: '004711', chequeDate: '2026-04-15' });
    expect((await shop.cashier.cashSessions.current())!.expectedCashPaise).toBe(before);
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
  });

  it('the same payment sent twice (a retry) is recorded once', async () => {
    shop = await shopWithStaff();
    const supplier = await supplierOwed(30_000);
    const input = { id: randomUUID(), supplierId: supplier.id, amountPaise: 10_000, mode: 'upi' as const };
    const first = await shop.manager.payables.pay(input);
    const again = await shop.manager.payables.pay(input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(shop.t.ledger.db.select().from(supplierPayments).all()).toHaveLength(1);
    expect((await shop.cashier.parties.get({ id: supplier.id })).payablePaise).toBe(20_000);
  });

  it('refuses, in shop words and changing nothing: zero, more than owed, an unknown or customer-only party, a cheque without its date, a cashier, more cash than the drawer holds, cash with no shift', async () => {
    shop = await shopWithStaff();
    const supplier = await supplierOwed(12_345_00);
    const customer = await shop.cashier.parties.create({ name: 'Sunita', openingBalancePaise: 5_000 });
    const pay = (overrides: Record<string, unknown>) => ({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 1_000,
      mode: 'upi',
      ...overrides,
    });
    const before = ledgerFingerprint(shop.t.ledger);

    for (const amountPaise of [0, -500]) {
      const error = await refused(shop.manager.payables.pay(pay({ amountPaise }) as never));
      expect(error.code).toBe('BAD_REQUEST');
      expect(errorDetails(error.cause)).toContainEqual(expect.objectContaining({ path: 'amountPaise' }));
    }
    const tooMuch = await refused(shop.manager.payables.pay(pay({ amountPaise: 12_346_00 }) as never));
    expect(tooMuch).toMatchObject({
      code: 'BAD_REQUEST',
      message: '₹12,346.00 is more than the ₹12,345.00 owed to Shree Traders.',
    });
    expect(errorDetails(tooMuch.cause)).toEqual([
      {
        path: 'amountPaise',
        message: 'Only ₹12,345.00 is owed',
        shop: { key: 'payMoreThanOwedField', params: { due: '₹12,345.00' } },
      },
    ]);
    const unknown = await refused(shop.manager.payables.pay(pay({ supplierId: randomUUID() }) as never));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'Choose a supplier from the list.' });
    const notSupplier = await refused(shop.manager.payables.pay(pay({ supplierId: customer.id }) as never));
    expect(notSupplier).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Sunita is a customer, not a supplier: nothing is owed to them.',
    });
    expect(errorDetails(notSupplier.cause).map((detail) => detail.path)).toEqual(['supplierId']);
    const cheque = await refused(shop.manager.payables.pay(pay({ mode: 'cheque', reference: '004711' }) as never));
    expect(cheque).toMatchObject({ code: 'BAD_REQUEST', message: 'Enter the cheque number and the cheque date.' });
    const cashier = await refused(shop.cashier.payables.pay(pay({}) as never));
    expect(cashier.code).toBe('FORBIDDEN');
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);

    const drawer = await refused(shop.manager.payables.pay(pay({ mode: 'cash', amountPaise: 1_000_01 }) as never));
    expect(drawer).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The drawer should hold only ₹1,000.00: pay ₹1,000.01 another way, or put cash in first.',
    });
    expect(errorDetails(drawer.cause).map((detail) => detail.path)).toEqual(['amountPaise']);
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);

    await shop.cashier.cashSessions.close({ countedPaise: 100_000 });
    const closedShift = ledgerFingerprint(shop.t.ledger);
    const noShift = await refused(shop.manager.payables.pay(pay({ mode: 'cash' }) as never));
    expect(noShift.code).toBe('CONFLICT');
    expect(ledgerFingerprint(shop.t.ledger)).toBe(closedShift);
  });
});

describe('statement, ageing and the due to suppliers', () => {
  it('a supplier’s statement runs the due after each entry and names how each payment was made', async () => {
    let now = new Date('2026-04-02T05:00:00Z');
    shop = await shopWithStaff({ clock: () => now });
    const supplier = await supplierOwed(80_000);
    now = new Date('2026-04-20T05:00:00Z');
    await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 30_000,
      mode: 'cheque',
      reference: '000123',
      chequeDate: '2026-04-25',
    });
    now = new Date('2026-05-03T05:00:00Z');
    const cash = await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 20_000,
      mode: 'cash',
    });

    const all = await shop.cashier.payables.statement({ supplierId: supplier.id });
    expect(all.supplier).toMatchObject({
      name: 'Shree Traders',
      kind: 'supplier',
      payablePaise: 30_000,
      balancePaise: 0,
    });
    expect(all.rows.map((row) => row.supplierInvoiceNumber)).toEqual([null, null, null]);
    expect(all.rows.map((row) => [row.kind, row.creditPaise, row.debitPaise, row.payablePaise, row.payment])).toEqual([
      ['opening', 80_000, 0, 80_000, null],
      ['payment', 0, 30_000, 50_000, { mode: 'cheque', reference: '000123', chequeDate: '2026-04-25' }],
      ['payment', 0, 20_000, 30_000, { mode: 'cash', reference: '', chequeDate: null }],
    ]);
    expect([all.openingPaise, all.closingPaise]).toEqual([0, 30_000]);

    const may = await shop.cashier.payables.statement({
      supplierId: supplier.id,
      from: '2026-05-01',
      to: '2026-05-31',
    });
    expect(may).toMatchObject({ openingPaise: 50_000, closingPaise: 30_000 });
    expect(may.rows.map((row) => row.docNumber)).toEqual([cash.number]);
  });

  it('ageing settles the oldest due first, reusing the khata’s rule; the summary totals dues and advances apart', async () => {
    let now = new Date('2026-01-05T05:00:00Z');
    shop = await shopWithStaff({ clock: () => now });
    const old = await supplierOwed(70_000, 'Agarwal Agencies');
    now = new Date('2026-03-10T05:00:00Z');
    const recent = await supplierOwed(25_000, 'Bharat Distributors');
    await shop.manager.parties.create({ kind: 'supplier', name: 'Chawla Foods' });
    const advance = await shop.manager.parties.create({
      kind: 'supplier',
      name: 'Dev Oils',
      openingBalancePaise: -5_000,
    });
    now = new Date('2026-03-20T05:00:00Z');
    await shop.manager.payables.pay({ id: randomUUID(), supplierId: old.id, amountPaise: 20_000, mode: 'upi' });

    const ageing = await shop.cashier.payables.ageing({ asOf: '2026-04-01' });
    expect(
      ageing.rows.map((row) => [
        row.name,
        row.d0to30Paise,
        row.d31to60Paise,
        row.d61to90Paise,
        row.d90plusPaise,
        row.totalPaise,
      ]),
    ).toEqual([
      ['Agarwal Agencies', 0, 0, 50_000, 0, 50_000],
      ['Bharat Distributors', 25_000, 0, 0, 0, 25_000],
      ['Dev Oils', 0, 0, 0, 0, -5_000],
    ]);
    expect(ageing.totals).toEqual({
      d0to30Paise: 25_000,
      d31to60Paise: 0,
      d61to90Paise: 50_000,
      d90plusPaise: 0,
      totalPaise: 70_000,
    });

    const summary = await shop.cashier.payables.summary({});
    expect(summary).toMatchObject({ dueToSuppliersPaise: 75_000, advancesToSuppliersPaise: 5_000 });
    expect(summary.suppliers.map((row) => [row.name, row.payablePaise])).toEqual([
      ['Agarwal Agencies', 50_000],
      ['Bharat Distributors', 25_000],
      ['Chawla Foods', 0],
      ['Dev Oils', -5_000],
    ]);
    expect(summary.suppliers.find((row) => row.partyId === advance.id)?.kind).toBe('supplier');
    void recent;
  });

  it('a supplier who also buys on khata shows both balances, never netted', async () => {
    shop = await shopWithStaff();
    const soap = await shop.manager.catalogue.create(itemInput({ pricePaise: 5_900 }));
    const both = await supplierOwed(40_000, 'Gupta Wholesale');
    await shop.cashier.sales.finalize({
      id: randomUUID(),
      partyId: both.id,
      lines: [{ itemId: soap.id, qtyMilli: 2000 }],
      payments: [{ mode: 'khata', amountPaise: 11_800 }],
    });
    const summary = await shop.cashier.payables.summary({});
    expect(summary.suppliers).toEqual([
      expect.objectContaining({ name: 'Gupta Wholesale', payablePaise: 40_000, balancePaise: 11_800 }),
    ]);
    expect(summary.dueToSuppliersPaise).toBe(40_000);
    expect((await shop.cashier.payables.statement({ supplierId: both.id })).supplier).toMatchObject({
      payablePaise: 40_000,
      balancePaise: 11_800,
    });
    const paid = await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: both.id,
      amountPaise: 40_000,
      mode: 'bank',
    });
    expect(paid.payablePaise).toBe(0);
    expect((await shop.cashier.parties.get({ id: both.id })).balancePaise).toBe(11_800);
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
  });

  it('a bill on credit, a return to the supplier and a payment: the statement names the supplier’s bill, the due follows each', async () => {
    shop = await shopWithStaff();
    const soap = await shop.manager.catalogue.create(itemInput({ pricePaise: 5_900 }));
    const supplier = await shop.manager.parties.create({ kind: 'supplier', name: 'Gupta Wholesale' });
    // 10 soaps at ₹40 + 18 % GST (intra-state): ₹472 on credit.
    const bill = await shop.manager.purchases.finalise({
      id: randomUUID(),
      supplierId: supplier.id,
      supplierInvoiceNumber: 'GW/1234',
      supplierInvoiceDate: shopBusinessDate(new Date()),
      lines: [{ itemId: soap.id, qtyMilli: 10_000, ratePaise: 4_000, gstRateBp: 1800 }],
    });
    expect(bill).toMatchObject({ totalPaise: 47_200, paidPaise: 0, payablePaise: 47_200 });
    const line = (await shop.manager.purchases.get({ id: bill.id })).lines[0]!;
    const note = await shop.manager.purchases.returnToSupplier({
      id: randomUUID(),
      purchaseBillId: bill.id,
      lines: [{ purchaseBillLineId: line.id, qtyMilli: 2_000 }],
    });
    const paid = await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: supplier.id,
      amountPaise: 20_000,
      mode: 'upi',
      reference: 'UPI-77',
    });

    const statement = await shop.cashier.payables.statement({ supplierId: supplier.id });
    expect(statement.rows.map((row) => [row.kind, row.docNumber, row.supplierInvoiceNumber, row.payablePaise])).toEqual(
      [
        ['purchase', bill.number, 'GW/1234', 47_200],
        ['debit_note', note.number, null, 47_200 - note.totalPaise],
        ['payment', paid.number, null, 47_200 - note.totalPaise - 20_000],
      ],
    );
    expect(note.totalPaise).toBe(9_440);
    expect((await shop.cashier.payables.summary({})).dueToSuppliersPaise).toBe(17_760);
    expect((await shop.cashier.payables.ageing({})).rows.map((row) => [row.name, row.d0to30Paise])).toEqual([
      ['Gupta Wholesale', 17_760],
    ]);
    const more = await refused(
      shop.manager.payables.pay({ id: randomUUID(), supplierId: supplier.id, amountPaise: 17_761, mode: 'bank' }),
    );
    expect(more.message).toBe('₹177.61 is more than the ₹177.60 owed to Gupta Wholesale.');
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
  });
});
