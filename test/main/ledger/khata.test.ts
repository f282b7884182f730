// Khata: receiving payments, the statement with a running balance, and overdue ageing.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { verifyJournal } from '../../../src-main/ledger/journal/service';
import { itemInput, PINS, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

/** A clock the test moves forward, so entries land on chosen days. */
function movableClock(start: string) {
  let now = new Date(start);
  return { clock: () => now, set: (iso: string) => (now = new Date(iso)) };
}

describe('khata', () => {
  it('receiving a payment issues a numbered receipt and lowers the balance', async () => {
    shop = await shopWithStaff();
    const party = await shop.cashier.parties.create({ name: 'Gopal', openingBalancePaise: 50_000 });
    const paid = await shop.cashier.khata.receivePayment({
      id: randomUUID(),
      partyId: party.id,
      amountPaise: 20_000,
      mode: 'upi',
      reference: 'UPI-123',
    });
    expect(paid.receipt.number).toMatch(/^C1RC-\d{4}-000001$/);
    expect(paid.balancePaise).toBe(30_000);
  });

  it('the statement shows the opening balance, each entry with its running balance, and the closing balance', async () => {
    const time = movableClock('2026-06-01T10:00:00');
    shop = await shopWithStaff({ clock: time.clock });
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
    const party = await shop.cashier.parties.create({ name: 'Farid', openingBalancePaise: 5_000 });
    time.set('2026-06-10T11:00:00');
    await shop.cashier.sales.finalize({
      id: randomUUID(),
      partyId: party.id,
      lines: [{ itemId: item.id, qtyMilli: 2000 }],
      payments: [{ mode: 'khata', amountPaise: 20_000 }],
    });
    time.set('2026-06-20T12:00:00');
    await shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 15_000, mode: 'cash' });
    time.set('2026-07-05T12:00:00');
    await shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 1_000, mode: 'cash' });

    const june = await shop.cashier.khata.statement({ partyId: party.id, from: '2026-06-05', to: '2026-06-30' });
    expect(june.openingPaise).toBe(5_000);
    expect(june.rows.map((row) => [row.kind, row.debitPaise, row.creditPaise, row.balancePaise])).toEqual([
      ['sale', 20_000, 0, 25_000],
      ['payment', 0, 15_000, 10_000],
    ]);
    expect(june.closingPaise).toBe(10_000);
    await expect(
      shop.cashier.khata.statement({ partyId: party.id, from: '2026-07-01', to: '2026-06-01' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('ageing puts unpaid amounts in 0–30, 31–60, 61–90 and 90+ day buckets, oldest paid first', async () => {
    const time = movableClock('2026-01-01T10:00:00');
    shop = await shopWithStaff({ clock: time.clock });
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
    const party = await shop.cashier.parties.create({ name: 'Kamala', phone: '9844444444' });
    const creditSale = () =>
      shop.cashier.sales.finalize({
        id: randomUUID(),
        partyId: party.id,
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        payments: [{ mode: 'khata', amountPaise: 10_000 }],
      });
    for (const day of ['2026-01-01', '2026-02-15', '2026-03-20', '2026-04-25']) {
      time.set(`${day}T10:00:00`);
      await creditSale();
    }
    time.set('2026-04-30T10:00:00');
    await shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 4_000, mode: 'cash' });
    const { rows, totals } = await shop.cashier.khata.ageing({ asOf: '2026-04-30' });
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'Kamala',
        d0to30Paise: 10_000,
        d31to60Paise: 10_000,
        d61to90Paise: 10_000,
        d90plusPaise: 6_000,
        totalPaise: 36_000,
      }),
    ]);
    expect(totals.totalPaise).toBe(36_000);
  });

  it('cash needs an open shift; UPI does not', async () => {
    shop = await shopWithStaff({ openShift: false });
    const party = await shop.cashier.parties.create({ name: 'Late payer', openingBalancePaise: 1_000 });
    await expect(
      shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 500, mode: 'cash' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 500, mode: 'upi' }),
    ).resolves.toMatchObject({ balancePaise: 500 });
  });

  it('a payment larger than the due is refused unless the counter confirms the rest as an advance', async () => {
    shop = await shopWithStaff();
    const party = await shop.cashier.parties.create({ name: 'Suresh', openingBalancePaise: 62_200 });
    const pay = (asAdvance?: boolean) =>
      shop.cashier.khata.receivePayment({
        id: randomUUID(),
        partyId: party.id,
        amountPaise: 500_000,
        mode: 'upi',
        ...(asAdvance === undefined ? {} : { asAdvance }),
      });
    await expect(pay()).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '₹5,000.00 is more than the due ₹622.00: confirm to record ₹4,378.00 as advance.',
    });
    expect((await shop.cashier.parties.get({ id: party.id })).balancePaise).toBe(62_200);
    const confirmed = await pay(true);
    expect(confirmed.balancePaise).toBe(-437_800);
  });

  it('paying exactly the due needs no confirmation', async () => {
    shop = await shopWithStaff();
    const party = await shop.cashier.parties.create({ name: 'Exact', openingBalancePaise: 10_000 });
    await expect(
      shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: party.id, amountPaise: 10_000, mode: 'cash' }),
    ).resolves.toMatchObject({ balancePaise: 0 });
  });
});

