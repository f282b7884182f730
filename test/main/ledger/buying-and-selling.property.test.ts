// Property: any interleaving of sales (cash and khata), supplier bills (cash and credit), returns both ways (credit
// notes against sales, debit notes against supplier bills, partial) and payments both ways (khata receipts from
// customers, payments to suppliers) on one real ledger keeps every ledger invariant after every step: each item's
// stock is the sum of its movements and the test's own count, each party's receivable and payable are their entries
// and the test's own figures (two suppliers are also customers: both balances, never netted), each average cost is the
// moving average worked by the test and never negative, the drawer is what the test counted, the hash chain verifies.
// Most commands are valid (returns of what is left, payments up to what is owed); the invalid ones (more than is left,
// more than is owed or in the drawer, more paid than billed, a supplier's bill entered twice, a customer as supplier)
// must be refused with every row of the ledger as it was.
//
// Replay a failing run with BUYING_SELLING_SEED=<seed> (printed at the start); BUYING_SELLING_RUNS runs more of them.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateProportionally } from '../../../src-shared/money';
import { computeInvoiceTotals } from '../../../src-shared/sales/totals';
import { purchaseBillTotals } from '../../../src-shared/purchases/totals';
import { averageCostAfterPurchase, averageCostAfterReturn } from '../../../src-shared/purchases/average-cost';
import { shopBusinessDate } from '../../../src-shared/shop-time';
import type { SupplierPaymentMode } from '../../../src-shared/contracts/purchases';
import type { FinalisePurchaseInput } from '../../../src-shared/contracts/purchases';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { itemInput, SHOP_STATE, shopWithStaff, tempLedger, type Shop } from '../../support/ledger';
import { ledgerFingerprint } from '../../support/fingerprint';

const SEED = propertySeed(process.env.BUYING_SELLING_SEED);
const RUNS = Number(process.env.BUYING_SELLING_RUNS ?? 8);
const FLOAT = 100_000;

function propertySeed(fromEnv: string | undefined): number {
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`BUYING_SELLING_SEED must be a whole number, not "${fromEnv}"`);
    return seed;
  }
  const seed = Math.floor(Math.random() * 2 ** 31);
  console.info(`buying and selling: seed ${seed} (replay this run with BUYING_SELLING_SEED=${seed})`);
  return seed;
}

/** A share of what is left or owed, in per cent: above 100 asks for more than there is (refused). */
const share = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 100 }) },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 150 }) },
);

const actionArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      lines: fc.array(fc.record({ item: fc.nat(), units: fc.integer({ min: 1, max: 4 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      party: fc.option(fc.nat(), { nil: null }),
      pay: fc.constantFrom('cash' as const, 'khata' as const, 'split' as const),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('purchase' as const),
      /** One of the suppliers, now and then the customer (who never sold the shop anything: refused as a supplier). */
      party: fc.oneof({ weight: 9, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant('customer' as const) }),
      lines: fc.array(
        fc.record({
          item: fc.nat(),
          units: fc.integer({ min: 1, max: 20 }),
          freeUnits: fc.oneof(
            { weight: 3, arbitrary: fc.constant(0) },
            { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
          ),
          ratePaise: fc.integer({ min: 500, max: 9_000 }),
          discountPaise: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      freightPaise: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 })),
      /** Reverse charge, tax-inclusive rates, or neither (both at once is refused by the form's own check). */
      rates: fc.constantFrom('exclusive' as const, 'inclusive' as const, 'reverse-charge' as const),
      /** Paid at once, in per cent of the bill: 0 on credit, 100 in full, above 100 more than the bill (refused). */
      paidPercent: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.constant(100) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 99 }) },
        { weight: 1, arbitrary: fc.integer({ min: 101, max: 130 }) },
      ),
      mode: fc.constantFrom<SupplierPaymentMode>('cash', 'upi', 'bank', 'cheque'),
      /** Enter again the supplier's number of one of its earlier bills (refused as a duplicate). */
      duplicate: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('creditNote' as const),
      invoice: fc.nat(),
      picks: fc.array(fc.record({ line: fc.nat(), percent: share }), { minLength: 1, maxLength: 3 }),
      toKhata: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('debitNote' as const),
      bill: fc.nat(),
      picks: fc.array(fc.record({ line: fc.nat(), percent: share }), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      /** Mostly one who owes something; now and then anyone (paying more than is due is then refused). */
      party: fc.nat(),
      anyone: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      percent: share,
      cash: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('paySupplier' as const),
      /** Mostly one the shop owes; now and then anyone (the customer, or a supplier owed nothing: refused). */
      party: fc.nat(),
      anyone: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      percent: share,
      mode: fc.constantFrom<SupplierPaymentMode>('cash', 'upi', 'bank', 'cheque'),
    }),
  },
);

