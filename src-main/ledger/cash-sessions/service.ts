// Shifts: open with a float, cash in/out, close with the counted cash against what the drawer should hold.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { Conflict, NotFound } from '../../../src-shared/errors';
import type { ShiftDetails, ShiftFigures } from '../../../src-shared/contracts/cash-sessions';
import { takenByMode } from '../../../src-shared/sales/taken-by-mode';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { recordAudit } from '../audit/service';
import { enqueue } from '../outbox/service';
import { getCounter } from '../settings/service';
import { queueDocumentPrint } from '../printing/queue';
import { cashMovements, cashSessions, type CashSession } from './schema';
import { shiftDetails } from './shift-details';

export function currentSession(ledger: Ledger): CashSession | null {
  const { counterId } = getCounter(ledger);
  return (
    ledger.db
      .select()
      .from(cashSessions)
      .where(and(eq(cashSessions.counterId, counterId), isNull(cashSessions.closedAt)))
      .get() ?? null
  );
}

export function requireOpenSession(ledger: Ledger): CashSession {
  const session = currentSession(ledger);
  if (!session) throw new Conflict({ key: 'shiftNotOpen' });
  return session;
}

export function openSession(ledger: Ledger, actor: Actor, input: { openingFloatPaise: number }): CashSession {
  return ledger.transaction(() => {
    if (currentSession(ledger)) throw new Conflict({ key: 'shiftAlreadyOpen' });
    const row: CashSession = {
      id: randomUUID(),
      counterId: getCounter(ledger).counterId,
      openedBy: actor.staffId,
      openedAt: nowIso(ledger),
      openingFloatPaise: input.openingFloatPaise,
      closedBy: null,
      closedAt: null,
      expectedPaise: null,
      countedPaise: null,
      differencePaise: null,
      note: '',
    };
    ledger.db.insert(cashSessions).values(row).run();
    return row;
  });
}

export function addCashMovement(
  ledger: Ledger,
  actor: Actor,
  input: { kind: 'in' | 'out'; amountPaise: number; reason: string },
) {
  return ledger.transaction(() => {
    const session = requireOpenSession(ledger);
    const row = {
      id: randomUUID(),
      sessionId: session.id,
      kind: input.kind,
      amountPaise: input.amountPaise,
      reason: input.reason,
      staffId: actor.staffId,
      createdAt: nowIso(ledger),
    };
    ledger.db.insert(cashMovements).values(row).run();
    recordAudit(ledger, {
      action: `cash.${input.kind}`,
      staffId: actor.staffId,
      subjectId: session.id,
      details: { amountPaise: input.amountPaise, reason: input.reason },
    });
    return row;
  });
}

export interface SessionSummary extends ShiftFigures, ShiftDetails {
  session: CashSession;
}

const sum = (ledger: Ledger, query: string, sessionId: string): number =>
  (ledger.sqlite.prepare(query).pluck().get(sessionId) as number | null) ?? 0;

/**
 * Everything the Z-report shows, computed from the session's documents; cash expected = float + cash taken − change −
 * cash refunds + khata receipts (net of receipts cancelled) + in − out − cash paid to suppliers.
 */