describe('cancelling a wrong receipt', () => {
  async function wrongReceipt(mode: 'cash' | 'upi' = 'cash') {
    shop = await shopWithStaff();
    const party = await shop.cashier.parties.create({ name: 'Lata', openingBalancePaise: 80_000 });
    const paid = await shop.cashier.khata.receivePayment({
      id: randomUUID(),
      partyId: party.id,
      amountPaise: 50_000,
      mode,
    });
    return { party, receipt: paid.receipt };
  }
  const reverse = (receiptId: string, approval?: { staffId: string; pin: string }) =>
    shop.cashier.khata.reverseReceipt({
      id: randomUUID(),
      receiptId,
      reason: 'Typed 500 instead of 50',
      ...(approval ? { approval } : {}),
    });

  it('needs a manager: refused without a PIN and with a wrong one, and nothing changes', async () => {
    const { party, receipt } = await wrongReceipt();
    await expect(reverse(receipt.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reverse(receipt.id, { staffId: shop.ids.manager, pin: '9999' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Wrong manager PIN'),
    });
    await expect(reverse(receipt.id, { staffId: shop.ids.cashier, pin: PINS.cashier })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await shop.cashier.parties.get({ id: party.id })).balancePaise).toBe(30_000);
    expect(verifyJournal(shop.t.ledger)).toEqual({ ok: true, documents: 1 });
  });

  it('restores the balance with a new numbered, chained document; the receipt stays as it was; it is audited', async () => {
    const { party, receipt } = await wrongReceipt();
    const done = await reverse(receipt.id, { staffId: shop.ids.manager, pin: PINS.manager });
    expect(done.balancePaise).toBe(80_000);
    expect(done.reversal).toMatchObject({
      number: expect.stringMatching(/^C1RV-\d{4}-000001$/),
      receiptId: receipt.id,
      receiptNumber: receipt.number,
      amountPaise: 50_000,
      mode: 'cash',
      staffId: shop.ids.cashier,
      approvedBy: shop.ids.manager,
      prevHash: receipt.hash,
    });
    expect(verifyJournal(shop.t.ledger)).toEqual({ ok: true, documents: 2 });
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
    const stored = shop.t.ledger.sqlite.prepare('SELECT * FROM receipts WHERE id = ?').get(receipt.id) as {
      amount_paise: number;
      hash: string;
    };
    expect(stored).toMatchObject({ amount_paise: 50_000, hash: receipt.hash });
    const statement = await shop.cashier.khata.statement({ partyId: party.id, from: '2020-01-01', to: '2099-12-31' });
    expect(statement.rows.map((row) => [row.kind, row.docNumber, row.reversedBy, row.balancePaise])).toEqual([
      ['opening', null, null, 80_000],
      ['payment', receipt.number, done.reversal.number, 30_000],
      ['reversal', done.reversal.number, null, 80_000],
    ]);
    const audit = (await shop.owner.staff.audit({ limit: 20 })).filter((entry) => entry.action === 'receipt.reversed');
    expect(audit).toEqual([
      expect.objectContaining({
        staffId: shop.ids.cashier,
        approvedBy: shop.ids.manager,
        subjectId: receipt.id,
        details: expect.objectContaining({ number: done.reversal.number, reason: 'Typed 500 instead of 50' }),
      }),
    ]);
  });

  it('takes a cancelled cash receipt out of the cash the shift expects', async () => {
    const { receipt } = await wrongReceipt('cash');
    const before = await shop.cashier.cashSessions.current();
    await reverse(receipt.id, { staffId: shop.ids.manager, pin: PINS.manager });
    const after = await shop.cashier.cashSessions.current();
    expect(before?.expectedCashPaise).toBe(100_000 + 50_000);
    expect(after?.expectedCashPaise).toBe(100_000);
  });

  it('cancels a receipt only once, and a replayed request returns the first reversal', async () => {
    const { receipt } = await wrongReceipt('upi');
    const approval = { staffId: shop.ids.manager, pin: PINS.manager };
    const input = { id: randomUUID(), receiptId: receipt.id, reason: 'Wrong customer', approval };
    const first = await shop.cashier.khata.reverseReceipt(input);
    await expect(shop.cashier.khata.reverseReceipt(input)).resolves.toMatchObject({
      replayed: true,
      reversal: { number: first.reversal.number },
    });
    await expect(reverse(receipt.id, approval)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Receipt ${receipt.number} is already cancelled (${first.reversal.number}).`,
    });
    expect(checkLedgerInvariants(shop.t.ledger).ok).toBe(true);
  });

  it('the database itself refuses to change or delete a reversal', async () => {
    const { receipt } = await wrongReceipt('upi');
    const { reversal } = await reverse(receipt.id, { staffId: shop.ids.manager, pin: PINS.manager });
    const sqlite = shop.t.ledger.sqlite;
    expect(() => sqlite.prepare('UPDATE receipt_reversals SET amount_paise = 1 WHERE id = ?').run(reversal.id)).toThrow(
      'receipt reversals cannot be changed',
    );
    expect(() => sqlite.prepare('DELETE FROM receipt_reversals WHERE id = ?').run(reversal.id)).toThrow(
      'receipt reversals cannot be deleted',
    );
  });
});