type Action = typeof actionArb extends fc.Arbitrary<infer A> ? A : never;

interface ItemModel {
  id: string;
  unit: string;
  pricePaise: number;
  priceIncludesTax: boolean;
  gstRateBp: number;
  cessRateBp: number;
  stock: number;
  cost: number;
}

interface PartyModel {
  id: string;
  kind: 'customer' | 'supplier';
  stateCode: string | null;
  receivable: number;
  payable: number;
}

interface DocLine {
  id: string;
  item: number;
  qty: number;
  returned: number;
  /** A supplier bill line's landed cost per unit (what a debit note takes back at). */
  unitCost: number;
}

interface SaleDoc {
  id: string;
  party: number | null;
  lines: DocLine[];
}

interface BillDoc {
  id: string;
  party: number;
  supplierInvoiceNumber: string;
  lines: DocLine[];
}

/** What the test expects the ledger to hold, worked out on its own as it goes. */
interface Model {
  items: ItemModel[];
  parties: PartyModel[];
  drawer: number;
  documents: number;
  sales: SaleDoc[];
  bills: BillDoc[];
}

async function newShop(): Promise<{ shop: Shop; model: Model }> {
  const shop = await shopWithStaff();
  const specs = [
    {
      sku: 'SOAP',
      unit: 'pcs',
      pricePaise: 5_900,
      priceIncludesTax: true,
      gstRateBp: 1800,
      cessRateBp: 0,
      stock: 20_000,
      cost: 4_000,
    },
    // Sold before it was ever bought: stock goes below zero, the first bill sets the average outright.
    {
      sku: 'RICE',
      unit: 'kg',
      pricePaise: 6_000,
      priceIncludesTax: false,
      gstRateBp: 500,
      cessRateBp: 0,
      stock: 0,
      cost: 0,
    },
    {
      sku: 'COLA',
      unit: 'pcs',
      pricePaise: 4_000,
      priceIncludesTax: false,
      gstRateBp: 2800,
      cessRateBp: 1200,
      stock: 5_000,
      cost: 2_500,
    },
  ] as const;
  const items: ItemModel[] = [];
  for (const spec of specs) {
    const created = await shop.manager.catalogue.create(
      itemInput({
        sku: spec.sku,
        unit: spec.unit,
        pricePaise: spec.pricePaise,
        priceIncludesTax: spec.priceIncludesTax,
        gstRateBp: spec.gstRateBp,
        cessRateBp: spec.cessRateBp,
        openingStockMilli: spec.stock,
        costPaise: spec.cost,
      }),
    );
    items.push({ ...spec, id: created.id });
  }
  const specsOfParties = [
    // A local supplier, unregistered: CGST and SGST, and the shop sells to it on khata as well.
    { kind: 'supplier', name: 'Pune wholesaler', gstin: null, openingBalancePaise: 0 },
    // A registered supplier in Karnataka: IGST both ways; the shop owes it ₹500 from before.
    { kind: 'supplier', name: 'Karnataka trader', gstin: '29AAPFU0939F1ZR', openingBalancePaise: 50_000 },
    // A customer only, with ₹250 on khata from before.
    { kind: 'customer', name: 'Regular customer', gstin: null, openingBalancePaise: 25_000 },
  ] as const;
  const parties: PartyModel[] = [];
  for (const spec of specsOfParties) {
    const created = await shop.manager.parties.create({ ...spec, phone: '' });
    parties.push({
      id: created.id,
      kind: spec.kind,
      stateCode: created.stateCode,
      // A supplier's opening balance is what the shop owes it; a customer's what they owe the shop.
      receivable: spec.kind === 'customer' ? spec.openingBalancePaise : 0,
      payable: spec.kind === 'supplier' ? spec.openingBalancePaise : 0,
    });
  }
  return { shop, model: { items, parties, drawer: FLOAT, documents: 0, sales: [], bills: [] } };
}

