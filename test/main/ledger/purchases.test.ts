// Purchase bills and returns to the supplier on the counter's ledger, through the router as the screen calls them.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { ledgerFingerprint } from '../../support/fingerprint';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { verifyJournal } from '../../../src-main/ledger/journal/service';
import { errorDetails } from '../../../src-main/trpc/errors';
import { debitNotePayload, payableEntryPayload, purchaseBillPayload } from '../../../src-shared/sync/purchase-payloads';
import type { FinalisePurchaseInput } from '../../../src-shared/contracts/purchases';

// 15 Nov 2026, noon in India: financial year 2026-27 opened on 1 April 2026.
const NOW = new Date('2026-11-15T06:30:00Z');
const SUPPLIER_GSTIN_MH = '27AAPFU0939F1ZV';
const SUPPLIER_GSTIN_KA = '29AAPFU0939F1ZR';

let shop: Shop;
let soap: { id: string };
let rice: { id: string };
let supplier: { id: string };

beforeEach(async () => {
  shop = await shopWithStaff({ clock: () => NOW });
  // 10 soaps on hand at ₹40.00; no rice yet.
  soap = await shop.manager.catalogue.create(
    itemInput({ sku: 'SOAP', name: 'Soap', costPaise: 4000, openingStockMilli: 10_000, gstRateBp: 1800, hsn: '3401' }),
  );
  rice = await shop.manager.catalogue.create(
    itemInput({
      sku: 'RICE',
      name: 'Rice',
      unit: 'kg',
      costPaise: 0,
      openingStockMilli: 0,
      gstRateBp: 500,
      hsn: '1006',
    }),
  );
  supplier = await shop.manager.parties.create({ kind: 'supplier', name: 'Pune Wholesale', gstin: SUPPLIER_GSTIN_MH });
});
afterEach(() => shop.t.cleanup());

function billInput(overrides: Partial<FinalisePurchaseInput> = {}): FinalisePurchaseInput {
  return {
    id: randomUUID(),
    supplierId: supplier.id,
    supplierInvoiceNumber: 'PW/1021',
    supplierInvoiceDate: '2026-11-14',
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
    ...overrides,
  };
}

function item(id: string) {
  return shop.t.ledger.sqlite
    .prepare('SELECT stock_milli AS stock, cost_paise AS cost FROM items WHERE id = ?')
    .get(id) as {
    stock: number;
    cost: number;
  };
}

function payable(partyId: string) {
  const { sqlite } = shop.t.ledger;
  return {
    payablePaise: sqlite.prepare('SELECT payable_paise FROM parties WHERE id = ?').pluck().get(partyId) as number,
    entries: sqlite
      .prepare(
        'SELECT id, kind, doc_number AS docNumber, amount_paise AS amountPaise FROM payable_entries WHERE party_id = ? ORDER BY created_at, rowid',
      )
      .all(partyId) as { id: string; kind: string; docNumber: string; amountPaise: number }[],
  };
}

function outboxPayload(entity: string, id: string): unknown {
  const row = shop.t.ledger.sqlite
    .prepare('SELECT payload FROM outbox WHERE entity = ? AND entity_id = ?')
    .get(entity, id) as { payload: string } | undefined;
  return row ? JSON.parse(row.payload) : undefined;
}

async function refusal(run: () => Promise<unknown>): Promise<TRPCError> {
  const outcome = await run().then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(TRPCError);
  return outcome as TRPCError;
}

