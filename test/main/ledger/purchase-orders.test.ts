// Purchase orders: suggested from low stock and sales, numbered per counter, sent, cancelled and received in parts,
// each change of state in the audit log; bad input changes nothing.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { ledgerFingerprint } from '../../support/fingerprint';
import { emulatorPrinter, usePrinter } from '../../support/printing';
import { pdfLines } from '../../support/pdf-text';
import { recordReceipt } from '../../../src-main/ledger/purchase-orders/receive';
import { errorDetails } from '../../../src-main/trpc/errors';
import { shopBusinessDate, shopDate } from '../../../src-shared/shop-time';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

async function shopWithSupplier() {
  shop = await shopWithStaff();
  const supplier = await shop.manager.parties.create({ kind: 'supplier', name: 'Sharma Traders', phone: '9822222222' });
  return supplier;
}

/** A ₹59 soap with 100 on the shelf, reorder level 30, of which `sold` are sold today and `returned` come back. */
async function soapSoldToday(sold: number, returned = 0, overrides: Parameters<typeof itemInput>[0] = {}) {
  const soap = await shop.manager.catalogue.create(
    itemInput({
      name: 'Lifebuoy Soap',
      reorderLevelMilli: 30_000,
      openingStockMilli: 100_000,
      costPaise: 4000,
      ...overrides,
    }),
  );
  const sale = await shop.cashier.sales.finalize({
    id: randomUUID(),
    lines: [{ itemId: soap.id, qtyMilli: sold * 1000 }],
    payments: [{ mode: 'cash', amountPaise: sold * 5900 }],
  });
  if (returned)
    await shop.manager.returns.create({
      id: randomUUID(),
      invoiceId: sale.invoice.id,
      lines: [{ invoiceLineId: sale.lines[0]!.id, qtyMilli: returned * 1000 }],
      refundMode: 'cash',
      reason: 'damaged',
    });
  return soap;
}

function auditOf(subjectId: string) {
  return shop.t.ledger.sqlite
    .prepare('SELECT action, staff_id AS staffId, details FROM audit_log WHERE subject_id = ? ORDER BY seq')
    .all(subjectId)
    .map((row) => {
      const { action, staffId, details } = row as { action: string; staffId: string; details: string };
      return { action, staffId, details: JSON.parse(details) as Record<string, unknown> };
    });
}

async function draftOrder(
  supplierId: string,
  lines: { itemId: string; qtyMilli: number; expectedRatePaise?: number }[],
) {
  return shop.manager.purchaseOrders.create({
    id: randomUUID(),
    supplierId,
    lines: lines.map((line) => ({ expectedRatePaise: 4000, ...line })),
  });
}

describe('purchase order suggestions', () => {
  it('suggests enough of a low-stock item to cover the days chosen at its net daily sales, plus the reorder level, less stock', async () => {
    await shopWithSupplier();
    // 100 on the shelf, 80 sold, 10 of them returned: 30 left, at the reorder level of 30; net sales 70 over 10 days = 7 a day.
    const soap = await soapSoldToday(80, 10);
    const { suggestions } = await shop.cashier.purchaseOrders.suggest({ periodDays: 10, coverDays: 5 });
    expect(suggestions).toEqual([
      expect.objectContaining({
        itemId: soap.id,
        stockMilli: 30_000,
        reorderLevelMilli: 30_000,
        averageDailySalesMilli: 7000,
        onOrderMilli: 0,
        // 7 a day × 5 days + 30 reorder level − 30 in stock = 35
        suggestedQtyMilli: 35_000,
        expectedRatePaise: 4000,
        lastSupplierId: null,
      }),
    ]);
  });

  it('rounds pieces up to whole pieces, leaves out items above their reorder level, and counts what is already on order', async () => {
    const supplier = await shopWithSupplier();
    // 100 − 75 = 25 left under a reorder level of 30; 75 sold over 7 days = 10.715 a day → 10.715 × 3 + 30 − 25 = 37.145 → 38.
    const soap = await soapSoldToday(75);
    await shop.manager.catalogue.create(itemInput({ name: 'Plenty on the shelf', reorderLevelMilli: 10_000 }));
    let { suggestions } = await shop.cashier.purchaseOrders.suggest({ periodDays: 7, coverDays: 3 });
    expect(suggestions.map((row) => [row.name, row.averageDailySalesMilli, row.suggestedQtyMilli])).toEqual([
      ['Lifebuoy Soap', 10_715, 38_000],
    ]);
    await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 30_000 }]);
    ({ suggestions } = await shop.cashier.purchaseOrders.suggest({ periodDays: 7, coverDays: 3 }));
    expect(suggestions[0]).toMatchObject({ onOrderMilli: 30_000, suggestedQtyMilli: 8000 });
    await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 10_000 }]);
    ({ suggestions } = await shop.cashier.purchaseOrders.suggest({ periodDays: 7, coverDays: 3 }));
    expect(suggestions).toEqual([]);
  });

  it('keeps loose goods (kg) to the gram', async () => {
    await shopWithSupplier();
    await soapSoldToday(75, 0, { name: 'Sugar loose', unit: 'kg' });
    const { suggestions } = await shop.cashier.purchaseOrders.suggest({ periodDays: 7, coverDays: 3 });
    expect(suggestions[0]!.suggestedQtyMilli).toBe(37_145);
  });
});

