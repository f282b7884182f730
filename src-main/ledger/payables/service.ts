// The supplier khata: paying a supplier (a numbered, chained document that lowers what the shop owes), a supplier's
// statement with the running due, ageing oldest bill first, and what the shop owes its suppliers in all.
import { and, asc, eq, gte, lt, ne, or, sql } from 'drizzle-orm';
import { ageBalance, ageingTotals } from '../../../src-shared/khata/ageing';
import { Invalid, NotFound, shopDetail } from '../../../src-shared/errors';
import { formatRupees } from '../../../src-shared/money';
import { nextShopDay, shopDayStart } from '../../../src-shared/shop-time';
import type {
  PayablesAgeingReport,
  PayablesStatement,
  PayablesStatementInput,
  PayablesSummary,
  PaySupplierInput,
  PaySupplierResult,
  SupplierBalances,
} from '../../../src-shared/contracts/payables';
import { type Actor, type Ledger, businessDate } from '../ledger';
import { parties, type Party } from '../parties/schema';
import { currentSession, requireDrawerCash, requireOpenSession } from '../cash-sessions/service';
import { getCounter } from '../settings/service';
import { recordAudit } from '../audit/service';
import { recordDocument } from '../documents/record';
import { postPayableEntry } from './entries';
import { supplierPaymentDocument } from './document';
import { payableEntries, supplierPayments } from './schema';
import { purchaseBills } from '../purchases/schema';

function balancesOf(party: Party): SupplierBalances {
  return {
    partyId: party.id,
    kind: party.kind,
    name: party.name,
    phone: party.phone,
    gstin: party.gstin,
    payablePaise: party.payablePaise,
    balancePaise: party.balancePaise,
  };
}

function hasPayables(ledger: Ledger, partyId: string): boolean {
  return !!ledger.db
    .select({ id: payableEntries.id })
    .from(payableEntries)
    .where(eq(payableEntries.partyId, partyId))
    .limit(1)
    .get();
}

/**
 * The party the shop buys from: a supplier, or a customer the shop also owes (a payable entry names them). A customer
 * the shop has never owed anything is refused, by name; an unknown id as "choose a supplier".
 */
function requireSupplier(ledger: Ledger, partyId: string, field: string): Party {
  const party = ledger.db.select().from(parties).where(eq(parties.id, partyId)).get();
  if (!party) throw new NotFound({ key: 'notASupplier' }, [shopDetail(field, { key: 'notASupplier' })]);
  if (party.kind !== 'supplier' && !hasPayables(ledger, party.id)) {
    const message = { key: 'customerNotSupplier', params: { name: party.name } } as const;
    throw new Invalid(message, [shopDetail(field, message)]);
  }
  return party;
}

/** Paying more than is owed would leave a silent advance: refused, saying how much is owed. */
function checkOwed(party: Party, amountPaise: number): void {
  const duePaise = Math.max(party.payablePaise, 0);
  if (amountPaise <= duePaise) return;
  const due = formatRupees(duePaise);
  throw new Invalid(
    { key: 'payMoreThanOwed', params: { amount: formatRupees(amountPaise), due, supplier: party.name } },
    [shopDetail('amountPaise', { key: 'payMoreThanOwedField', params: { due } })],
  );
}

/**
 * Pays a supplier in one transaction: the numbered payment (its own series per counter, hash-chained), the payable
 * entry that lowers what is owed, and the outbox ops. Cash comes out of the drawer, so it needs an open shift and
 * lowers that shift's expected cash; UPI, bank and cheque are recorded in the shift if one is open. The same id
 * again answers the payment already recorded.
 */
export function paySupplier(ledger: Ledger, actor: Actor, input: PaySupplierInput): PaySupplierResult {
  return ledger.transaction(() => {
    const existing = ledger.db.select().from(supplierPayments).where(eq(supplierPayments.id, input.id)).get();
    if (existing) {
      const { payablePaise } = requireSupplier(ledger, existing.supplierId, 'supplierId');
      return {
        id: existing.id,
        number: existing.number,
        amountPaise: existing.amountPaise,
        payablePaise,
        replayed: true,
      };
    }
    const party = requireSupplier(ledger, input.supplierId, 'supplierId');
    checkOwed(party, input.amountPaise);
    const session = input.mode === 'cash' ? requireOpenSession(ledger) : currentSession(ledger);
    if (input.mode === 'cash' && session) requireDrawerCash(ledger, session, input.amountPaise, 'amountPaise');
    const at = ledger.clock();
    const { counterId } = getCounter(ledger);
    const { doc, effects } = recordDocument(ledger, supplierPaymentDocument, {
      id: input.id,
      counterId,
      at,
      compose: (number) => ({
        header: {
          id: input.id,
          number,
          counterId,
          supplierId: party.id,
          amountPaise: input.amountPaise,
          mode: input.mode,
          reference: input.reference,
          chequeDate: input.mode === 'cheque' ? input.chequeDate : null,
          staffId: actor.staffId,
          cashSessionId: session?.id ?? null,
          createdAt: at.toISOString(),
          businessDate: businessDate(at),
        },
      }),
      apply: (paid) =>
        postPayableEntry(ledger, {
          partyId: party.id,
          kind: 'payment',
          docId: paid.header.id,
          docNumber: paid.header.number,
          amountPaise: -paid.header.amountPaise,
        }),
    });
    recordAudit(ledger, {
      action: 'payables.pay',
      staffId: actor.staffId,
      subjectId: input.id,
      details: { supplierId: party.id, number: doc.header.number, amountPaise: input.amountPaise, mode: input.mode },
    });
    return {
      id: input.id,
      number: doc.header.number,
      amountPaise: input.amountPaise,
      payablePaise: effects,
      replayed: false,
    };
  });
}