/**
 * The shop every run starts from (staff, an open shift, items, parties), made once and closed; each run works on a copy
 * of its file, a fresh real ledger without paying for the set-up (PINs, migrations) again.
 */
let template: { dir: string; ids: Shop['ids']; model: Model };

beforeAll(async () => {
  const { shop, model } = await newShop();
  template = { dir: shop.t.dir, ids: shop.ids, model };
  shop.t.ledger.close();
}, 120_000);
afterAll(() => fs.rmSync(template.dir, { recursive: true, force: true }));

function copyOfTemplate(): { shop: Shop; model: Model } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-test-'));
  for (const name of fs.readdirSync(template.dir)) fs.copyFileSync(path.join(template.dir, name), path.join(dir, name));
  const t = tempLedger({ dir });
  const { ids } = template;
  return {
    shop: { t, ids, owner: t.as(ids.owner), manager: t.as(ids.manager), cashier: t.as(ids.cashier) },
    model: structuredClone(template.model),
  };
}

/**
 * Runs one command. The model says beforehand whether it is refused (with the router's error code) or done (null):
 * a command that should be done must be, and a refused one must change not one row of the ledger.
 */
async function command<T>(shop: Shop, refusal: string | null, call: () => Promise<T>): Promise<T | null> {
  if (refusal === null) return call();
  const before = ledgerFingerprint(shop.t.ledger);
  const outcome = await call().then(
    (done) => ({ done }),
    (error: unknown) => ({ error }),
  );
  expect(outcome).toMatchObject({ error: { code: refusal } });
  expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
  return null;
}

async function sale(shop: Shop, model: Model, action: Extract<Action, { kind: 'sale' }>): Promise<void> {
  const partyIndex = action.party === null ? null : action.party % model.parties.length;
  const party = partyIndex === null ? null : model.parties[partyIndex]!;
  const lines = action.lines.map((line) => ({ item: line.item % model.items.length, qty: line.units * 1000 }));
  const totals = computeInvoiceTotals({
    interState: party !== null && party.stateCode !== null && party.stateCode !== SHOP_STATE,
    roundOff: true,
    billDiscount: null,
    lines: lines.map((line) => ({
      ...model.items[line.item]!,
      qtyMilli: line.qty,
      unitPricePaise: model.items[line.item]!.pricePaise,
      discount: null,
    })),
  });
  const pay = party === null ? 'cash' : action.pay;
  const [khata = 0, cash = 0] =
    pay === 'cash'
      ? [0, totals.totalPaise]
      : pay === 'khata'
        ? [totals.totalPaise, 0]
        : allocateProportionally(totals.totalPaise, [1, 1]);
  const payments = [
    { mode: 'khata' as const, amountPaise: khata },
    { mode: 'cash' as const, amountPaise: cash },
  ].filter((payment) => payment.amountPaise > 0);
  const sold = await shop.manager.sales.finalize({
    id: randomUUID(),
    partyId: party?.id ?? null,
    lines: lines.map((line) => ({ itemId: model.items[line.item]!.id, qtyMilli: line.qty })),
    payments,
  });
  expect(sold.invoice.totalPaise).toBe(totals.totalPaise);
  expect(sold.invoice.khataPaise).toBe(khata);
  for (const line of lines) model.items[line.item]!.stock -= line.qty;
  if (party) party.receivable += khata;
  model.drawer += cash;
  model.documents += 1;
  model.sales.push({
    id: sold.invoice.id,
    party: partyIndex,
    lines: sold.lines.map((line, index) => ({
      id: line.id,
      item: lines[index]!.item,
      qty: line.qtyMilli,
      returned: 0,
      unitCost: 0,
    })),
  });
}