describe('purchase orders', () => {
  it('a draft is numbered in the counter’s own series and its creation is audited', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const first = await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 24_000, expectedRatePaise: 4150 }]);
    const second = await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 1000 }]);
    expect([first.order.number, second.order.number]).toEqual(['PO/C1/0001', 'PO/C1/0002']);
    expect(first.order).toMatchObject({ state: 'draft', supplierName: 'Sharma Traders', expectedTotalPaise: 99_600 });
    expect(first.lines).toEqual([
      expect.objectContaining({
        name: 'Lifebuoy Soap',
        orderedQtyMilli: 24_000,
        receivedQtyMilli: 0,
        leftToReceiveMilli: 24_000,
      }),
    ]);
    expect(auditOf(first.order.id)).toEqual([
      {
        action: 'purchase_order.create',
        staffId: shop.ids.manager,
        details: expect.objectContaining({ number: 'PO/C1/0001', state: 'draft' }),
      },
    ]);
  });

  it('creating the same order twice (a retried click) makes one order', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const input = {
      id: randomUUID(),
      supplierId: supplier.id,
      lines: [{ itemId: soap.id, qtyMilli: 1000, expectedRatePaise: 0 }],
    };
    const first = await shop.manager.purchaseOrders.create(input);
    const again = await shop.manager.purchaseOrders.create(input);
    expect(again).toMatchObject({ replayed: true, order: { number: first.order.number } });
    expect(await shop.cashier.purchaseOrders.list({})).toHaveLength(1);
  });

  it('only a draft is edited; a sent order refuses the edit and stays as the supplier has it', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const order = await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 10_000 }]);
    const edited = await shop.manager.purchaseOrders.update({
      id: order.order.id,
      supplierId: supplier.id,
      note: 'Deliver before Diwali',
      lines: [{ itemId: soap.id, qtyMilli: 12_000, expectedRatePaise: 3900 }],
    });
    expect(edited.order.note).toBe('Deliver before Diwali');
    expect(edited.lines.map((line) => line.orderedQtyMilli)).toEqual([12_000]);
    await shop.manager.purchaseOrders.send({ id: order.order.id, via: 'text' });
    const before = ledgerFingerprint(shop.t.ledger);
    await expect(
      shop.manager.purchaseOrders.update({
        id: order.order.id,
        supplierId: supplier.id,
        note: '',
        lines: [{ itemId: soap.id, qtyMilli: 1000, expectedRatePaise: 0 }],
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Order PO/C1/0001 is no longer a draft; only a draft order can be changed.',
    });
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
  });

  it('sending on the receipt printer queues the order and marks it sent; the print shows the items and quantities', async () => {
    const supplier = await shopWithSupplier();
    await usePrinter(shop, emulatorPrinter(9));
    const soap = await soapSoldToday(1);
    const order = await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 24_000 }]);
    const sent = await shop.manager.purchaseOrders.send({ id: order.order.id, via: 'print' });
    expect(sent.order).toMatchObject({ state: 'sent', sentAt: expect.any(String) });
    const jobs = await shop.cashier.printing.jobs({ docId: order.order.id });
    expect(jobs.jobs).toEqual([
      expect.objectContaining({ id: sent.printJobId, docType: 'purchase_order', docNumber: 'PO/C1/0001' }),
    ]);
    const paper = await shop.cashier.printing.preview({ docType: 'purchase_order', docId: order.order.id });
    expect(paper.join('\n')).toContain('PURCHASE ORDER');
    expect(paper.some((line) => /^1\. Lifebuoy Soap\s+24 pcs$/.test(line))).toBe(true);
    expect(paper.some((line) => line.includes('Sharma Traders'))).toBe(true);
    expect(
      auditOf(order.order.id).map((entry) => [entry.action, entry.details.from, entry.details.to, entry.details.via]),
    ).toEqual([
      ['purchase_order.create', undefined, undefined, undefined],
      ['purchase_order.send', 'draft', 'sent', 'print'],
    ]);
  });

  it('shares as text a shop can paste into WhatsApp: shop name, date dd-mm-yyyy, items and quantities, in English or Hindi', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const sugar = await shop.manager.catalogue.create(itemInput({ name: 'चीनी', unit: 'kg' }));
    const order = await draftOrder(supplier.id, [
      { itemId: soap.id, qtyMilli: 24_000 },
      { itemId: sugar.id, qtyMilli: 12_500 },
    ]);
    await shop.manager.purchaseOrders.send({ id: order.order.id, via: 'text' });
    const { text } = await shop.cashier.purchaseOrders.shareText({ id: order.order.id });
    const today = shopDate(new Date());
    expect(text).toBe(
      [
        '*Purchase order PO/C1/0001*',
        'Galla Kirana',
        `Date: ${today}`,
        'To: Sharma Traders',
        '',
        '1. Lifebuoy Soap - 24 pcs',
        '2. चीनी - 12.5 kg',
        '',
        'Please confirm the order.',
        'Galla Kirana, Phone: 9800000000',
      ].join('\n'),
    );
    expect(today).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    const hindi = await shop.cashier.purchaseOrders.shareText({ id: order.order.id, language: 'hi' });
    expect(hindi.text).toContain('2. चीनी - 12.5 किलो');
    expect(hindi.text).toContain(`दिनांक: ${today}`);
  });

  it('the A4 PDF names the shop, the supplier, the order number and each item with its quantity', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const order = await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 24_000, expectedRatePaise: 4150 }]);
    const { fileName, base64 } = await shop.cashier.purchaseOrders.pdf({ id: order.order.id });
    expect(fileName).toBe('PO-C1-0001.pdf');
    const text = (await pdfLines(Buffer.from(base64, 'base64'))).join('\n');
    expect(text).toContain('PURCHASE ORDER');
    expect(text).toContain('Order No: PO/C1/0001');
    expect(text).toContain('Sharma Traders');
    expect(text).toMatch(/Lifebuoy Soap 24 pcs ₹41.50 ₹996.00/);
  });

  it('cancelling is audited with its reason; a cancelled order cannot be sent, cancelled again or received', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const order = await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 10_000 }]);
    await shop.manager.purchaseOrders.send({ id: order.order.id, via: 'text' });
    const cancelled = await shop.manager.purchaseOrders.cancel({ id: order.order.id, reason: 'Supplier out of stock' });
    expect(cancelled.order).toMatchObject({
      state: 'cancelled',
      cancelReason: 'Supplier out of stock',
      closedAt: expect.any(String),
    });
    expect(auditOf(order.order.id).at(-1)).toMatchObject({
      action: 'purchase_order.cancel',
      details: { from: 'sent', to: 'cancelled', reason: 'Supplier out of stock' },
    });
    const before = ledgerFingerprint(shop.t.ledger);
    await expect(shop.manager.purchaseOrders.send({ id: order.order.id, via: 'print' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(shop.manager.purchaseOrders.cancel({ id: order.order.id, reason: 'again' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(() =>
      shop.t.ledger.transaction(() =>
        recordReceipt(shop.t.ledger, order.order.id, [{ itemId: soap.id, qtyMilli: 1000 }]),
      ),
    ).toThrow('Order PO/C1/0001 is already received or cancelled; goods cannot be received against it.');
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
  });
});

describe('receiving against a purchase order', () => {
  async function sentOrder() {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const rice = await shop.manager.catalogue.create(itemInput({ name: 'Rice', unit: 'kg' }));
    const order = await draftOrder(supplier.id, [
      { itemId: soap.id, qtyMilli: 24_000 },
      { itemId: rice.id, qtyMilli: 50_000 },
    ]);
    await shop.manager.purchaseOrders.send({ id: order.order.id, via: 'text' });
    return { order, soap, rice };
  }

  it('received in two parts: partly received, then received, with what is left to receive after each', async () => {
    const { order, soap, rice } = await sentOrder();
    const ledger = shop.t.ledger;
    const first = ledger.transaction(() =>
      recordReceipt(
        ledger,
        order.order.id,
        [
          { itemId: soap.id, qtyMilli: 24_000 },
          { itemId: rice.id, qtyMilli: 20_000 },
        ],
        {
          staffId: shop.ids.manager,
          purchaseBillId: 'bill-1',
        },
      ),
    );
    expect(first).toEqual({
      purchaseOrderId: order.order.id,
      number: 'PO/C1/0001',
      state: 'partly_received',
      overReceived: [],
      notOnOrder: [],
    });
    const between = await shop.cashier.purchaseOrders.get({ id: order.order.id });
    expect(between.lines.map((line) => line.leftToReceiveMilli)).toEqual([0, 30_000]);
    const second = ledger.transaction(() =>
      recordReceipt(ledger, order.order.id, [{ itemId: rice.id, qtyMilli: 30_000 }]),
    );
    expect(second.state).toBe('received');
    const after = await shop.cashier.purchaseOrders.get({ id: order.order.id });
    expect(after.order).toMatchObject({ state: 'received', closedAt: expect.any(String) });
    expect(after.lines.map((line) => line.receivedQtyMilli)).toEqual([24_000, 50_000]);
    expect(
      auditOf(order.order.id)
        .slice(2)
        .map((entry) => [entry.action, entry.details.from, entry.details.to, entry.details.purchaseBillId]),
    ).toEqual([
      ['purchase_order.receive', 'sent', 'partly_received', 'bill-1'],
      ['purchase_order.receive', 'partly_received', 'received', null],
    ]);
    await expect(shop.manager.purchaseOrders.cancel({ id: order.order.id, reason: 'too late' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Order PO/C1/0001 is already received or cancelled; it cannot be cancelled.',
    });
    expect(() =>
      ledger.transaction(() => recordReceipt(ledger, order.order.id, [{ itemId: rice.id, qtyMilli: 1 }])),
    ).toThrow(/already received or cancelled/);
  });

  it('more than ordered is received and reported, and an item the order never named is reported too', async () => {
    const { order, soap, rice } = await sentOrder();
    const stranger = await shop.manager.catalogue.create(itemInput({ name: 'Not ordered' }));
    const ledger = shop.t.ledger;
    const outcome = ledger.transaction(() =>
      recordReceipt(ledger, order.order.id, [
        { itemId: soap.id, qtyMilli: 30_000 },
        { itemId: rice.id, qtyMilli: 50_000 },
        { itemId: stranger.id, qtyMilli: 1000 },
      ]),
    );
    expect(outcome).toMatchObject({
      state: 'received',
      overReceived: [{ itemId: soap.id, orderedQtyMilli: 24_000, receivedQtyMilli: 30_000 }],
      notOnOrder: [stranger.id],
    });
    const detail = await shop.cashier.purchaseOrders.get({ id: order.order.id });
    expect(detail.lines.map((line) => [line.receivedQtyMilli, line.leftToReceiveMilli])).toEqual([
      [30_000, 0],
      [50_000, 0],
    ]);
  });

  it("moves nothing when the caller's transaction (the purchase bill) rolls back", async () => {
    const { order, soap } = await sentOrder();
    const ledger = shop.t.ledger;
    const before = ledgerFingerprint(ledger);
    expect(() =>
      ledger.transaction(() => {
        recordReceipt(ledger, order.order.id, [{ itemId: soap.id, qtyMilli: 24_000 }]);
        throw new Error('the bill failed after the receipt');
      }),
    ).toThrow('the bill failed');
    expect(ledgerFingerprint(ledger)).toBe(before);
  });
});

describe('bad input to purchase orders changes nothing', () => {
  async function refusal(call: () => Promise<unknown>): Promise<TRPCError> {
    const before = ledgerFingerprint(shop.t.ledger);
    const error = await call().then(
      () => null,
      (failure: unknown) => failure as TRPCError,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
    return error!;
  }

  it('each wrong order is refused with a shop-language message beside its field', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const customer = await shop.cashier.parties.create({ name: 'Meena (customer)' });
    const line = { itemId: soap.id, qtyMilli: 1000, expectedRatePaise: 4000 };
    const cases: [unknown, string, string][] = [
      [{ supplierId: supplier.id, lines: [] }, 'lines', 'Add at least one item to the order.'],
      [
        { supplierId: supplier.id, lines: [{ ...line, qtyMilli: 0 }] },
        'lines.0.qtyMilli',
        'Enter a quantity above zero.',
      ],
      [
        { supplierId: supplier.id, lines: [{ ...line, qtyMilli: -5000 }] },
        'lines.0.qtyMilli',
        'Enter a quantity above zero.',
      ],
      [
        { supplierId: supplier.id, lines: [{ ...line, qtyMilli: 1500.5 }] },
        'lines.0.qtyMilli',
        'Enter a quantity with at most 3 decimals.',
      ],
      [
        { supplierId: supplier.id, lines: [line, line] },
        'lines.1.itemId',
        'This item is already on the order; change its quantity instead.',
      ],
      [
        { supplierId: supplier.id, lines: [{ ...line, expectedRatePaise: 10_00_000_01 }] },
        'lines.0.expectedRatePaise',
        'This rate is too large; check it.',
      ],
      [{ supplierId: 'Sharma', lines: [line] }, 'supplierId', 'Choose a supplier from the list.'],
      [{ supplierId: customer.id, lines: [line] }, 'supplierId', 'Choose a supplier from the list.'],
      [
        { supplierId: supplier.id, lines: [{ ...line, itemId: randomUUID() }] },
        'lines.0.itemId',
        'This item is not in the list.',
      ],
    ];
    for (const [input, field, message] of cases) {
      const error = await refusal(() =>
        shop.manager.purchaseOrders.create({ id: randomUUID(), ...(input as object) } as never),
      );
      expect(error.message, field).toBe(message);
      expect(
        errorDetails(error.cause).map((detail) => detail.path),
        field,
      ).toContain(field);
    }
  });

  it('the suggestion period and cover days are bounded in shop words', async () => {
    await shopWithSupplier();
    expect((await refusal(() => shop.cashier.purchaseOrders.suggest({ periodDays: 0 }))).message).toBe(
      'Choose a period from 1 to 365 days.',
    );
    expect((await refusal(() => shop.cashier.purchaseOrders.suggest({ coverDays: 500 }))).message).toBe(
      'Choose from 1 to 180 days to cover.',
    );
  });

  it('a cashier may look but not order, send or cancel', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const order = await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 1000 }]);
    const line = { itemId: soap.id, qtyMilli: 1000, expectedRatePaise: 0 };
    for (const call of [
      () => shop.cashier.purchaseOrders.create({ id: randomUUID(), supplierId: supplier.id, lines: [line] }),
      () => shop.cashier.purchaseOrders.send({ id: order.order.id, via: 'text' }),
      () => shop.cashier.purchaseOrders.cancel({ id: order.order.id, reason: 'no' }),
    ])
      expect((await refusal(call)).code).toBe('FORBIDDEN');
    expect(await shop.cashier.purchaseOrders.list({})).toHaveLength(1);
  });

  it('sending on the printer when none is set up is refused and the order stays a draft', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const order = await draftOrder(supplier.id, [{ itemId: soap.id, qtyMilli: 1000 }]);
    expect((await refusal(() => shop.manager.purchaseOrders.send({ id: order.order.id, via: 'print' }))).code).toBe(
      'CONFLICT',
    );
    expect((await shop.cashier.purchaseOrders.get({ id: order.order.id })).order.state).toBe('draft');
  });
});