describe('finalising a supplier’s bill', () => {
  it('a bill on credit with freight and free goods: numbered, stock in, landed average cost, synced as the contract says', async () => {
    const input = billInput({
      freightPaise: 2000,
      lines: [
        // 10 soaps at ₹50.00 + 2 free, 18 %; 25 kg rice at ₹40.00 less ₹20.00, 5 %.
        {
          itemId: soap.id,
          qtyMilli: 10_000,
          freeQtyMilli: 2000,
          ratePaise: 5000,
          discountPaise: 0,
          gstRateBp: 1800,
          cessRateBp: 0,
          hsn: '3401',
        },
        {
          itemId: rice.id,
          qtyMilli: 25_000,
          freeQtyMilli: 0,
          ratePaise: 4000,
          discountPaise: 2000,
          gstRateBp: 500,
          cessRateBp: 0,
          hsn: '1006',
        },
      ],
    });
    const bill = await shop.manager.purchases.finalise(input);
    // Taxable ₹500.00 + ₹980.00; CGST = SGST = ₹45.00 + ₹24.50; freight ₹20.00 split 500 : 980 → ₹6.76 and ₹13.24.
    // ₹500 + ₹90 + ₹6.76 = ₹596.76; ₹980 + ₹49 + ₹13.24 = ₹1,042.24; ₹1,639.00 in all, no round-off.
    expect(bill).toEqual({
      id: input.id,
      number: 'C1PB-2026-000001',
      totalPaise: 163900,
      paidPaise: 0,
      payablePaise: 163900,
      replayed: false,
    });

    // Soap: 10 at ₹40.00 (₹400.00) + 12 landed for ₹506.76 → ₹906.76 / 22 = ₹41.22. Rice: none on hand → ₹993.24 / 25 = ₹39.73.
    expect(item(soap.id)).toEqual({ stock: 22_000, cost: 4122 });
    expect(item(rice.id)).toEqual({ stock: 25_000, cost: 3973 });

    const detail = await shop.cashier.purchases.get({ id: input.id });
    expect(detail.bill).toMatchObject({
      supplierGstin: SUPPLIER_GSTIN_MH,
      supplierStateCode: '27',
      interState: false,
      freightPaise: 2000,
    });
    expect(
      detail.lines.map((line) => [
        line.freightPaise,
        line.landedCostPaise,
        line.unitCostPaise,
        line.returnableQtyMilli,
      ]),
    ).toEqual([
      [676, 50676, 4223, 10_000],
      [1324, 99324, 3973, 25_000],
    ]);
    const moves = shop.t.ledger.sqlite
      .prepare(
        "SELECT item_id AS itemId, qty_milli AS qty FROM stock_movements WHERE reason = 'purchase' AND doc_id = ?",
      )
      .all(input.id);
    expect(moves).toEqual(
      expect.arrayContaining([
        { itemId: soap.id, qty: 12_000 },
        { itemId: rice.id, qty: 25_000 },
      ]),
    );

    const payload = purchaseBillPayload.parse(outboxPayload('purchase_bill', input.id));
    expect(payload.purchaseBill).toMatchObject({
      number: 'C1PB-2026-000001',
      supplierInvoiceNumber: 'PW/1021',
      totalPaise: 163900,
      payablePaise: 163900,
    });
    expect(payload.lines).toHaveLength(2);
    expect(verifyJournal(shop.t.ledger)).toMatchObject({ ok: true });
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
  });

  it('a supplier of another state charges IGST; part paid at once leaves the rest payable', async () => {
    const karnataka = await shop.manager.parties.create({
      kind: 'supplier',
      name: 'Bengaluru Traders',
      gstin: SUPPLIER_GSTIN_KA,
    });
    const input = billInput({
      supplierId: karnataka.id,
      payments: [{ mode: 'upi', amountPaise: 20000, reference: 'UPI-1', chequeDate: null }],
    });
    const bill = await shop.manager.purchases.finalise(input);
    expect(bill).toMatchObject({ totalPaise: 59000, paidPaise: 20000, payablePaise: 39000 });
    const detail = await shop.manager.purchases.get({ id: input.id });
    expect(detail.bill).toMatchObject({ interState: true, supplierStateCode: '29', igstPaise: 9000, cgstPaise: 0 });
    expect(detail.payments).toMatchObject([{ mode: 'upi', amountPaise: 20000, reference: 'UPI-1' }]);
  });

  it('the same bill id twice records it once', async () => {
    const input = billInput();
    const first = await shop.manager.purchases.finalise(input);
    const before = ledgerFingerprint(shop.t.ledger);
    const again = await shop.manager.purchases.finalise(input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
  });

  it('the same supplier bill number again (other case and spaces) is refused, naming our bill, and changes nothing', async () => {
    await shop.manager.purchases.finalise(billInput());
    const before = ledgerFingerprint(shop.t.ledger);
    const error = await refusal(() =>
      shop.manager.purchases.finalise(billInput({ supplierInvoiceNumber: ' pw / 1021' })),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'Bill pw / 1021 of this supplier is already entered: our C1PB-2026-000001 of 15-11-2026.',
    );
    expect(errorDetails(error.cause).map((detail) => detail.path)).toEqual(['supplierInvoiceNumber']);
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
    // Another supplier may well use the same number.
    const other = await shop.manager.parties.create({ kind: 'supplier', name: 'Other', gstin: null });
    await expect(shop.manager.purchases.finalise(billInput({ supplierId: other.id }))).resolves.toMatchObject({
      number: 'C1PB-2026-000002',
    });
  });

  it.each([
    [
      'a bill dated tomorrow',
      { supplierInvoiceDate: '2026-11-16' },
      'supplierInvoiceDate',
      'The bill date cannot be after today.',
    ],
    [
      'a bill of the last financial year',
      { supplierInvoiceDate: '2026-03-31' },
      'supplierInvoiceDate',
      'The bill date is before this financial year began (01-04-2026).',
    ],
    [
      'payments above the bill',
      { payments: [{ mode: 'cash' as const, amountPaise: 59001, reference: '', chequeDate: null }] },
      'payments',
      'The payments (₹590.01) are more than the bill (₹590.00).',
    ],
    [
      'a discount above the line',
      {
        lines: [
          {
            itemId: '',
            qtyMilli: 10_000,
            freeQtyMilli: 0,
            ratePaise: 5000,
            discountPaise: 50_001,
            gstRateBp: 1800,
            cessRateBp: 0,
            hsn: '',
          },
        ],
      },
      'lines.0.discountPaise',
      'Line 1: the discount is more than the line amount.',
    ],
  ])('refuses %s beside the field, changing nothing', async (_, overrides, path, message) => {
    const before = ledgerFingerprint(shop.t.ledger);
    const lines = 'lines' in overrides ? overrides.lines.map((line) => ({ ...line, itemId: soap.id })) : undefined;
    const error = await refusal(() =>
      shop.manager.purchases.finalise(billInput({ ...overrides, ...(lines ? { lines } : {}) })),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message });
    expect(errorDetails(error.cause).map((detail) => detail.path)).toEqual([path]);
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
  });

  it('refuses a customer as the supplier, and a bill from a cashier', async () => {
    const customer = await shop.cashier.parties.create({ name: 'A customer' });
    const before = ledgerFingerprint(shop.t.ledger);
    const notSupplier = await refusal(() => shop.manager.purchases.finalise(billInput({ supplierId: customer.id })));
    expect(notSupplier).toMatchObject({ code: 'BAD_REQUEST', message: 'Choose a supplier from the list.' });
    const cashier = await refusal(() => shop.cashier.purchases.finalise(billInput()));
    expect(cashier.code).toBe('FORBIDDEN');
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
  });

  it('a recorded bill cannot be edited or deleted in the file', async () => {
    const input = billInput();
    await shop.manager.purchases.finalise(input);
    const { sqlite } = shop.t.ledger;
    expect(() => sqlite.prepare('UPDATE purchase_bills SET total_paise = 1 WHERE id = ?').run(input.id)).toThrow(
      'purchase bills cannot be changed',
    );
    expect(() => sqlite.prepare('DELETE FROM purchase_bill_lines WHERE purchase_bill_id = ?').run(input.id)).toThrow(
      'cannot be deleted',
    );
  });

  it('reverse charge: the tax is worked out and kept on the bill, the supplier is owed the bill without it', async () => {
    const unregistered = await shop.manager.parties.create({
      kind: 'supplier',
      name: 'Local farmer',
      gstin: null,
      stateCode: '27',
    });
    const input = billInput({ supplierId: unregistered.id, reverseCharge: true });
    const bill = await shop.manager.purchases.finalise(input);
    expect(bill.totalPaise).toBe(50000);
    const detail = await shop.manager.purchases.get({ id: input.id });
    expect(detail.bill).toMatchObject({ reverseCharge: true, cgstPaise: 4500, sgstPaise: 4500, totalPaise: 50000 });
    expect(checkLedgerInvariants(shop.t.ledger).ok).toBe(true);
  });
});

