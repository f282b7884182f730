// Property: after any sequence of sales, returns and khata payments, every ledger invariant holds
// and stock, balances and the drawer match a model kept independently by the test.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProportionally, divRound } from '../../../src-shared/money';
import { computeInvoiceTotals } from '../../../src-shared/sales/totals';
import type { PaymentMode } from '../../../src-shared/contracts/sales';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { itemInput, shopWithStaff } from '../../support/ledger';

const OPENING_STOCK = 100_000;
const FLOAT = 100_000;

const discountArb = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('percent' as const), bp: fc.integer({ min: 0, max: 2000 }) }),
    fc.record({ kind: fc.constant('amount' as const), paise: fc.integer({ min: 0, max: 100 }) }),
  ),
  { nil: null },
);

const actionArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      lines: fc.array(fc.record({ item: fc.nat(4), qty: fc.integer({ min: 1, max: 5000 }), discount: discountArb }), {
        minLength: 1,
        maxLength: 4,
      }),
      party: fc.option(fc.nat(2), { nil: null }),
      billDiscountBp: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
      modes: fc.uniqueArray(fc.constantFrom<PaymentMode>('cash', 'upi', 'card', 'khata'), {
        minLength: 1,
        maxLength: 4,
      }),
      weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 4, maxLength: 4 }),
      extraCash: fc.integer({ min: 0, max: 50_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      invoice: fc.nat(),
      picks: fc.array(fc.record({ line: fc.nat(), percent: fc.integer({ min: 1, max: 100 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      toKhata: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      party: fc.nat(2),
      amount: fc.integer({ min: 1, max: 100_000 }),
      cash: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reverse' as const), receipt: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cash' as const),
      out: fc.boolean(),
      amount: fc.integer({ min: 1, max: 20_000 }),
    }),
  },
);

describe('ledger invariants under random use', () => {
  it('stock, khata balances, totals, numbering, the drawer and the hash chain stay true after any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 25 }), async (actions) => {
        const shop = await shopWithStaff();
        try {
          const items = [
            await shop.manager.catalogue.create(
              itemInput({
                pricePaise: 5_900,
                priceIncludesTax: true,
                gstRateBp: 1800,
                openingStockMilli: OPENING_STOCK,
              }),
            ),
            await shop.manager.catalogue.create(
              itemInput({
                pricePaise: 12_345,
                priceIncludesTax: false,
                gstRateBp: 500,
                openingStockMilli: OPENING_STOCK,
              }),
            ),
            await shop.manager.catalogue.create(
              itemInput({
                pricePaise: 4_000,
                priceIncludesTax: true,
                gstRateBp: 0,
                unit: 'kg',
                openingStockMilli: OPENING_STOCK,
              }),
            ),
            await shop.manager.catalogue.create(
              itemInput({
                pricePaise: 99_999,
                priceIncludesTax: false,
                gstRateBp: 2800,
                cessRateBp: 1200,
                openingStockMilli: OPENING_STOCK,
              }),
            ),
            await shop.manager.catalogue.create(
              itemInput({ pricePaise: 1, priceIncludesTax: true, gstRateBp: 300, openingStockMilli: OPENING_STOCK }),
            ),
          ];
          const parties = [
            await shop.cashier.parties.create({ name: 'Local customer', phone: '9811111111' }),
            await shop.cashier.parties.create({ name: 'Karnataka trader', gstin: '29AAPFU0939F1ZR' }),
            await shop.cashier.parties.create({ name: 'Opening balance', openingBalancePaise: 25_000 }),
          ];
          const stock = items.map(() => OPENING_STOCK);
          const balance = [0, 0, 25_000];
          let drawer = FLOAT;
          const saleTotals: { billed: number; worked: number }[] = [];
          const invoiceIds: string[] = [];
          /** Receipts not yet cancelled, which a later action may reverse. */
          const receipts: { id: string; party: number; amount: number; cash: boolean }[] = [];

          // Items sold by the piece are sold whole: the generated milli-quantity is rounded up to whole pieces.
          const wholePieces = (line: { item: number; qty: number }) =>
            items[line.item]!.unit === 'pcs' ? Math.ceil(line.qty / 1000) * 1000 : line.qty;
          const trades = actions.map((action) =>
            action.kind === 'sale'
              ? { ...action, lines: action.lines.map((line) => ({ ...line, qty: wholePieces(line) })) }
              : action,
          );
          for (const action of trades) {
            if (action.kind === 'sale') {
              const partyIndex = action.party;
              const party = partyIndex === null ? null : parties[partyIndex]!;
              // An amount discount can be at most the line's gross: the generator clamps it, the ledger would refuse it.
              const clamp = (line: (typeof action.lines)[number]) =>
                line.discount?.kind === 'amount'
                  ? {
                      ...line.discount,
                      paise: Math.min(line.discount.paise, divRound(line.qty * items[line.item]!.pricePaise, 1000)),
                    }
                  : line.discount;
              const lines = action.lines.map((line) => ({
                itemId: items[line.item]!.id,
                qtyMilli: line.qty,
                discount: clamp(line),
              }));
              const billDiscount =
                action.billDiscountBp === null ? null : { kind: 'percent' as const, bp: action.billDiscountBp };
              const totals = computeInvoiceTotals({
                interState: party?.stateCode === '29',
                roundOff: true,
                billDiscount,
                lines: action.lines.map((line) => ({
                  ...items[line.item]!,
                  qtyMilli: line.qty,
                  unitPricePaise: items[line.item]!.pricePaise,
                  discount: clamp(line),
                })),
              });
              const modes = action.modes.filter((mode) => mode !== 'khata' || party);
              if (modes.length === 0) modes.push('cash');
              const parts = allocateProportionally(
                totals.totalPaise,
                modes.map((_, index) => action.weights[index]!),
              );
              const payments = modes
                .map((mode, index) => ({ mode, amountPaise: parts[index]! + (mode === 'cash' ? action.extraCash : 0) }))
                .filter((payment) => payment.amountPaise > 0);
              const sale = await shop.manager.sales.finalize({
                id: randomUUID(),
                partyId: party?.id ?? null,
                lines,
                billDiscount,
                payments,
              });
              saleTotals.push({ billed: sale.invoice.totalPaise, worked: totals.totalPaise });
              invoiceIds.push(sale.invoice.id);
              action.lines.forEach((line) => (stock[line.item]! -= line.qty));
              if (partyIndex !== null) balance[partyIndex]! += sale.invoice.khataPaise;
              drawer +=
                payments
                  .filter((payment) => payment.mode === 'cash')
                  .reduce((sum, payment) => sum + payment.amountPaise, 0) - sale.invoice.changePaise;
            } else if (action.kind === 'return' && invoiceIds.length > 0) {
              const detail = await shop.manager.sales.get({ id: invoiceIds[action.invoice % invoiceIds.length]! });
              const wanted = new Map<string, number>();
              for (const pick of action.picks) {
                const line = detail.lines[pick.line % detail.lines.length]!;
                const left = line.qtyMilli - line.returnedQtyMilli;
                if (left > 0 && !wanted.has(line.id))
                  wanted.set(line.id, Math.max(1, Math.floor((left * pick.percent) / 100)));
              }
              if (wanted.size === 0) continue;
              const toKhata = action.toKhata && detail.invoice.partyId !== null;
              const note = await shop.manager.returns.create({
                id: randomUUID(),
                invoiceId: detail.invoice.id,
                lines: [...wanted].map(([invoiceLineId, qtyMilli]) => ({ invoiceLineId, qtyMilli })),
                refundMode: toKhata ? 'khata' : 'cash',
                reason: 'customer changed mind',
              });
              for (const [lineId, qty] of wanted)
                stock[
                  items.findIndex((item) => item.id === detail.lines.find((line) => line.id === lineId)!.itemId)
                ]! += qty;
              if (toKhata)
                balance[parties.findIndex((party) => party.id === detail.invoice.partyId)]! -=
                  note.creditNote.totalPaise;
              else drawer -= note.creditNote.totalPaise;
            } else if (action.kind === 'receive') {
              const paid = await shop.cashier.khata.receivePayment({
                id: randomUUID(),
                partyId: parties[action.party]!.id,
                amountPaise: action.amount,
                mode: action.cash ? 'cash' : 'upi',
                // Random amounts: whatever is more than the due is an advance the counter confirmed.
                asAdvance: true,
              });
              receipts.push({ id: paid.receipt.id, party: action.party, amount: action.amount, cash: action.cash });
              balance[action.party]! -= action.amount;
              if (action.cash) drawer += action.amount;
            } else if (action.kind === 'reverse' && receipts.length > 0) {
              const [wrong] = receipts.splice(action.receipt % receipts.length, 1);
              await shop.manager.khata.reverseReceipt({ id: randomUUID(), receiptId: wrong!.id, reason: 'wrong' });
              balance[wrong!.party]! += wrong!.amount;
              if (wrong!.cash) drawer -= wrong!.amount;
            } else if (action.kind === 'cash') {
              await shop.cashier.cashSessions.cashMovement({
                kind: action.out ? 'out' : 'in',
                amountPaise: action.amount,
                reason: 'petty cash',
              });
              drawer += action.out ? -action.amount : action.amount;
            }
          }

          // Every bill's total is the one the pure totals give for its lines (asserted here, whatever the day held).
          expect(saleTotals.map((sale) => sale.billed)).toEqual(saleTotals.map((sale) => sale.worked));
          const report = checkLedgerInvariants(shop.t.ledger);
          expect(report.problems).toEqual([]);
          expect(report.ok).toBe(true);
          for (const [index, item] of items.entries())
            expect((await shop.cashier.catalogue.get({ id: item.id })).stockMilli).toBe(stock[index]);
          for (const [index, party] of parties.entries())
            expect((await shop.cashier.parties.get({ id: party.id })).balancePaise).toBe(balance[index]);
          expect((await shop.cashier.cashSessions.current())?.expectedCashPaise).toBe(drawer);
        } finally {
          shop.t.cleanup();
        }
      }),
      { numRuns: 50 },
    );
  }, 240_000);
});
