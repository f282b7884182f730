// The buying side syncs like sales: a supplier's bill, a return to the supplier, a payment to the supplier and each
// payable entry are stored exactly once, a document id reused with other content is refused, and payable entries
// reach the shop's other counters like khata entries.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PULLED_ENTITIES } from '../../src-shared/sync/protocol';
import { asOwner, testServerDb, type TestServerDb } from '../support/server';
import { shopWithCounters } from '../support/server-shop';
import { pushOf } from '../support/sync-ops';
import { debitNoteOp, payableOp, purchaseBillOp, supplierPaymentOp } from '../support/purchase-ops';

let server: TestServerDb;
afterEach(() => server?.close());

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await asOwner(server.database, (db) => db.execute(query))) as unknown as {
    rows: { n: number | string | null }[];
  };
  return Number(result.rows[0]!.n ?? 0);
}

/** A supplier's bill on credit with the payable entry it makes, a part return and a payment: as a counter sends them. */
function buyingDay() {
  const supplierId = randomUUID();
  const bill = purchaseBillOp({
    number: 'C1PB-2026-000001',
    supplierId,
    taxablePaise: 100_000,
    cgstPaise: 9_000,
    sgstPaise: 9_000,
    paidPaise: 18_000,
  });
  const billEntry = payableOp(supplierId, 100_000, 'purchase', { docId: bill.entityId, docNumber: 'C1PB-2026-000001' });
  const note = debitNoteOp(bill, { number: 'C1DN-2026-000001', taxablePaise: 10_000, cgstPaise: 900, sgstPaise: 900 });
  const noteEntry = payableOp(supplierId, -11_800, 'debit_note', { docId: note.entityId });
  const payment = supplierPaymentOp({ number: 'C1SP-2026-000001', supplierId, amountPaise: 50_000, mode: 'cheque' });
  const paymentEntry = payableOp(supplierId, -50_000, 'payment', { docId: payment.entityId });
  return { supplierId, ops: [bill, billEntry, note, noteEntry, payment, paymentEntry] };
}

