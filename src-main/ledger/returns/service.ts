// Returns: a credit note against an invoice (partial allowed) that restores stock and refunds cash or reduces khata.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Conflict, Invalid, NotFound } from '../../../src-shared/errors';
import { divRound } from '../../../src-shared/money';
import { returnShare } from '../../../src-shared/sales/return-amounts';
import type { ReturnInput } from '../../../src-shared/contracts/sales';
import { type Actor, type Ledger, businessDate } from '../ledger';
import type { Payment } from '../payments/schema';
import { getInvoice, type InvoiceDetail } from '../sales/service';
import { requireOpenSession } from '../cash-sessions/service';
import { getBilling } from '../settings/service';
import { approverFor } from '../staff/service';
import { recordAudit } from '../audit/service';
import { moveStocks } from '../stock/service';
import { addKhataEntry } from '../khata/entries';
import { recordDocument } from '../documents/record';
import { creditNoteDocument, storedCreditNote, type CreditNoteDetail, type CreditNoteDocument } from './document';
import { creditNotes, type CreditNoteLine } from './schema';

const COMPONENTS = ['taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise', 'totalPaise'] as const;

function returnLines(sold: InvoiceDetail, input: ReturnInput, creditNoteId: string): CreditNoteLine[] {
  const seen = new Set<string>();
  return input.lines.map((wanted) => {
    const line = sold.lines.find((candidate) => candidate.id === wanted.invoiceLineId);
    if (!line) throw new Invalid({ key: 'returnLineNotOnInvoice' });
    if (seen.has(line.id)) throw new Invalid({ key: 'returnLineListedTwice', params: { line: line.lineNo } });
    seen.add(line.id);
    const left = line.qtyMilli - line.returnedQtyMilli;
    if (wanted.qtyMilli > left)
      throw new Invalid({ key: 'returnOnlyLeft', params: { line: line.lineNo, name: line.name, left: left / 1000 } });
    const share = returnShare(
      { ...line, netPaise: line.grossPaise - line.lineDiscountPaise - line.billDiscountPaise },
      line.qtyMilli,
      line.returnedQtyMilli,
      wanted.qtyMilli,
    );
    return {
      id: randomUUID(),
      creditNoteId,
      invoiceLineId: line.id,
      itemId: line.itemId,
      qtyMilli: wanted.qtyMilli,
      ...share,
    };
  });
}

/** Cash refunds are rounded to the rupee like the bill was; UPI, card and khata refunds are exact. */
function refundRoundOff(totalPaise: number, mode: ReturnInput['refundMode'], roundOff: boolean): number {
  return mode === 'cash' && roundOff ? divRound(totalPaise, 100) * 100 - totalPaise : 0;
}

export function createReturn(
  ledger: Ledger,
  actor: Actor,
  input: ReturnInput,
): CreditNoteDetail & { replayed: boolean } {
  return ledger.transaction(() => {
    if (ledger.db.select({ id: creditNotes.id }).from(creditNotes).where(eq(creditNotes.id, input.id)).get())
      return { ...getCreditNote(ledger, input.id), replayed: true };
    const sold = getInvoice(ledger, input.invoiceId);
    if (input.refundMode === 'khata' && !sold.invoice.partyId) throw new Invalid({ key: 'returnNoCustomerForKhata' });
    const approvedBy = approverFor(ledger, actor, input.approval, 'A return');
    const session = requireOpenSession(ledger);
    const lines = returnLines(sold, input, input.id);
    const sums = Object.fromEntries(
      COMPONENTS.map((key) => [key, lines.reduce((sum, line) => sum + line[key], 0)]),
    ) as Record<(typeof COMPONENTS)[number], number>;
    const roundOffPaise = refundRoundOff(sums.totalPaise, input.refundMode, getBilling(ledger).roundOff);
    const totalPaise = sums.totalPaise + roundOffPaise;

    const at = ledger.clock();
    const createdAt = at.toISOString();
    recordDocument(ledger, creditNoteDocument, {
      id: input.id,
      counterId: sold.invoice.counterId,
      at,
      compose: (number) => {
        const header = {
          id: input.id,
          number,
          invoiceId: sold.invoice.id,
          counterId: sold.invoice.counterId,
          partyId: sold.invoice.partyId,
          staffId: actor.staffId,
          approvedBy,
          cashSessionId: session.id,
          reason: input.reason,
          refundMode: input.refundMode,
          createdAt,
          businessDate: businessDate(at),
          ...sums,
          roundOffPaise,
          totalPaise,
        };
        return { header, lines, refunds: refundPayments(header) };
      },
      apply: (credit) => {
        moveStocks(
          ledger,
          credit.lines.map((line) => ({
            itemId: line.itemId,
            qtyMilli: line.qtyMilli,
            reason: 'return' as const,
            docId: input.id,
            staffId: actor.staffId,
          })),
        );
        if (input.refundMode === 'khata' && totalPaise > 0)
          addKhataEntry(ledger, {
            partyId: sold.invoice.partyId!,
            kind: 'return',
            docId: input.id,
            docNumber: credit.header.number,
            amountPaise: -totalPaise,
          });
        recordAudit(ledger, {
          action: 'sale.return',
          staffId: actor.staffId,
          approvedBy,
          subjectId: input.id,
          details: { invoice: sold.invoice.number, creditNote: credit.header.number, totalPaise, reason: input.reason },
        });
      },
    });
    return { ...getCreditNote(ledger, input.id), replayed: false };
  });
}

/** A khata refund is a khata entry, not a payment; nothing is paid back on a zero total. */
function refundPayments(header: Omit<CreditNoteDocument['header'], 'number'>): Payment[] {
  if (header.refundMode === 'khata' || header.totalPaise === 0) return [];
  return [
    {
      id: randomUUID(),
      docType: 'credit_note',
      docId: header.id,
      mode: header.refundMode,
      amountPaise: header.totalPaise,
      reference: '',
      cashSessionId: header.cashSessionId,
      createdAt: header.createdAt,
    },
  ];
}

/** Voiding a finalised bill is returning everything still on it: the invoice itself is never changed. */
export function voidInvoice(
  ledger: Ledger,
  actor: Actor,
  input: {
    id: string;
    invoiceId: string;
    reason: string;
    refundMode: ReturnInput['refundMode'];
    approval?: ReturnInput['approval'];
  },
) {
  const sold = getInvoice(ledger, input.invoiceId);
  const lines = sold.lines
    .filter((line) => line.qtyMilli > line.returnedQtyMilli)
    .map((line) => ({ invoiceLineId: line.id, qtyMilli: line.qtyMilli - line.returnedQtyMilli }));
  if (lines.length === 0) throw new Conflict({ key: 'invoiceReturnedInFull', params: { number: sold.invoice.number } });
  return createReturn(ledger, actor, { ...input, lines, reason: `Void: ${input.reason}` });
}

export function getCreditNote(ledger: Ledger, id: string): CreditNoteDetail {
  const detail = storedCreditNote(ledger, id);
  if (!detail) throw new NotFound('No such credit note.');
  return detail;
}