/** Every entry of what the shop owes one supplier, oldest first, with the due after each (optionally between dates). */
export function payablesStatement(ledger: Ledger, input: PayablesStatementInput): PayablesStatement {
  const party = requireSupplier(ledger, input.supplierId, 'supplierId');
  const start = input.from ? shopDayStart(input.from).toISOString() : null;
  const end = input.to ? shopDayStart(nextShopDay(input.to)).toISOString() : null;
  const ofParty = eq(payableEntries.partyId, party.id);
  const openingPaise = start
    ? (ledger.db
        .select({ sum: sql<number>`COALESCE(SUM(${payableEntries.amountPaise}), 0)` })
        .from(payableEntries)
        .where(and(ofParty, lt(payableEntries.createdAt, start)))
        .get()?.sum ?? 0)
    : 0;
  const entries = ledger.db
    .select({
      entry: payableEntries,
      paid: supplierPayments,
      supplierInvoiceNumber: purchaseBills.supplierInvoiceNumber,
    })
    .from(payableEntries)
    .leftJoin(supplierPayments, and(eq(payableEntries.kind, 'payment'), eq(supplierPayments.id, payableEntries.docId)))
    .leftJoin(purchaseBills, and(eq(payableEntries.kind, 'purchase'), eq(purchaseBills.id, payableEntries.docId)))
    .where(
      and(
        ofParty,
        start ? gte(payableEntries.createdAt, start) : undefined,
        end ? lt(payableEntries.createdAt, end) : undefined,
      ),
    )
    // Entries of the same millisecond keep the order they were written in.
    .orderBy(asc(payableEntries.createdAt), asc(sql`payable_entries.rowid`))
    .all();
  let payablePaise = openingPaise;
  const rows = entries.map(({ entry, paid, supplierInvoiceNumber }) => {
    payablePaise += entry.amountPaise;
    return {
      at: entry.createdAt,
      kind: entry.kind,
      docId: entry.docId,
      docNumber: entry.docNumber,
      creditPaise: Math.max(entry.amountPaise, 0),
      debitPaise: Math.max(-entry.amountPaise, 0),
      payablePaise,
      supplierInvoiceNumber,
      payment: paid ? { mode: paid.mode, reference: paid.reference, chequeDate: paid.chequeDate } : null,
    };
  });
  return { supplier: balancesOf(party), openingPaise, rows, closingPaise: payablePaise };
}

/** Who the shop owes, and for how long: each supplier's payments settle its oldest bills first (the khata's rule). */
export function payablesAgeing(ledger: Ledger, asOf: Date): PayablesAgeingReport {
  const owed = ledger.db
    .select()
    .from(parties)
    .where(ne(parties.payablePaise, 0))
    .orderBy(asc(parties.name), asc(parties.id))
    .all();
  const rows = owed.map((party) => {
    const movements = ledger.db
      .select({ at: payableEntries.createdAt, amountPaise: payableEntries.amountPaise })
      .from(payableEntries)
      .where(eq(payableEntries.partyId, party.id))
      .orderBy(asc(payableEntries.createdAt))
      .all();
    return { ...ageBalance(movements, asOf), ...balancesOf(party) };
  });
  return { rows, totals: ageingTotals(rows) };
}

/** What the shop owes its suppliers in all, for the counter's reports, and every supplier with both balances. */
export function payablesSummary(ledger: Ledger): PayablesSummary {
  const suppliers = ledger.db
    .select()
    .from(parties)
    .where(or(and(eq(parties.kind, 'supplier'), eq(parties.active, true)), ne(parties.payablePaise, 0)))
    .orderBy(asc(parties.name), asc(parties.id))
    .all()
    .map(balancesOf);
  const totals = ledger.db
    .select({
      due: sql<number>`COALESCE(SUM(CASE WHEN ${parties.payablePaise} > 0 THEN ${parties.payablePaise} END), 0)`,
      advance: sql<number>`COALESCE(SUM(CASE WHEN ${parties.payablePaise} < 0 THEN -${parties.payablePaise} END), 0)`,
    })
    .from(parties)
    .get() ?? { due: 0, advance: 0 };
  return { dueToSuppliersPaise: totals.due, advancesToSuppliersPaise: totals.advance, suppliers };
}