describe('returning goods to the supplier (debit note)', () => {
  it('partial returns up to what is left on each line: stock out at the bill cost, numbered, synced, exact to the paisa', async () => {
    const input = billInput({
      lines: [
        {
          itemId: rice.id,
          qtyMilli: 3000,
          freeQtyMilli: 0,
          ratePaise: 3333,
          discountPaise: 0,
          gstRateBp: 500,
          cessRateBp: 0,
          hsn: '1006',
        },
      ],
    });
    await shop.manager.purchases.finalise(input);
    const [line] = (await shop.manager.purchases.get({ id: input.id })).lines;
    // 3 kg at ₹33.33: taxable ₹99.99, CGST = SGST = ₹2.50 (2.49975 rounded), landed ₹33.33 a kg.
    expect(item(rice.id)).toEqual({ stock: 3000, cost: 3333 });

    const first = await shop.manager.purchases.returnToSupplier({
      id: randomUUID(),
      purchaseBillId: input.id,
      lines: [{ purchaseBillLineId: line!.id, qtyMilli: 1000 }],
      reason: 'damp',
    });
    expect(first).toMatchObject({ number: 'C1DN-2026-000001', totalPaise: 3333 + 83 + 83 });
    expect(item(rice.id)).toEqual({ stock: 2000, cost: 3333 });
    expect(debitNotePayload.parse(outboxPayload('debit_note', first.id)).debitNote).toMatchObject({
      purchaseBillId: input.id,
      taxablePaise: 3333,
    });

    const before = ledgerFingerprint(shop.t.ledger);
    const tooMuch = await refusal(() =>
      shop.manager.purchases.returnToSupplier({
        id: randomUUID(),
        purchaseBillId: input.id,
        lines: [{ purchaseBillLineId: line!.id, qtyMilli: 2001 }],
        reason: '',
      }),
    );
    expect(tooMuch).toMatchObject({ code: 'BAD_REQUEST', message: 'Only 2 of this line can still be returned.' });
    expect(errorDetails(tooMuch.cause).map((detail) => detail.path)).toEqual(['lines.0.qtyMilli']);
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);

    const rest = await shop.manager.purchases.returnToSupplier({
      id: randomUUID(),
      purchaseBillId: input.id,
      lines: [{ purchaseBillLineId: line!.id, qtyMilli: 2000 }],
      reason: '',
    });
    // The two notes give back the whole line: ₹99.99 + ₹2.50 + ₹2.50 = ₹104.99.
    expect(first.totalPaise + rest.totalPaise).toBe(10499);
    const detail = await shop.manager.purchases.get({ id: input.id });
    expect(detail.lines[0]).toMatchObject({ returnedQtyMilli: 3000, returnableQtyMilli: 0 });
    expect(detail.debitNotes.map((note) => note.number)).toEqual(['C1DN-2026-000001', 'C1DN-2026-000002']);
    // Nothing left on the shelf: the average is the bill's landed unit cost.
    expect(item(rice.id)).toEqual({ stock: 0, cost: 3333 });
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
  });

  it('a return lowers the average by the bill cost taken out, never below zero', async () => {
    // 10 soaps at ₹40.00 on hand; 10 more at ₹50.00 (no tax): average ₹45.00. Return 10 at ₹50.00: ₹400.00 left, ₹40.00.
    const input = billInput({
      lines: [
        {
          itemId: soap.id,
          qtyMilli: 10_000,
          freeQtyMilli: 0,
          ratePaise: 5000,
          discountPaise: 0,
          gstRateBp: 0,
          cessRateBp: 0,
          hsn: '',
        },
      ],
    });
    await shop.manager.purchases.finalise(input);
    expect(item(soap.id)).toEqual({ stock: 20_000, cost: 4500 });
    const [line] = (await shop.manager.purchases.get({ id: input.id })).lines;
    await shop.manager.purchases.returnToSupplier({
      id: randomUUID(),
      purchaseBillId: input.id,
      lines: [{ purchaseBillLineId: line!.id, qtyMilli: 10_000 }],
      reason: '',
    });
    expect(item(soap.id)).toEqual({ stock: 10_000, cost: 4000 });
  });

  it('a line of another bill, and the same return id twice', async () => {
    const a = billInput();
    await shop.manager.purchases.finalise(a);
    const b = billInput({ supplierInvoiceNumber: 'PW/1022' });
    await shop.manager.purchases.finalise(b);
    const lineOfB = (await shop.manager.purchases.get({ id: b.id })).lines[0]!;
    const wrong = await refusal(() =>
      shop.manager.purchases.returnToSupplier({
        id: randomUUID(),
        purchaseBillId: a.id,
        lines: [{ purchaseBillLineId: lineOfB.id, qtyMilli: 1000 }],
        reason: '',
      }),
    );
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST', message: 'This line is not on the purchase bill.' });
    const id = randomUUID();
    const once = await shop.manager.purchases.returnToSupplier({
      id,
      purchaseBillId: b.id,
      lines: [{ purchaseBillLineId: lineOfB.id, qtyMilli: 1000 }],
      reason: '',
    });
    const twice = await shop.manager.purchases.returnToSupplier({
      id,
      purchaseBillId: b.id,
      lines: [{ purchaseBillLineId: lineOfB.id, qtyMilli: 1000 }],
      reason: '',
    });
    expect(twice).toEqual({ ...once, replayed: true });
    expect(item(soap.id).stock).toBe(29_000);
  });
});

