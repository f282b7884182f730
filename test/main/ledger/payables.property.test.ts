// Property: after any sequence of supplier openings, payments (every mode, some refused), pulled payable entries and
// khata sales to the same parties, every ledger invariant holds and each party's payable, khata balance, the due to
// suppliers and the drawer match a model kept by the test; a refused payment changes nothing.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { applyPulledPage, readCursor } from '../../../src-main/sync/pull';
import { itemInput, shopWithStaff } from '../../support/ledger';
import { ledgerFingerprint } from '../../support/fingerprint';

const FLOAT = 100_000;
const SOAP_PAISE = 5_900;

const actionArb = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('supplier' as const),
      opening: fc.oneof(fc.constant(0), fc.integer({ min: -20_000, max: 500_000 })),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      party: fc.nat(),
      /** A share of what is owed, in per cent: above 100 asks for more than is owed. */
      percent: fc.integer({ min: 1, max: 130 }),
      mode: fc.constantFrom('cash', 'upi', 'bank', 'cheque'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pulled' as const),
      party: fc.nat(),
      amount: fc.integer({ min: -50_000, max: 200_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('khataSale' as const),
      party: fc.nat(),
      qty: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cashIn' as const), amount: fc.integer({ min: 1, max: 300_000 }) }),
  },
);

describe('payables under random use', () => {
  it('payables, khata balances, the due to suppliers, the drawer and the hash chain stay true after any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 20 }), async (actions) => {
        const shop = await shopWithStaff();
        try {
          const { ledger } = shop.t;
          const soap = await shop.manager.catalogue.create(
            itemInput({ pricePaise: SOAP_PAISE, openingStockMilli: 1_000_000 }),
          );
          const suppliers: { id: string; payable: number; balance: number }[] = [];
          let drawer = FLOAT;
          let documents = 0;
          for (const action of actions) {
            if (action.kind === 'supplier') {
              const party = await shop.manager.parties.create({
                kind: 'supplier',
                name: `Supplier ${suppliers.length + 1}`,
                openingBalancePaise: action.opening,
              });
              suppliers.push({ id: party.id, payable: action.opening, balance: 0 });
              continue;
            }
            if (action.kind === 'cashIn') {
              await shop.cashier.cashSessions.cashMovement({ kind: 'in', amountPaise: action.amount, reason: 'bank' });
              drawer += action.amount;
              continue;
            }
            const supplier = suppliers.length ? suppliers[action.party % suppliers.length]! : null;
            if (!supplier) continue;
            if (action.kind === 'pulled') {
              const cursor = readCursor(ledger);
              const entry = {
                id: randomUUID(),
                partyId: supplier.id,
                kind: action.amount >= 0 ? 'purchase' : 'debit_note',
                docId: randomUUID(),
                docNumber: 'C2PB-2026-000001',
                amountPaise: action.amount,
                createdAt: new Date().toISOString(),
              };
              const change = {
                cursor: cursor + 1,
                entity: 'payable_entry' as const,
                entityId: entry.id,
                originCounterId: randomUUID(),
                payload: entry,
              };
              const page = {
                changes: [change],
                nextCursor: cursor + 1,
                headCursor: cursor + 1,
                hasMore: false,
                serverTime: new Date().toISOString(),
              };
              expect(applyPulledPage(ledger, page, cursor)).toMatchObject({ kind: 'applied', applied: 1 });
              supplier.payable += action.amount;
              continue;
            }
            if (action.kind === 'khataSale') {
              await shop.cashier.sales.finalize({
                id: randomUUID(),
                partyId: supplier.id,
                lines: [{ itemId: soap.id, qtyMilli: action.qty * 1000 }],
                payments: [{ mode: 'khata', amountPaise: action.qty * SOAP_PAISE }],
              });
              supplier.balance += action.qty * SOAP_PAISE;
              documents += 1;
              continue;
            }
            const amount = Math.max(1, Math.floor((Math.max(supplier.payable, 0) * action.percent) / 100));
            const allowed = amount <= supplier.payable && (action.mode !== 'cash' || amount <= drawer);
            const before = ledgerFingerprint(ledger);
            const outcome = await shop.manager.payables
              .pay({
                id: randomUUID(),
                supplierId: supplier.id,
                amountPaise: amount,
                mode: action.mode,
                reference: action.mode === 'cheque' ? '000123' : '',
                chequeDate: action.mode === 'cheque' ? '2026-04-30' : null,
              })
              .then(
                (paid) => ({ paid }),
                (error: unknown) => ({ error }),
              );
            if (allowed) {
              expect(outcome).toHaveProperty('paid');
              supplier.payable -= amount;
              if (action.mode === 'cash') drawer -= amount;
              documents += 1;
            } else {
              expect(outcome).toMatchObject({ error: { code: 'BAD_REQUEST' } });
              expect(ledgerFingerprint(ledger)).toBe(before);
            }
          }

          const report = checkLedgerInvariants(ledger);
          expect(report.problems).toEqual([]);
          expect(report).toMatchObject({ ok: true, journal: { ok: true, documents } });
          for (const supplier of suppliers)
            expect(await shop.cashier.parties.get({ id: supplier.id })).toMatchObject({
              payablePaise: supplier.payable,
              balancePaise: supplier.balance,
            });
          const summary = await shop.cashier.payables.summary({});
          expect(summary.dueToSuppliersPaise).toBe(suppliers.reduce((sum, s) => sum + Math.max(s.payable, 0), 0));
          expect(summary.advancesToSuppliersPaise).toBe(suppliers.reduce((sum, s) => sum + Math.max(-s.payable, 0), 0));
          const ageing = await shop.cashier.payables.ageing({});
          expect(ageing.totals.totalPaise).toBe(suppliers.reduce((sum, s) => sum + s.payable, 0));
          // No cash sales here: the drawer is the float, cash put in, less cash paid to suppliers.
          expect((await shop.cashier.cashSessions.current())!.expectedCashPaise).toBe(drawer);
        } finally {
          shop.t.cleanup();
        }
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