/** The lines picked for a return, each at its share of what is left on it; null when nothing is left on any. */
function picked(lines: DocLine[], picks: { line: number; percent: number }[]) {
  const wanted = new Map<DocLine, number>();
  for (const pick of picks) {
    const line = lines[pick.line % lines.length]!;
    const left = line.qty - line.returned;
    // Whole pieces and whole kilos, so that every return is worth something.
    const units = Math.max(1, Math.floor(((left / 1000) * pick.percent) / 100));
    if (left > 0 && !wanted.has(line)) wanted.set(line, units * 1000);
  }
  return wanted.size ? wanted : null;
}

async function creditNote(shop: Shop, model: Model, action: Extract<Action, { kind: 'creditNote' }>): Promise<void> {
  if (model.sales.length === 0) return;
  const sold = model.sales[action.invoice % model.sales.length]!;
  const wanted = picked(sold.lines, action.picks);
  if (!wanted) return;
  const toKhata = action.toKhata && sold.party !== null;
  const moreThanLeft = [...wanted].some(([line, qty]) => qty > line.qty - line.returned);
  const note = await command(shop, moreThanLeft ? 'BAD_REQUEST' : null, () =>
    shop.manager.returns.create({
      id: randomUUID(),
      invoiceId: sold.id,
      lines: [...wanted].map(([line, qtyMilli]) => ({ invoiceLineId: line.id, qtyMilli })),
      refundMode: toKhata ? 'khata' : 'cash',
      reason: 'customer changed mind',
    }),
  );
  if (!note) return;
  expect(note.creditNote.totalPaise).toBeGreaterThan(0);
  for (const [line, qty] of wanted) {
    line.returned += qty;
    model.items[line.item]!.stock += qty;
  }
  if (toKhata) model.parties[sold.party!]!.receivable -= note.creditNote.totalPaise;
  else model.drawer -= note.creditNote.totalPaise;
  model.documents += 1;
}

async function purchase(shop: Shop, model: Model, action: Extract<Action, { kind: 'purchase' }>): Promise<void> {
  const suppliers = model.parties.flatMap((party, index) => (party.kind === 'supplier' ? [index] : []));
  const partyIndex =
    action.party === 'customer'
      ? model.parties.findIndex((party) => party.kind === 'customer')
      : suppliers[action.party % suppliers.length]!;
  const party = model.parties[partyIndex]!;
  const earlier = model.bills.filter((bill) => bill.party === partyIndex);
  const duplicateOf = action.duplicate !== null && earlier.length ? earlier[action.duplicate % earlier.length]! : null;
  const lines = action.lines.map((line) => {
    const item = model.items[line.item % model.items.length]!;
    const qtyMilli = line.units * 1000;
    return {
      item: line.item % model.items.length,
      input: {
        itemId: item.id,
        qtyMilli,
        freeQtyMilli: line.freeUnits * 1000,
        ratePaise: line.ratePaise,
        // A discount is at most the line's worth (rate × quantity).
        discountPaise: Math.min(line.discountPaise, line.ratePaise * line.units),
        gstRateBp: item.gstRateBp,
        cessRateBp: item.cessRateBp,
        hsn: '',
      },
    };
  });
  const bill: Omit<FinalisePurchaseInput, 'payments'> = {
    id: randomUUID(),
    supplierId: party.id,
    supplierInvoiceNumber: duplicateOf
      ? duplicateOf.supplierInvoiceNumber.toLowerCase()
      : `INV/${model.bills.length + 1}`,
    supplierInvoiceDate: shopBusinessDate(new Date()),
    reverseCharge: action.rates === 'reverse-charge',
    ratesIncludeTax: action.rates === 'inclusive',
    freightPaise: action.freightPaise,
    lines: lines.map((line) => line.input),
  };
  const totals = purchaseBillTotals(bill, {
    shopStateCode: SHOP_STATE,
    supplierStateCode: party.stateCode ?? SHOP_STATE,
  });
  const paidPaise = Math.floor((totals.totalPaise * action.paidPercent) / 100);
  const payments =
    paidPaise === 0
      ? []
      : [
          {
            mode: action.mode,
            amountPaise: paidPaise,
            reference: action.mode === 'cheque' ? '004711' : '',
            chequeDate: action.mode === 'cheque' ? bill.supplierInvoiceDate : null,
          },
        ];
  // A customer as supplier, then the same supplier's bill entered again, then more paid than billed, then more cash
  // paid on the bill than the drawer holds (cash on a bill comes out of the drawer, as a cash supplier payment does).
  const refusal =
    party.kind !== 'supplier'
      ? 'BAD_REQUEST'
      : duplicateOf
        ? 'CONFLICT'
        : paidPaise > totals.totalPaise || (action.mode === 'cash' && paidPaise > model.drawer)
          ? 'BAD_REQUEST'
          : null;
  const done = await command(shop, refusal, () => shop.manager.purchases.finalise({ ...bill, payments }));
  if (!done) return;
  expect(done).toMatchObject({ totalPaise: totals.totalPaise, payablePaise: totals.totalPaise - paidPaise });
  // Each line in turn: the average takes in its landed cost (bought + free quantity), then the stock comes in.
  totals.lines.forEach((figures, index) => {
    const item = model.items[lines[index]!.item]!;
    const received = lines[index]!.input.qtyMilli + lines[index]!.input.freeQtyMilli;
    item.cost = averageCostAfterPurchase(
      { stockMilli: item.stock, costPaise: item.cost },
      received,
      figures.landedCostPaise,
    );
    item.stock += received;
  });
  party.payable += totals.totalPaise - paidPaise;
  if (action.mode === 'cash') model.drawer -= paidPaise;
  model.documents += 1;
  const stored = await shop.manager.purchases.get({ id: done.id });
  model.bills.push({
    id: done.id,
    party: partyIndex,
    supplierInvoiceNumber: bill.supplierInvoiceNumber,
    lines: stored.lines.map((line, index) => ({
      id: line.id,
      item: lines[index]!.item,
      qty: line.qtyMilli,
      returned: 0,
      unitCost: line.unitCostPaise,
    })),
  });
}