describe('listing purchase bills', () => {
  it('by supplier bill number (any case or spacing), our number, or supplier', async () => {
    const a = billInput();
    await shop.manager.purchases.finalise(a);
    await shop.manager.purchases.finalise(billInput({ supplierInvoiceNumber: 'X-9' }));
    expect((await shop.cashier.purchases.list({ search: 'pw / 1021' })).rows.map((row) => row.id)).toEqual([a.id]);
    expect((await shop.cashier.purchases.list({ search: 'PB-2026-000002' })).total).toBe(1);
    expect(
      (await shop.cashier.purchases.list({ supplierId: supplier.id, from: '2026-11-15', to: '2026-11-15' })).total,
    ).toBe(2);
    expect((await shop.cashier.purchases.list({ from: '2026-11-16' })).total).toBe(0);
  });
});

describe('what is owed the supplier', () => {
  it('the unpaid part of a bill goes on the payable; a debit note lowers it by its total, past zero if need be', async () => {
    const input = billInput({ payments: [{ mode: 'cash', amountPaise: 50_000, reference: '', chequeDate: null }] });
    await shop.manager.purchases.finalise(input);
    // ₹590.00 bill, ₹500.00 paid at once: ₹90.00 owed.
    expect(payable(supplier.id)).toMatchObject({
      payablePaise: 9000,
      entries: [{ kind: 'purchase', docNumber: 'C1PB-2026-000001', amountPaise: 9000 }],
    });
    const [entry] = payable(supplier.id).entries;
    expect(payableEntryPayload.parse(outboxPayload('payable_entry', entry!.id))).toMatchObject({
      kind: 'purchase',
      amountPaise: 9000,
    });

    const line = (await shop.manager.purchases.get({ id: input.id })).lines[0]!;
    // 2 of 10 soaps back: ₹100.00 + ₹18.00 tax = ₹118.00, ₹28.00 more than was still owed: the supplier owes the shop.
    const note = await shop.manager.purchases.returnToSupplier({
      id: randomUUID(),
      purchaseBillId: input.id,
      lines: [{ purchaseBillLineId: line.id, qtyMilli: 2000 }],
      reason: 'expired',
    });
    expect(note.totalPaise).toBe(11800);
    expect(payable(supplier.id)).toMatchObject({ payablePaise: -2800 });
    expect(payable(supplier.id).entries.at(-1)).toMatchObject({
      kind: 'debit_note',
      docNumber: 'C1DN-2026-000001',
      amountPaise: -11800,
    });
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
  });

  it('a bill paid in full at once leaves the payable as it was', async () => {
    await shop.manager.purchases.finalise(
      billInput({ payments: [{ mode: 'bank', amountPaise: 59_000, reference: 'NEFT 42', chequeDate: null }] }),
    );
    expect(payable(supplier.id)).toEqual({ payablePaise: 0, entries: [] });
  });
});

