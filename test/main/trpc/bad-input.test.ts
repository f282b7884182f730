// Bad input to every procedure of the counter's router: a clear error code and message, and not a byte of the ledger changed.
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../../src-main/trpc/app-router';
import { itemInput, shopWithStaff, type Caller, type Shop } from '../../support/ledger';
import { ledgerFingerprint } from '../../support/fingerprint';
import { errorDetails } from '../../../src-main/trpc/errors';
import { GST_RATES_BP } from '../../../src-shared/gst/rates';
import { shopBusinessDate } from '../../../src-shared/shop-time';
import { financialYearOpened } from '../../../src-shared/contracts/purchases';

const EXPECTED_CODES = ['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHORIZED'];
/** Where a wrong PIN or an unknown member of staff is the bad input, UNAUTHORIZED is the right answer. */
const PIN_CHECKS = new Set(['staff.login']);
const procedures = Object.keys(appRouter._def.procedures).sort();

/** Inputs that are wrong in every way a form, a script or a broken client could be. */
const badValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    0,
    -1,
    -1e15,
    1e300,
    Number.NaN,
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
    '',
    ' ',
    'x'.repeat(100_000),
    '\u0000',
    '🙂💥',
    'नमस्ते',
    '<script>',
    "'; DROP TABLE invoices; --",
    [],
    {},
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);
const badInput = fc.oneof(
  badValue,
  fc.dictionary(
    fc.constantFrom(
      'id',
      'itemId',
      'partyId',
      'lines',
      'payments',
      'qtyMilli',
      'amountPaise',
      'pin',
      'staffId',
      'key',
      'value',
      'csv',
      'name',
      'from',
      'to',
      'code',
      'query',
      'limit',
    ),
    badValue,
    { maxKeys: 6 },
  ),
  fc.anything({ maxDepth: 3 }),
);

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

let shop: Shop;
/** What the wrong-but-well-typed inputs refer to: a ₹59 item, a customer, and a bill of one piece of it on khata. */
const known = {
  itemId: '',
  partyId: '',
  invoiceId: '',
  invoiceLineId: '',
  supplierId: '',
  purchaseBillId: '',
  purchaseBillLineId: '',
  /** What the shop owes the supplier for that bill. */
  supplierOwedPaise: 0,
};
beforeAll(async () => {
  shop = await shopWithStaff();
  const item = await shop.manager.catalogue.create(itemInput({ barcodes: ['8901030865275'] }));
  const party = await shop.cashier.parties.create({ name: 'Existing customer', openingBalancePaise: 1000 });
  const sale = await shop.cashier.sales.finalize({
    id: crypto.randomUUID(),
    partyId: party.id,
    lines: [{ itemId: item.id, qtyMilli: 1000 }],
    payments: [{ mode: 'khata', amountPaise: 5900 }],
  });
  // A supplier's bill of 10 of the item, to return against.
  const supplier = await shop.manager.parties.create({ kind: 'supplier', name: 'Existing supplier', gstin: null });
  const bill = await shop.manager.purchases.finalise({
    id: crypto.randomUUID(),
    supplierId: supplier.id,
    supplierInvoiceNumber: 'S-1',
    supplierInvoiceDate: shopBusinessDate(new Date()),
    lines: [{ itemId: item.id, qtyMilli: 10_000, ratePaise: 4000, gstRateBp: 1800 }],
  });
  const billLine = (await shop.manager.purchases.get({ id: bill.id })).lines[0]!;
  Object.assign(known, {
    supplierId: supplier.id,
    supplierOwedPaise: (await shop.manager.parties.get({ id: supplier.id })).payablePaise,
    purchaseBillId: bill.id,
    purchaseBillLineId: billLine.id,
    itemId: item.id,
    partyId: party.id,
    invoiceId: sale.invoice.id,
    invoiceLineId: sale.lines[0]!.id,
  });
});
afterAll(() => shop?.t.cleanup());