describe('purchase orders with purchase bills', () => {
  const today = () => shopBusinessDate(new Date());
  function bill(
    supplierId: string,
    number: string,
    lines: { itemId: string; qtyMilli: number }[],
    purchaseOrderId?: string,
  ) {
    return shop.manager.purchases.finalise({
      id: randomUUID(),
      supplierId,
      supplierInvoiceNumber: number,
      supplierInvoiceDate: today(),
      reverseCharge: false,
      ratesIncludeTax: false,
      freightPaise: 0,
      payments: [],
      lines: lines.map((line) => ({
        ...line,
        freeQtyMilli: 0,
        ratePaise: 4000,
        discountPaise: 0,
        gstRateBp: 1800,
        cessRateBp: 0,
        hsn: '3401',
      })),
      ...(purchaseOrderId ? { purchaseOrderId } : {}),
    });
  }

  it('an order received in two parts on two supplier bills; a third bill against it is refused and records nothing', async () => {
    const supplier = await shopWithSupplier();
    const soap = await soapSoldToday(1);
    const rice = await shop.manager.catalogue.create(itemInput({ name: 'Rice', unit: 'kg', openingStockMilli: 0 }));
    const order = await draftOrder(supplier.id, [
      { itemId: soap.id, qtyMilli: 24_000 },
      { itemId: rice.id, qtyMilli: 50_000 },
    ]);
    await shop.manager.purchaseOrders.send({ id: order.order.id, via: 'text' });
    await bill(
      supplier.id,
      'ST/1',
      [
        { itemId: soap.id, qtyMilli: 24_000 },
        { itemId: rice.id, qtyMilli: 20_000 },
      ],
      order.order.id,
    );
    let detail = await shop.cashier.purchaseOrders.get({ id: order.order.id });
    expect(detail.order.state).toBe('partly_received');
    expect(detail.lines.map((line) => line.leftToReceiveMilli)).toEqual([0, 30_000]);
    await bill(supplier.id, 'ST/2', [{ itemId: rice.id, qtyMilli: 30_000 }], order.order.id);
    detail = await shop.cashier.purchaseOrders.get({ id: order.order.id });
    expect(detail.order.state).toBe('received');
    expect(detail.lines.map((line) => line.receivedQtyMilli)).toEqual([24_000, 50_000]);
    const before = ledgerFingerprint(shop.t.ledger);
    await expect(
      bill(supplier.id, 'ST/3', [{ itemId: rice.id, qtyMilli: 1000 }], order.order.id),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Order ${order.order.number} is already received or cancelled; goods cannot be received against it.`,
    });
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
  });

  it('suggestions for a supplier are the items last bought from them and the items never bought from anyone', async () => {
    const sharma = await shopWithSupplier();
    const gupta = await shop.manager.parties.create({ kind: 'supplier', name: 'Gupta Agencies' });
    const low = { reorderLevelMilli: 50_000, openingStockMilli: 0 };
    const soap = await shop.manager.catalogue.create(itemInput({ name: 'Soap', ...low }));
    const oil = await shop.manager.catalogue.create(itemInput({ name: 'Oil', ...low }));
    await shop.manager.catalogue.create(itemInput({ name: 'Tea', ...low }));
    // Oil was bought from Sharma first and from Gupta last: Gupta is its supplier now.
    await bill(sharma.id, 'S/1', [
      { itemId: soap.id, qtyMilli: 1000 },
      { itemId: oil.id, qtyMilli: 1000 },
    ]);
    await bill(gupta.id, 'G/1', [{ itemId: oil.id, qtyMilli: 1000 }]);
    const forSharma = await shop.cashier.purchaseOrders.suggest({ supplierId: sharma.id });
    expect(forSharma.suggestions.map((row) => [row.name, row.lastSupplierName])).toEqual([
      ['Soap', 'Sharma Traders'],
      ['Tea', null],
    ]);
    const forGupta = await shop.cashier.purchaseOrders.suggest({ supplierId: gupta.id });
    expect(forGupta.suggestions.map((row) => row.name)).toEqual(['Oil', 'Tea']);
    const everyone = await shop.cashier.purchaseOrders.suggest({});
    expect(everyone.suggestions.map((row) => [row.name, row.lastSupplierId])).toEqual([
      ['Oil', gupta.id],
      ['Soap', sharma.id],
      ['Tea', null],
    ]);
  });
});