describe('receiving a purchase order', () => {
  it('the bill receives the order’s goods in the same transaction; an order to another supplier is refused', async () => {
    const orderId = randomUUID();
    await shop.manager.purchaseOrders.create({
      id: orderId,
      supplierId: supplier.id,
      lines: [{ itemId: soap.id, qtyMilli: 20_000, expectedRatePaise: 5000 }],
    });
    await shop.manager.purchases.finalise(billInput({ purchaseOrderId: orderId }));
    expect((await shop.manager.purchaseOrders.get({ id: orderId })).order.state).toBe('partly_received');

    const other = await shop.manager.parties.create({ kind: 'supplier', name: 'Someone else', gstin: null });
    const before = ledgerFingerprint(shop.t.ledger);
    const error = await refusal(() =>
      shop.manager.purchases.finalise(billInput({ supplierId: other.id, purchaseOrderId: orderId })),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'This purchase order is to another supplier.' });
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);

    await shop.manager.purchases.finalise(billInput({ supplierInvoiceNumber: 'PW/1030', purchaseOrderId: orderId }));
    expect((await shop.manager.purchaseOrders.get({ id: orderId })).order.state).toBe('received');
  });
});

describe('cost at the time of each sale', () => {
  it('a sale keeps the average cost of its day; a sale below the new cost warns and still goes through', async () => {
    // Soap sells at ₹59.00 with 18 % inside: ₹50.00 taxable, above its ₹40.00 cost.
    const first = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: soap.id, qtyMilli: 1000 }],
      payments: [{ mode: 'cash', amountPaise: 5900 }],
    });
    expect(first.warnings).toEqual([]);
    // 9 on hand at ₹40.00 and 10 more at ₹70.00: (₹360.00 + ₹700.00) / 19 = ₹55.79.
    await shop.manager.purchases.finalise(
      billInput({
        lines: [
          {
            itemId: soap.id,
            qtyMilli: 10_000,
            freeQtyMilli: 0,
            ratePaise: 7000,
            discountPaise: 0,
            gstRateBp: 1800,
            cessRateBp: 0,
            hsn: '',
          },
        ],
      }),
    );
    expect(item(soap.id).cost).toBe(5579);
    const second = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: soap.id, qtyMilli: 1000 }],
      payments: [{ mode: 'cash', amountPaise: 5900 }],
    });
    expect(second.warnings).toEqual([
      { kind: 'below-cost', lineNo: 1, itemId: soap.id, name: 'Soap', unitCostPaise: 5579, taxablePaise: 5000 },
    ]);
    expect([first.lines[0]!.unitCostPaise, second.lines[0]!.unitCostPaise]).toEqual([4000, 5579]);
    // The item-profit report reckons each sale at its own day's cost: ₹40.00 + ₹55.79, not 2 × ₹55.79.
    const report = await shop.manager.reports.items({ from: '2026-11-15', to: '2026-11-15' });
    expect(report.rows.find((row) => row.itemId === soap.id)).toMatchObject({
      qtyMilli: 2000,
      taxablePaise: 10_000,
      costPaise: 9579,
    });
  });
});