async function debitNote(shop: Shop, model: Model, action: Extract<Action, { kind: 'debitNote' }>): Promise<void> {
  if (model.bills.length === 0) return;
  const bill = model.bills[action.bill % model.bills.length]!;
  const wanted = picked(bill.lines, action.picks);
  if (!wanted) return;
  const moreThanLeft = [...wanted].some(([line, qty]) => qty > line.qty - line.returned);
  const note = await command(shop, moreThanLeft ? 'BAD_REQUEST' : null, () =>
    shop.manager.purchases.returnToSupplier({
      id: randomUUID(),
      purchaseBillId: bill.id,
      lines: [...wanted].map(([line, qtyMilli]) => ({ purchaseBillLineId: line.id, qtyMilli })),
      reason: 'damaged in transit',
    }),
  );
  if (!note) return;
  expect(note.totalPaise).toBeGreaterThan(0);
  for (const [line, qty] of wanted) {
    const item = model.items[line.item]!;
    item.cost = averageCostAfterReturn({ stockMilli: item.stock, costPaise: item.cost }, qty, line.unitCost);
    item.stock -= qty;
    line.returned += qty;
  }
  // Past zero too: what the supplier then owes the shop back stays on its payable, below zero.
  model.parties[bill.party]!.payable -= note.totalPaise;
  model.documents += 1;
}

async function receive(shop: Shop, model: Model, action: Extract<Action, { kind: 'receive' }>): Promise<void> {
  const party = choose(model.parties, action, (candidate) => candidate.receivable > 0);
  const due = Math.max(party.receivable, 0);
  const amount = Math.max(1, Math.floor((due * action.percent) / 100));
  // More than is due is an advance the counter must confirm; unconfirmed, it is refused.
  const paid = await command(shop, amount > due ? 'BAD_REQUEST' : null, () =>
    shop.manager.khata.receivePayment({
      id: randomUUID(),
      partyId: party.id,
      amountPaise: amount,
      mode: action.cash ? 'cash' : 'upi',
    }),
  );
  if (!paid) return;
  party.receivable -= amount;
  if (action.cash) model.drawer += amount;
  model.documents += 1;
}

