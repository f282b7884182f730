// Khata: receiving a customer's payment (a numbered, chained receipt), statements with running balance, overdue ageing.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import { ageBalance, ageingTotals } from '../../../src-shared/khata/ageing';
import type { KhataAgeingReport } from '../../../src-shared/contracts/counter-reports';
import { Invalid, shopDetail } from '../../../src-shared/errors';
import { formatRupees } from '../../../src-shared/money';
import type { ReceivePaymentInput } from '../../../src-shared/contracts/khata';
import { type Actor, type Ledger, businessDate } from '../ledger';
import { parties, type Party } from '../parties/schema';
import { getParty } from '../parties/service';
import type { Payment } from '../payments/schema';
import { currentSession, requireOpenSession } from '../cash-sessions/service';
import { getCounter } from '../settings/service';
import { recordDocument } from '../documents/record';
import { addKhataEntry } from './entries';
import { receiptDocument } from './document';
import { nextShopDay, shopDayStart } from '../../../src-shared/shop-time';
import { khataEntries, receiptReversals, receipts, type KhataEntry, type Receipt } from './schema';

/** More than the customer owes is kept as an advance only when the counter confirmed it: no silent minus balance. */
function checkAdvance(party: Party, input: ReceivePaymentInput): void {
  const duePaise = Math.max(party.balancePaise, 0);
  if (input.amountPaise <= duePaise || input.asAdvance) return;
  const due = formatRupees(duePaise);
  const params = { amount: formatRupees(input.amountPaise), due, advance: formatRupees(input.amountPaise - duePaise) };
  throw new Invalid({ key: 'moreThanDue', params }, [
    shopDetail('amountPaise', { key: 'moreThanDueField', params: { due } }),
  ]);
}

export function receivePayment(
  ledger: Ledger,
  actor: Actor,
  input: ReceivePaymentInput,
): { receipt: Receipt; balancePaise: number; replayed: boolean } {
  return ledger.transaction(() => {
    const existing = ledger.db.select().from(receipts).where(eq(receipts.id, input.id)).get();
    if (existing)
      return { receipt: existing, balancePaise: getParty(ledger, existing.partyId).balancePaise, replayed: true };
    const party = getParty(ledger, input.partyId);
    checkAdvance(party, input);
    // Cash goes into a drawer, so it needs an open shift; UPI and card are recorded in the shift if one is open.
    const session = input.mode === 'cash' ? requireOpenSession(ledger) : currentSession(ledger);
    const at = ledger.clock();
    const createdAt = at.toISOString();
    const { doc, link, effects } = recordDocument(ledger, receiptDocument, {
      id: input.id,
      counterId: getCounter(ledger).counterId,
      at,
      compose: (number) => {
        const header = {
          id: input.id,
          number,
          partyId: party.id,
          amountPaise: input.amountPaise,
          mode: input.mode,
          reference: input.reference,
          staffId: actor.staffId,
          cashSessionId: session?.id ?? null,
          createdAt,
          businessDate: businessDate(at),
        };
        const paid: Payment[] = [
          {
            id: randomUUID(),
            docType: 'receipt',
            docId: input.id,
            mode: input.mode,
            amountPaise: input.amountPaise,
            reference: input.reference,
            cashSessionId: header.cashSessionId,
            createdAt,
          },
        ];
        return { header, paid };
      },
      apply: (received) =>
        addKhataEntry(ledger, {
          partyId: party.id,
          kind: 'payment',
          docId: input.id,
          docNumber: received.header.number,
          amountPaise: -input.amountPaise,
        }),
    });
    return { receipt: { ...doc.header, ...link }, balancePaise: effects, replayed: false };
  });
}

/** A shop day (its calendar date in India) to the UTC instant it starts at, since entries are stamped in UTC. */
function dayStartIso(date: string): string {
  return shopDayStart(date).toISOString();
}

export interface StatementRow {
  at: string;
  kind: KhataEntry['kind'];
  docId: string | null;
  docNumber: string | null;
  /** For a payment: the number of the reversal that cancelled its receipt, if one did. */
  reversedBy: string | null;
  debitPaise: number;
  creditPaise: number;
  balancePaise: number;
}

export function partyStatement(
  ledger: Ledger,
  input: { partyId: string; from: string; to: string },
): { party: Party; openingPaise: number; rows: StatementRow[]; closingPaise: number } {
  const party = getParty(ledger, input.partyId);
  const start = dayStartIso(input.from);
  const end = dayStartIso(nextShopDay(input.to));
  const openingPaise =
    ledger.db
      .select({ sum: sql<number>`COALESCE(SUM(${khataEntries.amountPaise}), 0)` })
      .from(khataEntries)
      .where(and(eq(khataEntries.partyId, party.id), lt(khataEntries.createdAt, start)))
      .get()?.sum ?? 0;
  const entries = ledger.db
    .select({ entry: khataEntries, reversedBy: receiptReversals.number })
    .from(khataEntries)
    .leftJoin(
      receiptReversals,
      and(eq(khataEntries.kind, 'payment'), eq(receiptReversals.receiptId, khataEntries.docId)),
    )
    .where(and(eq(khataEntries.partyId, party.id), gte(khataEntries.createdAt, start), lt(khataEntries.createdAt, end)))
    // Entries made in the same millisecond (a receipt and its reversal in a test) keep the order they were written in.
    .orderBy(asc(khataEntries.createdAt), asc(sql`khata_entries.rowid`))
    .all();
  let balancePaise = openingPaise;
  const rows = entries.map(({ entry, reversedBy }) => {
    balancePaise += entry.amountPaise;
    return {
      at: entry.createdAt,
      kind: entry.kind,
      docId: entry.docId,
      docNumber: entry.docNumber,
      reversedBy,
      debitPaise: Math.max(entry.amountPaise, 0),
      creditPaise: Math.max(-entry.amountPaise, 0),
      balancePaise,
    };
  });
  return { party, openingPaise, rows, closingPaise: balancePaise };
}

/** Who owes what, and for how long: FIFO over each customer's entries, oldest debts first. */
export function khataAgeing(ledger: Ledger, asOf: Date): KhataAgeingReport {
  const owing = ledger.db
    .select()
    .from(parties)
    .where(and(eq(parties.kind, 'customer'), ne(parties.balancePaise, 0)))
    .orderBy(asc(parties.name))
    .all();
  const rows = owing.map((party) => {
    const movements = ledger.db
      .select({ at: khataEntries.createdAt, amountPaise: khataEntries.amountPaise })
      .from(khataEntries)
      .where(eq(khataEntries.partyId, party.id))
      .orderBy(asc(khataEntries.createdAt))
      .all();
    return {
      ...ageBalance(movements, asOf),
      partyId: party.id,
      name: party.name,
      phone: party.phone,
      creditLimitPaise: party.creditLimitPaise,
    };
  });
  return { rows, totals: ageingTotals(rows) };
}