export function sessionSummary(ledger: Ledger, sessionId: string): SessionSummary {
  const session = ledger.db.select().from(cashSessions).where(eq(cashSessions.id, sessionId)).get();
  if (!session) throw new NotFound('No such shift.');
  const modes = ledger.sqlite
    .prepare(
      "SELECT p.mode AS mode, SUM(p.amount_paise) AS paise FROM payments p WHERE p.doc_type = 'invoice' AND p.cash_session_id = ? GROUP BY p.mode",
    )
    .all(sessionId) as { mode: keyof ShiftFigures['salesByMode']; paise: number }[];
  const changeGivenPaise = sum(ledger, 'SELECT SUM(change_paise) FROM invoices WHERE cash_session_id = ?', sessionId);
  const salesByMode = { cash: 0, upi: 0, card: 0, khata: 0 };
  const taken = takenByMode(
    modes.map((row) => ({ mode: row.mode, amountPaise: row.paise })),
    changeGivenPaise,
  );
  for (const [mode, paise] of taken) salesByMode[mode] = paise;
  const cashRefundsPaise = sum(
    ledger,
    "SELECT SUM(amount_paise) FROM payments WHERE doc_type = 'credit_note' AND mode = 'cash' AND cash_session_id = ?",
    sessionId,
  );
  const cashReceiptsPaise = sum(
    ledger,
    "SELECT SUM(CASE doc_type WHEN 'receipt' THEN amount_paise ELSE -amount_paise END) FROM payments WHERE doc_type IN ('receipt', 'receipt_reversal') AND mode = 'cash' AND cash_session_id = ?",
    sessionId,
  );
  const cashInPaise = sum(
    ledger,
    "SELECT SUM(amount_paise) FROM cash_movements WHERE kind = 'in' AND session_id = ?",
    sessionId,
  );
  const cashOutPaise = sum(
    ledger,
    "SELECT SUM(amount_paise) FROM cash_movements WHERE kind = 'out' AND session_id = ?",
    sessionId,
  );
  const cashPaidToSuppliersPaise = sum(
    ledger,
    "SELECT SUM(amount_paise) FROM supplier_payments WHERE mode = 'cash' AND cash_session_id = ?",
    sessionId,
  );
  return {
    session,
    ...shiftDetails(ledger, session),
    invoiceCount: sum(ledger, 'SELECT COUNT(*) FROM invoices WHERE cash_session_id = ?', sessionId),
    salesPaise: sum(ledger, 'SELECT SUM(total_paise) FROM invoices WHERE cash_session_id = ?', sessionId),
    salesByMode,
    changeGivenPaise,
    returnCount: sum(ledger, 'SELECT COUNT(*) FROM credit_notes WHERE cash_session_id = ?', sessionId),
    refundsPaise: sum(ledger, 'SELECT SUM(total_paise) FROM credit_notes WHERE cash_session_id = ?', sessionId),
    cashRefundsPaise,
    receiptsPaise: sum(
      ledger,
      "SELECT SUM(CASE doc_type WHEN 'receipt' THEN amount_paise ELSE -amount_paise END) FROM payments WHERE doc_type IN ('receipt', 'receipt_reversal') AND cash_session_id = ?",
      sessionId,
    ),
    cashReceiptsPaise,
    cashInPaise,
    cashOutPaise,
    cashPaidToSuppliersPaise,
    expectedCashPaise:
      session.openingFloatPaise +
      salesByMode.cash -
      cashRefundsPaise +
      cashReceiptsPaise +
      cashInPaise -
      cashOutPaise -
      cashPaidToSuppliersPaise,
  };
}

/** Closes the shift: the Z-report figures plus counted vs expected, printed. A difference is recorded and audited, never hidden. */
export function closeSession(
  ledger: Ledger,
  actor: Actor,
  input: { countedPaise: number; note: string },
): SessionSummary & { countedPaise: number; differencePaise: number } {
  return ledger.transaction(() => {
    const open = requireOpenSession(ledger);
    const summary = sessionSummary(ledger, open.id);
    const differencePaise = input.countedPaise - summary.expectedCashPaise;
    ledger.db
      .update(cashSessions)
      .set({
        closedBy: actor.staffId,
        closedAt: nowIso(ledger),
        expectedPaise: summary.expectedCashPaise,
        countedPaise: input.countedPaise,
        differencePaise,
        note: input.note,
      })
      .where(eq(cashSessions.id, open.id))
      .run();
    const closed = ledger.db.select().from(cashSessions).where(eq(cashSessions.id, open.id)).get()!;
    const details = shiftDetails(ledger, closed);
    enqueue(ledger, 'cash_session', closed.id, closed);
    // The Z-report comes out of the receipt printer at close, like a bill's receipt: queued in the same transaction.
    queueDocumentPrint(ledger, 'z_report', closed.id);
    recordAudit(ledger, {
      action: 'cash.close',
      staffId: actor.staffId,
      subjectId: open.id,
      details: { expectedPaise: summary.expectedCashPaise, countedPaise: input.countedPaise, differencePaise },
    });
    return { ...summary, ...details, session: closed, countedPaise: input.countedPaise, differencePaise };
  });
}

export function listSessions(ledger: Ledger, limit: number, offset: number): CashSession[] {
  return ledger.db
    .select()
    .from(cashSessions)
    .orderBy(sql`${cashSessions.openedAt} DESC`)
    .limit(limit)
    .offset(offset)
    .all();
}