describe('bad input to every procedure', () => {
  it('the router has the procedures of every ledger area', () => {
    const areas = new Set(procedures.map((path) => path.split('.')[0]));
    expect([...areas].sort()).toEqual(
      expect.arrayContaining([
        'cashSessions',
        'catalogue',
        'journal',
        'khata',
        'parties',
        'payables',
        'payments',
        'purchases',
        'returns',
        'sales',
        'settings',
        'staff',
        'stock',
      ]),
    );
  });

  it.each(procedures)('%s answers bad input with a clear code and changes nothing', async (path) => {
    await fc.assert(
      fc.asyncProperty(badInput, async (input) => {
        const before = ledgerFingerprint(shop.t.ledger);
        try {
          // A fresh session each call: a fuzzed staff.logout must not turn the rest into "not logged in" checks.
          await call(shop.t.as(shop.ids.owner), path, input);
        } catch (error) {
          /* eslint-disable assertions/no-conditional-expect -- a fuzzed input may happen to be valid; these check how a refusal looks, and the wrong-but-well-typed inputs that must be refused are asserted unconditionally below ("wrong but well-typed input is refused") */
          expect(error).toBeInstanceOf(TRPCError);
          const { code, message } = error as TRPCError;
          expect(EXPECTED_CODES, `${path} gave ${code}: ${message}`).toContain(code);
          if (!PIN_CHECKS.has(path))
            expect(code, `${path} treated the owner as logged out: ${message}`).not.toBe('UNAUTHORIZED');
          expect(message.length).toBeGreaterThan(0);
          expect(message.length).toBeLessThan(2000);
          expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
          /* eslint-enable assertions/no-conditional-expect */
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a caller who has not logged in is refused by every procedure except login and set-up', async () => {
    const anonymous = shop.t.as(null);
    // ledgerHealth.status comes before any login: a damaged ledger file opens on the recovery screen instead.
    const open = new Set([
      'staff.loginOptions',
      'staff.login',
      'staff.setupOwner',
      'staff.logout',
      'ledgerHealth.status',
    ]);
    for (const path of procedures.filter((name) => !open.has(name))) {
      await expect(call(anonymous, path, {}), path).rejects.toMatchObject({
        code: expect.stringMatching(/UNAUTHORIZED|BAD_REQUEST/),
      });
    }
  });

  it('says what is wrong in shop language, and names the field in the details for the form', async () => {
    const badGstin = await shop.owner.parties.create({ name: 'Bad GSTIN', gstin: '27AAPFU0939F1ZX' } as never).then(
      () => null,
      (error: unknown) => error as TRPCError,
    );
    expect(badGstin).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This GSTIN is not valid. Check its 15 characters.',
    });
    expect(errorDetails(badGstin?.cause)).toEqual([
      { path: 'gstin', message: 'This GSTIN is not valid. Check its 15 characters.', shop: { key: 'gstinInvalid' } },
    ]);
    const noLines = await shop.owner.sales.finalize({ id: 'nope', lines: [], payments: [] } as never).then(
      () => null,
      (error: unknown) => error as TRPCError,
    );
    expect(noLines?.message).toBe('Choose one from the list.');
    expect(errorDetails(noLines?.cause).map((detail) => detail.path)).toEqual(['id', 'lines']);
  });

  it("never shows zod's developer text, field paths or storage units to the cashier", async () => {
    for (const [path, input] of [
      ['stock.adjust', { itemId: crypto.randomUUID(), deltaMilli: 2_000_000_000, reason: 'adjustment', note: 'x' }],
      ['settings.set', { key: 'shop', value: { name: 'Shop', stateCode: '27', gstin: '27AAPFU0939F1ZX' } }],
      ['catalogue.list', { limit: 100_000 }],
      ['sales.finalize', { id: crypto.randomUUID(), lines: 'x', payments: [] }],
    ] as const) {
      const error = (await call(shop.t.as(shop.ids.owner), path, input).catch(
        (failure: unknown) => failure,
      )) as TRPCError;
      expect(error.code, path).toBe('BAD_REQUEST');
      expect(error.message, path).not.toMatch(
        /Invalid input|expected|Too big|Too small|Milli|\(bp\)|\bbp\b|value\.|<=/,
      );
    }
  });
});

/** The refusal a call ends in; a call that succeeds fails the test here, whatever the input. */
async function refusalOf(path: string, input: unknown): Promise<TRPCError> {
  const outcome = await call(shop.t.as(shop.ids.owner), path, input).then(
    (result) => ({ accepted: result }),
    (error: unknown) => ({ refused: error }),
  );
  expect(outcome, `${path} accepted ${JSON.stringify(input)}`).toHaveProperty('refused');
  const error = (outcome as { refused: unknown }).refused;
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const uuid = fc.uuid({ version: 4 });
/** Read when a value is generated, after beforeAll has made the item, the customer and the bill. */
const knownId = (key: keyof typeof known) => fc.constant(null).map(() => known[key]);
const oneKnownPiece = () => knownId('itemId').map((itemId) => [{ itemId, qtyMilli: 1000 }]);
/** Zero and every negative amount a form could send. */
const notAboveZero = fc.oneof(fc.constant(0), fc.integer({ min: -1_000_000_000_00, max: -1 }));
const below = (max: number) => fc.integer({ min: -1_000_000_000, max });
const day = fc
  .date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);
/** Dates a calendar does not have: the 30th of February, the 31st of April, month 13, day 0. */
const noSuchDay = fc.constantFrom('2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-06-00');

/**
 * Inputs of the right shape and types that are still wrong: the refusal must name the field (or say what is wrong)
 * and change nothing. Each case is one rule of the shop, stated as the field it concerns and the input that breaks it.
 */
const WRONG_BUT_WELL_TYPED: {
  rule: string;
  path: string;
  input: fc.Arbitrary<unknown>;
  refusal: { field: string } | { message: RegExp };
}[] = [
  {
    rule: 'a khata payment is above ₹0',
    path: 'khata.receivePayment',
    input: fc.record({
      id: uuid,
      partyId: knownId('partyId'),
      amountPaise: notAboveZero,
      mode: fc.constantFrom('cash', 'upi', 'card'),
    }),
    refusal: { field: 'amountPaise' },
  },
  {
    rule: 'a payment to a supplier is above ₹0',
    path: 'payables.pay',
    input: fc.record({
      id: uuid,
      supplierId: knownId('supplierId'),
      amountPaise: notAboveZero,
      mode: fc.constantFrom('cash', 'upi', 'bank'),
    }),
    refusal: { field: 'amountPaise' },
  },
  {
    rule: 'a supplier is paid no more than the shop owes them',
    path: 'payables.pay',
    input: fc.record({
      id: uuid,
      supplierId: knownId('supplierId'),
      amountPaise: fc.integer({ min: 1, max: 1_000_000_000 }).map((over) => known.supplierOwedPaise + over),
      mode: fc.constantFrom('upi', 'bank'),
    }),
    refusal: { field: 'amountPaise' },
  },
  {
    rule: 'a cheque to a supplier carries its number and its date',
    path: 'payables.pay',
    input: fc.record({
      id: uuid,
      supplierId: knownId('supplierId'),
      amountPaise: fc.integer({ min: 1, max: 10_000 }),
      mode: fc.constant('cheque'),
      reference: fc.constantFrom('', '004711'),
      chequeDate: fc.constant(null),
    }),
    refusal: { field: 'reference' },
  },
  {
    rule: 'cash put in or taken out of the drawer is above ₹0',
    path: 'cashSessions.cashMovement',
    input: fc.record({ kind: fc.constantFrom('in', 'out'), amountPaise: notAboveZero, reason: fc.constant('float') }),
    refusal: { field: 'amountPaise' },
  },
  {
    rule: 'a bill line sells more than nothing',
    path: 'sales.finalize',
    input: fc.record({
      id: uuid,
      lines: below(0).map((qtyMilli) => [{ itemId: known.itemId, qtyMilli }]),
      payments: fc.constant([{ mode: 'cash', amountPaise: 5900 }]),
    }),
    refusal: { field: 'lines.0.qtyMilli' },
  },
  {
    rule: 'no payment on a bill is negative',
    path: 'sales.finalize',
    input: fc.record({
      id: uuid,
      lines: oneKnownPiece(),
      payments: fc.integer({ min: -1_000_000, max: -1 }).map((amountPaise) => [
        { mode: 'upi', amountPaise },
        { mode: 'cash', amountPaise: 5900 - amountPaise },
      ]),
    }),
    refusal: { field: 'payments.0.amountPaise' },
  },
  {
    rule: 'the payments cover the bill',
    path: 'sales.finalize',
    input: fc.record({
      id: uuid,
      lines: oneKnownPiece(),
      payments: fc
        .tuple(fc.constantFrom('cash', 'upi', 'card'), fc.integer({ min: 0, max: 5899 }))
        .map(([mode, amountPaise]) => [{ mode, amountPaise }]),
    }),
    refusal: { message: /short of the bill/ },
  },
  {
    rule: 'only cash is paid over the bill (UPI and card are exact)',
    path: 'sales.finalize',
    input: fc.record({
      id: uuid,
      lines: oneKnownPiece(),
      payments: fc
        .tuple(fc.constantFrom('upi', 'card'), fc.integer({ min: 5901, max: 1_000_000 }))
        .map(([mode, amountPaise]) => [{ mode, amountPaise }]),
    }),
    refusal: { message: /Only cash can be over-paid/ },
  },
  {
    rule: 'a line’s discount is at most the line',
    path: 'sales.finalize',
    input: fc.record({
      id: uuid,
      lines: fc
        .integer({ min: 5901, max: 1_000_000 })
        .map((paise) => [{ itemId: known.itemId, qtyMilli: 1000, discount: { kind: 'amount', paise } }]),
      payments: fc.constant([{ mode: 'cash', amountPaise: 5900 }]),
    }),
    refusal: { message: /discount is more than/ },
  },
  {
    rule: 'a return takes back no more than was sold',
    path: 'returns.create',
    input: fc.record({
      id: uuid,
      invoiceId: knownId('invoiceId'),
      lines: fc
        .integer({ min: 1001, max: 1_000_000_000 })
        .map((qtyMilli) => [{ invoiceLineId: known.invoiceLineId, qtyMilli }]),
      refundMode: fc.constantFrom('cash', 'khata'),
      reason: fc.constant('damaged'),
    }),
    refusal: { message: /can still be returned/ },
  },
  {
    rule: 'a return takes back more than nothing',
    path: 'returns.create',
    input: fc.record({
      id: uuid,
      invoiceId: knownId('invoiceId'),
      lines: below(0).map((qtyMilli) => [{ invoiceLineId: known.invoiceLineId, qtyMilli }]),
      refundMode: fc.constantFrom('cash', 'khata'),
      reason: fc.constant('damaged'),
    }),
    refusal: { field: 'lines.0.qtyMilli' },
  },
  {
    rule: 'a stock change changes the stock',
    path: 'stock.adjust',
    input: fc.record({
      itemId: knownId('itemId'),
      deltaMilli: fc.constant(0),
      reason: fc.constantFrom('purchase', 'adjustment'),
      note: fc.constant('recount'),
    }),
    refusal: { field: 'deltaMilli' },
  },
  {
    rule: 'a shelf count is zero or more',
    path: 'stock.adjust',
    input: fc.record({
      itemId: knownId('itemId'),
      countedMilli: below(-1),
      reason: fc.constant('count'),
      note: fc.constant('recount'),
    }),
    refusal: { field: 'countedMilli' },
  },
  {
    rule: 'an item’s price is not negative',
    path: 'catalogue.create',
    input: fc.integer({ min: -1_000_000_000, max: -1 }).map((pricePaise) => itemInput({ pricePaise })),
    refusal: { field: 'pricePaise' },
  },
  {
    rule: 'an item’s GST rate is one GST has',
    path: 'catalogue.create',
    input: fc
      .integer({ min: -100, max: 10_000 })
      .filter((bp) => !(GST_RATES_BP as readonly number[]).includes(bp))
      .map((gstRateBp) => itemInput({ gstRateBp })),
    refusal: { field: 'gstRateBp' },
  },
  {
    rule: 'a khata statement starts on or before the day it ends',
    path: 'khata.statement',
    input: fc
      .tuple(day, fc.integer({ min: 1, max: 5000 }))
      .map(([from, days]) => ({ partyId: known.partyId, from, to: daysBefore(from, days) })),
    refusal: { field: 'from' },
  },
  {
    rule: 'a report starts on or before the day it ends',
    path: 'reports.sales',
    input: fc
      .tuple(day, fc.integer({ min: 1, max: 5000 }))
      .map(([from, days]) => ({ from, to: daysBefore(from, days) })),
    refusal: { field: 'from' },
  },
  {
    rule: 'a report covers at most three years',
    path: 'reports.sales',
    input: fc
      .tuple(day, fc.integer({ min: 366 * 3 + 1, max: 20_000 }))
      .map(([to, days]) => ({ from: daysBefore(to, days), to })),
    refusal: { field: 'to' },
  },
  {
    rule: 'a report’s days are days the calendar has',
    path: 'reports.sales',
    input: fc.tuple(noSuchDay, day).map(([from, to]) => ({ from, to })),
    refusal: { field: 'from' },
  },
  {
    rule: 'a purchase bill line buys more than nothing',
    path: 'purchases.finalise',
    input: fc.record({
      id: uuid,
      supplierId: knownId('supplierId'),
      supplierInvoiceNumber: fc.constant('Q-1'),
      supplierInvoiceDate: fc.constant(null).map(() => shopBusinessDate(new Date())),
      lines: below(0).map((qtyMilli) => [{ itemId: known.itemId, qtyMilli, ratePaise: 100, gstRateBp: 0 }]),
    }),
    refusal: { field: 'lines.0.qtyMilli' },
  },
  {
    rule: 'a purchase rate is at most ₹10,00,000 a unit',
    path: 'purchases.finalise',
    input: fc.record({
      id: uuid,
      supplierId: knownId('supplierId'),
      supplierInvoiceNumber: fc.constant('Q-2'),
      supplierInvoiceDate: fc.constant(null).map(() => shopBusinessDate(new Date())),
      lines: fc
        .integer({ min: 10_00_000_01, max: 1_000_000_000_00 })
        .map((ratePaise) => [{ itemId: known.itemId, qtyMilli: 1000, ratePaise, gstRateBp: 0 }]),
    }),
    refusal: { field: 'lines.0.ratePaise' },
  },
  {
    rule: 'a supplier’s bill has its number',
    path: 'purchases.finalise',
    input: fc.record({
      id: uuid,
      supplierId: knownId('supplierId'),
      supplierInvoiceNumber: fc.constantFrom('', ' ', '\t  '),
      supplierInvoiceDate: fc.constant(null).map(() => shopBusinessDate(new Date())),
      lines: fc.constant(null).map(() => [{ itemId: known.itemId, qtyMilli: 1000, ratePaise: 100, gstRateBp: 0 }]),
    }),
    refusal: { field: 'supplierInvoiceNumber' },
  },
  {
    rule: 'a supplier’s bill is dated neither after today nor before the financial year opened',
    path: 'purchases.finalise',
    input: fc.record({
      id: uuid,
      supplierId: knownId('supplierId'),
      supplierInvoiceNumber: fc.constant('Q-3'),
      supplierInvoiceDate: fc.oneof(
        fc.integer({ min: 1, max: 20_000 }).map((days) => daysBefore(shopBusinessDate(new Date()), -days)),
        fc
          .integer({ min: 1, max: 20_000 })
          .map((days) => daysBefore(financialYearOpened(shopBusinessDate(new Date())), days)),
      ),
      lines: fc.constant(null).map(() => [{ itemId: known.itemId, qtyMilli: 1000, ratePaise: 100, gstRateBp: 0 }]),
    }),
    refusal: { field: 'supplierInvoiceDate' },
  },
  {
    rule: 'a return to the supplier sends back no more than was bought',
    path: 'purchases.returnToSupplier',
    input: fc.record({
      id: uuid,
      purchaseBillId: knownId('purchaseBillId'),
      lines: fc
        .integer({ min: 10_001, max: 99_999_000 })
        .map((qtyMilli) => [{ purchaseBillLineId: known.purchaseBillLineId, qtyMilli }]),
    }),
    refusal: { field: 'lines.0.qtyMilli' },
  },
];

describe('wrong but well-typed input is refused and changes nothing', () => {
  for (const { rule, path, input, refusal } of WRONG_BUT_WELL_TYPED)
    it(`${path}: ${rule}`, async () => {
      await fc.assert(
        fc.asyncProperty(input, async (wrong) => {
          const before = ledgerFingerprint(shop.t.ledger);
          const error = await refusalOf(path, wrong);
          expect(error.code, error.message).toBe('BAD_REQUEST');
          if ('field' in refusal)
            expect(errorDetails(error.cause).map((detail) => detail.path)).toContain(refusal.field);
          else expect(error.message).toMatch(refusal.message);
          expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
        }),
        { numRuns: 25 },
      );
    });
});
