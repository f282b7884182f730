// The buying side from a real counter: a supplier's bill on credit and a part return are recorded through the
// counter's ledger, its sync engine pushes the real outbox ops, and the server stores them once, owes them to the
// supplier, counts their input tax in GSTR-3B and hands the payable entries to the shop's other counter.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { shopBusinessDate } from '../../src-shared/shop-time';
import { asOwner } from '../support/server';
import { itemInput } from '../support/ledger';
import { syncedShop, type SyncedShop } from '../support/sync-shop';

let shop: SyncedShop | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
});

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await asOwner(shop!.server.database, (db) => db.execute(query))) as unknown as {
    rows: { n: number | string | null }[];
  };
  return Number(result.rows[0]!.n ?? 0);
}

describe('purchases recorded at a counter reach the server', () => {
  it('a bill on credit and a part return, pushed by the sync engine: stored once, owed, in GSTR-3B, published for the other counters', async () => {
    shop = await syncedShop(['C1', 'C2']);
    const c1 = shop.counters[0]!;
    const soap = await c1.manager.catalogue.create(
      itemInput({ sku: 'SOAP', name: 'Soap', costPaise: 4000, gstRateBp: 1800, hsn: '3401' }),
    );
    const supplier = await c1.manager.parties.create({
      kind: 'supplier',
      name: 'Bengaluru Wholesale',
      gstin: '29AAPFU0939F1ZR',
    });
    const today = shopBusinessDate(new Date());
    const billId = randomUUID();
    // 10 soaps at ₹50.00 + 18 % IGST (a Karnataka supplier): taxable ₹500.00, IGST ₹90.00, ₹590.00 all on credit.
    const bill = await c1.manager.purchases.finalise({
      id: billId,
      supplierId: supplier.id,
      supplierInvoiceNumber: 'PW/1021',
      supplierInvoiceDate: today,
      reverseCharge: false,
      ratesIncludeTax: false,
      freightPaise: 0,
      payments: [],
      lines: [
        {
          itemId: soap.id,
          qtyMilli: 10_000,
          freeQtyMilli: 0,
          ratePaise: 5000,
          discountPaise: 0,
          gstRateBp: 1800,
          cessRateBp: 0,
          hsn: '3401',
        },
      ],
    });
    expect(bill).toMatchObject({ number: 'C1PB-2026-000001', totalPaise: 59_000, payablePaise: 59_000 });
    const detail = await c1.manager.purchases.get({ id: billId });
    // Two soaps go back: taxable ₹100.00, IGST ₹18.00, ₹118.00 off what is owed.
    const note = await c1.manager.purchases.returnToSupplier({
      id: randomUUID(),
      purchaseBillId: billId,
      lines: [{ purchaseBillLineId: detail.lines[0]!.id, qtyMilli: 2000 }],
      reason: 'damp',
    });
    expect(note.totalPaise).toBe(11_800);
    await c1.engine().syncNow();
    await c1.engine().syncNow();

    expect(await scalar(sql`SELECT count(*) AS n FROM purchase_bills WHERE id = ${billId}`)).toBe(1);
    expect(await scalar(sql`SELECT sum(igst_paise) AS n FROM purchase_bills`)).toBe(9_000);
    expect(await scalar(sql`SELECT count(*) AS n FROM purchase_bill_lines`)).toBe(1);
    expect(await scalar(sql`SELECT sum(total_paise) AS n FROM debit_notes`)).toBe(11_800);
    expect(await scalar(sql`SELECT count(*) AS n FROM debit_note_lines`)).toBe(1);
    expect(await scalar(sql`SELECT sum(amount_paise) AS n FROM payable_entries WHERE party_id = ${supplier.id}`)).toBe(
      59_000 - 11_800,
    );
    expect(
      await scalar(
        sql`SELECT count(*) AS n FROM sync_ops WHERE entity IN ('purchase_bill', 'debit_note') AND status = 'applied'`,
      ),
    ).toBe(2);

    const payables = await shop.owner.reports.payables({ asOf: today });
    expect(payables.suppliers).toMatchObject([
      { name: 'Bengaluru Wholesale', totalPaise: 47_200, d0to30Paise: 47_200 },
    ]);
    const register = await shop.owner.reports.purchases({ from: today, to: today });
    expect(register.rows).toMatchObject([
      { number: 'C1PB-2026-000001', supplierInvoiceNumber: 'PW/1021', totalPaise: 59_000, returnedPaise: 11_800 },
    ]);
    // GSTR-3B of this month: IGST ₹90.00 − ₹18.00 = ₹72.00 as all other ITC.
    const gstr3b = await shop.owner.reports.gstr3b({ month: today.slice(0, 7) });
    expect(gstr3b.json.itc_elg.itc_avl.find((row) => row.ty === 'OTH')).toEqual({
      ty: 'OTH',
      iamt: 72,
      camt: 0,
      samt: 0,
      csamt: 0,
    });

    // Published for the shop's other counters, like khata entries: the second counter pulls the item (before its
    // stock movements, though the bill re-sent it with its new cost), the supplier and what is owed to them.
    expect(await scalar(sql`SELECT count(*) AS n FROM changes WHERE entity = 'payable_entry'`)).toBe(2);
    const c2 = shop.counters[1]!;
    await c2.engine().syncNow();
    expect((await c2.cashier.catalogue.get({ id: soap.id })).stockMilli).toBe(108_000); // 100 opening + 10 bought − 2 returned
    expect((await c2.cashier.parties.get({ id: supplier.id })).payablePaise).toBe(47_200);
    expect((await c2.cashier.payables.summary({})).dueToSuppliersPaise).toBe(47_200);
  });
});