/** A party the predicate fits (any when none does, or when the action asks for anyone). */
function choose(
  parties: PartyModel[],
  action: { party: number; anyone: boolean },
  fits: (party: PartyModel) => boolean,
) {
  const fitting = parties.filter(fits);
  const from = action.anyone || fitting.length === 0 ? parties : fitting;
  return from[action.party % from.length]!;
}

async function paySupplier(shop: Shop, model: Model, action: Extract<Action, { kind: 'paySupplier' }>): Promise<void> {
  const party = choose(model.parties, action, (candidate) => candidate.payable > 0);
  const owed = Math.max(party.payable, 0);
  const amount = Math.max(1, Math.floor((owed * action.percent) / 100));
  // A customer the shop never owed, more than is owed, or cash beyond what is in the drawer: refused.
  const refused = party.kind !== 'supplier' || amount > owed || (action.mode === 'cash' && amount > model.drawer);
  const paid = await command(shop, refused ? 'BAD_REQUEST' : null, () =>
    shop.manager.payables.pay({
      id: randomUUID(),
      supplierId: party.id,
      amountPaise: amount,
      mode: action.mode,
      reference: action.mode === 'cheque' ? '000123' : '',
      chequeDate: action.mode === 'cheque' ? shopBusinessDate(new Date()) : null,
    }),
  );
  if (!paid) return;
  party.payable -= amount;
  if (action.mode === 'cash') model.drawer -= amount;
  model.documents += 1;
}

/** Every invariant the ledger checks itself, then the ledger against the test's own figures. */
async function expectLedgerAsModelled(shop: Shop, model: Model, step: string): Promise<void> {
  const { ledger } = shop.t;
  const report = checkLedgerInvariants(ledger);
  expect(report.problems, step).toEqual([]);
  expect(report, step).toMatchObject({ ok: true, journal: { ok: true, documents: model.documents } });
  const items = ledger.sqlite.prepare('SELECT id, stock_milli AS stock, cost_paise AS cost FROM items').all() as {
    id: string;
    stock: number;
    cost: number;
  }[];
  for (const item of model.items) {
    const row = items.find((candidate) => candidate.id === item.id)!;
    expect({ stock: row.stock, cost: row.cost }, `${step}: item ${item.id}`).toEqual({
      stock: item.stock,
      cost: item.cost,
    });
    expect(row.cost, step).toBeGreaterThanOrEqual(0);
  }
  const parties = ledger.sqlite
    .prepare('SELECT id, balance_paise AS receivable, payable_paise AS payable FROM parties')
    .all() as {
    id: string;
    receivable: number;
    payable: number;
  }[];
  for (const party of model.parties)
    expect(
      parties.find((candidate) => candidate.id === party.id),
      `${step}: party ${party.id}`,
    ).toEqual({
      id: party.id,
      receivable: party.receivable,
      payable: party.payable,
    });
  expect((await shop.manager.cashSessions.current())?.expectedCashPaise, step).toBe(model.drawer);
}

describe('buying and selling under random interleavings', () => {
  it('stock, receivables, payables, average cost, the drawer and the hash chain stay true after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 20, maxLength: 40 }), async (actions) => {
        const { shop, model } = copyOfTemplate();
        try {
          for (const [index, action] of actions.entries()) {
            if (action.kind === 'sale') await sale(shop, model, action);
            else if (action.kind === 'purchase') await purchase(shop, model, action);
            else if (action.kind === 'creditNote') await creditNote(shop, model, action);
            else if (action.kind === 'debitNote') await debitNote(shop, model, action);
            else if (action.kind === 'receive') await receive(shop, model, action);
            else await paySupplier(shop, model, action);
            await expectLedgerAsModelled(shop, model, `step ${index + 1} (${action.kind})`);
          }
          // Through the screens' own reads as well: each party shows both balances, each item its stock and cost.
          for (const party of model.parties)
            expect(await shop.manager.parties.get({ id: party.id })).toMatchObject({
              balancePaise: party.receivable,
              payablePaise: party.payable,
            });
          for (const item of model.items)
            expect(await shop.manager.catalogue.get({ id: item.id })).toMatchObject({
              stockMilli: item.stock,
              costPaise: item.cost,
            });
        } finally {
          shop.t.cleanup();
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 240_000);
});
