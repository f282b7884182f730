// Cash paid to a supplier on the bill itself comes out of the shift's drawer, as a cash payment to the supplier does:
// the shift's expected cash, its "paid to suppliers" and its close agree; a bill on credit or by UPI leaves the drawer
// alone; cash on a bill with no shift open, or more than the drawer holds, is refused and writes nothing.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { ledgerFingerprint } from '../../support/fingerprint';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { verifyJournal } from '../../../src-main/ledger/journal/service';
import { purchaseBillShift } from '../../../src-main/ledger/purchases/schema';
import { outbox } from '../../../src-main/ledger/outbox/schema';
import { errorDetails } from '../../../src-main/trpc/errors';
import { shopBusinessDate } from '../../../src-shared/shop-time';
import type { FinalisePurchaseInput } from '../../../src-shared/contracts/purchases';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

/** 10 soaps at ₹40 + 18 % GST from a local supplier: a ₹472.00 bill. */
async function billInput(
  payments: FinalisePurchaseInput['payments'],
  invoice = 'GW/1',
): Promise<FinalisePurchaseInput> {
  const soap = await shop.manager.catalogue.create(itemInput({ sku: `SOAP-${invoice}`, pricePaise: 5_900 }));
  const supplier = await shop.manager.parties.create({ kind: 'supplier', name: `Gupta Wholesale ${invoice}` });
  return {
    id: randomUUID(),
    supplierId: supplier.id,
    supplierInvoiceNumber: invoice,
    supplierInvoiceDate: shopBusinessDate(new Date()),
    reverseCharge: false,
    ratesIncludeTax: false,
    freightPaise: 0,
    lines: [
      {
        itemId: soap.id,
        qtyMilli: 10_000,
        freeQtyMilli: 0,
        ratePaise: 4_000,
        discountPaise: 0,
        gstRateBp: 1800,
        cessRateBp: 0,
        hsn: '3401',
      },
    ],
    payments,
  };
}

const cash = (amountPaise: number) => ({ mode: 'cash' as const, amountPaise, reference: '', chequeDate: null });

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

describe('cash paid on a purchase bill', () => {
  it('lowers the shift’s expected cash by the cash paid; "paid to suppliers" counts it with supplier payments, and the close agrees', async () => {
    shop = await shopWithStaff();
    const before = (await shop.cashier.cashSessions.current())!;
    // ₹472.00 bill: ₹300.00 in cash now, ₹172.00 on credit.
    const input = await billInput([cash(300_00)]);
    const bill = await shop.manager.purchases.finalise(input);
    expect(bill).toMatchObject({ totalPaise: 472_00, paidPaise: 300_00, payablePaise: 172_00 });
    // And ₹100.00 of what is still owed paid in cash as a supplier payment.
    await shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: input.supplierId,
      amountPaise: 100_00,
      mode: 'cash',
    });

    const after = (await shop.cashier.cashSessions.current())!;
    expect(after.cashPaidToSuppliersPaise).toBe(300_00 + 100_00);
    expect(after.expectedCashPaise).toBe(before.expectedCashPaise - 400_00);

    const link = shop.t.ledger.db.select().from(purchaseBillShift).where(eq(purchaseBillShift.purchaseBillId, bill.id));
    expect(link.all()).toEqual([{ purchaseBillId: bill.id, cashSessionId: before.session.id }]);
    // The link is part of what the bill's hash covers and travels with the bill to the server.
    expect(verifyJournal(shop.t.ledger)).toMatchObject({ ok: true, documents: 2 });
    const sent = shop.t.ledger.db.select().from(outbox).where(eq(outbox.entityId, bill.id)).get()!;
    expect(sent.payload).toMatchObject({ shift: { purchaseBillId: bill.id, cashSessionId: before.session.id } });
    expect(() =>
      shop.t.ledger.sqlite.prepare('UPDATE purchase_bill_shift SET cash_session_id = ?').run(randomUUID()),
    ).toThrow(/cannot be changed/);

    const closed = await shop.cashier.cashSessions.close({ countedPaise: after.expectedCashPaise, note: '' });
    expect(closed).toMatchObject({ differencePaise: 0, cashPaidToSuppliersPaise: 400_00 });
    expect(closed.session.expectedPaise).toBe(before.expectedCashPaise - 400_00);
    expect((await shop.cashier.cashSessions.list({ limit: 5, offset: 0 }))[0]).toMatchObject({
      expectedPaise: before.expectedCashPaise - 400_00,
      differencePaise: 0,
    });
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
  });

  it('a bill on credit, or paid by UPI, leaves the drawer and the shift as they were', async () => {
    shop = await shopWithStaff();
    const before = (await shop.cashier.cashSessions.current())!;
    await shop.manager.purchases.finalise(await billInput([], 'GW/2'));
    await shop.manager.purchases.finalise(
      await billInput([{ mode: 'upi', amountPaise: 472_00, reference: 'UPI-77', chequeDate: null }], 'GW/3'),
    );
    const after = (await shop.cashier.cashSessions.current())!;
    expect(after.cashPaidToSuppliersPaise).toBe(0);
    expect(after.expectedCashPaise).toBe(before.expectedCashPaise);
    expect(shop.t.ledger.db.select().from(purchaseBillShift).all()).toEqual([]);
  });

  it('cash on a bill with no shift open is refused as a cash supplier payment is, and nothing is written', async () => {
    shop = await shopWithStaff({ openShift: false });
    const input = await billInput([cash(100_00)], 'GW/4');
    const untouched = ledgerFingerprint(shop.t.ledger);
    const onBill = await refused(shop.manager.purchases.finalise(input));
    const onPayment = await refused(
      shop.manager.payables.pay({ id: randomUUID(), supplierId: input.supplierId, amountPaise: 100_00, mode: 'cash' }),
    );
    expect(onBill.code).toBe('CONFLICT');
    expect(onBill.message).toBe('No shift is open at this counter: open one with the cash float first.');
    // The payment is refused for owing nothing first; its shift refusal is the same words, checked against a supplier owed.
    expect(onPayment.code).toBe('BAD_REQUEST');
    expect(ledgerFingerprint(shop.t.ledger)).toBe(untouched);

    const owed = await shop.manager.parties.create({ kind: 'supplier', name: 'Owed', openingBalancePaise: 500_00 });
    const payment = await refused(
      shop.manager.payables.pay({ id: randomUUID(), supplierId: owed.id, amountPaise: 100_00, mode: 'cash' }),
    );
    expect(payment.message).toBe(onBill.message);
    // On credit it needs no shift.
    await expect(shop.manager.purchases.finalise(await billInput([], 'GW/5'))).resolves.toMatchObject({
      payablePaise: 472_00,
    });
  });

  it('more cash than the drawer holds is refused beside the amount paid, and nothing is written', async () => {
    shop = await shopWithStaff();
    const input = await billInput([cash(472_00)], 'GW/6');
    // The ₹1,000 float, ₹600 taken out: ₹400 in the drawer.
    await shop.cashier.cashSessions.cashMovement({ kind: 'out', amountPaise: 600_00, reason: 'bank deposit' });
    const untouched = ledgerFingerprint(shop.t.ledger);
    const error = await refused(shop.manager.purchases.finalise(input));
    expect(error.message).toBe('The drawer should hold only ₹400.00: pay ₹472.00 another way, or put cash in first.');
    expect(errorDetails(error.cause)).toEqual([
      expect.objectContaining({ path: 'payments', message: 'The drawer holds ₹400.00' }),
    ]);
    expect(ledgerFingerprint(shop.t.ledger)).toBe(untouched);
  });
});