describe('purchase documents sync exactly once', () => {
  it('stores a bill with its line and payment, a debit note, a supplier payment and the payable entries; pushing again doubles nothing', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const c1 = counters[0]!.api;
    const { supplierId, ops } = buyingDay();
    const first = await c1.sync.push(pushOf(ops));
    expect(first.results.map((result) => result.status)).toEqual(ops.map(() => 'applied'));
    const again = await c1.sync.push(pushOf([...ops].reverse()));
    expect(again.results.map((result) => result.status)).toEqual(ops.map(() => 'duplicate'));
    // The same documents under new op ids (a counter that lost its acknowledgements) are duplicates too.
    const resent = await c1.sync.push(pushOf(ops.map((op) => ({ ...op, opId: randomUUID() }))));
    expect(resent.results.map((result) => result.status)).toEqual(ops.map(() => 'duplicate'));

    expect(await scalar(sql`SELECT count(*) AS n FROM purchase_bills`)).toBe(1);
    expect(await scalar(sql`SELECT sum(total_paise) AS n FROM purchase_bills`)).toBe(118_000);
    expect(await scalar(sql`SELECT sum(payable_paise) AS n FROM purchase_bills`)).toBe(100_000);
    expect(await scalar(sql`SELECT count(*) AS n FROM purchase_bill_lines`)).toBe(1);
    expect(await scalar(sql`SELECT sum(amount_paise) AS n FROM purchase_bill_payments`)).toBe(18_000);
    expect(await scalar(sql`SELECT sum(cgst_paise + sgst_paise) AS n FROM debit_notes`)).toBe(1_800);
    expect(await scalar(sql`SELECT count(*) AS n FROM debit_note_lines`)).toBe(1);
    expect(await scalar(sql`SELECT sum(amount_paise) AS n FROM supplier_payments WHERE mode = 'cheque'`)).toBe(50_000);
    // What the shop owes the supplier: 1,000.00 on credit − 118.00 returned − 500.00 paid.
    expect(await scalar(sql`SELECT sum(amount_paise) AS n FROM payable_entries WHERE party_id = ${supplierId}`)).toBe(
      38_200,
    );
  });

  it('a new op id reusing a purchase bill id with other figures is ENTITY_CONTENT_CHANGED; the stored bill keeps its line and payment', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const bill = purchaseBillOp({
      number: 'C1PB-2026-000001',
      taxablePaise: 100_000,
      igstPaise: 18_000,
      paidPaise: 5_000,
    });
    await counters[0]!.api.sync.push(pushOf([bill]));
    const forged = purchaseBillOp({
      id: bill.entityId,
      number: 'C1PB-2026-000001',
      taxablePaise: 900_000,
      paidPaise: 7_000,
    });
    const result = await counters[0]!.api.sync.push(pushOf([forged]));
    expect(result.results[0]).toMatchObject({ status: 'rejected', code: 'ENTITY_CONTENT_CHANGED' });
    expect(result.results[0]!.reason).toContain('purchase bill');
    expect(await scalar(sql`SELECT sum(taxable_paise) AS n FROM purchase_bills`)).toBe(100_000);
    expect(await scalar(sql`SELECT count(*) AS n FROM purchase_bill_lines`)).toBe(1);
    expect(await scalar(sql`SELECT sum(amount_paise) AS n FROM purchase_bill_payments`)).toBe(5_000);
  });

  it('rejects only the op that cannot be stored (another counter’s series, a number taken, an id mismatch, a bad payload) and keeps the rest', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in', ['C1', 'C12']);
    const c1 = counters[0]!.api;
    await c1.sync.push(pushOf([purchaseBillOp({ number: 'C1PB-2026-000001', taxablePaise: 10_000 })]));
    const good = purchaseBillOp({ number: 'C1PB-2026-000002', taxablePaise: 20_000 });
    const result = await c1.sync.push(
      pushOf([
        good,
        purchaseBillOp({ number: 'C12PB-2026-000001', taxablePaise: 30_000 }),
        purchaseBillOp({ number: 'C1PB-2026-000001', taxablePaise: 40_000 }),
        { ...purchaseBillOp({ number: 'C1PB-2026-000003', taxablePaise: 50_000 }), entityId: randomUUID() },
        { ...supplierPaymentOp({ number: 'C1SP-2026-000001', supplierId: randomUUID(), amountPaise: 0 }) },
        { ...payableOp(randomUUID(), 500), entityId: randomUUID() },
      ]),
    );
    expect(result.results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['applied', null],
      ['rejected', 'OP_INVALID'],
      ['rejected', 'STORE_FAILED'],
      ['rejected', 'ENTITY_ID_MISMATCH'],
      ['rejected', 'OP_INVALID'],
      ['rejected', 'ENTITY_ID_MISMATCH'],
    ]);
    expect(result.results[1]!.reason).toContain('series C1');
    expect(result.results[4]!.reason).toContain('amountPaise must be above zero');
    expect(await scalar(sql`SELECT sum(taxable_paise) AS n FROM purchase_bills`)).toBe(30_000);
    expect(await scalar(sql`SELECT count(*) AS n FROM supplier_payments`)).toBe(0);
    expect(await scalar(sql`SELECT count(*) AS n FROM payable_entries`)).toBe(0);
  });

  it("serves payable entries to the shop's other counters, never to their own, and never the bills themselves", async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const { ops } = buyingDay();
    await counters[0]!.api.sync.push(pushOf(ops));
    const payableIds = ops.filter((op) => op.entity === 'payable_entry').map((op) => op.entityId);
    const pulled = await counters[1]!.api.sync.pull({ cursor: 0, limit: 100 });
    expect(PULLED_ENTITIES).toContain('payable_entry');
    expect(pulled.changes.map((change) => [change.entity, change.entityId])).toEqual(
      payableIds.map((id) => ['payable_entry', id]),
    );
    expect((await counters[0]!.api.sync.pull({ cursor: 0, limit: 100 })).changes).toEqual([]);
  });
});
