// Cancelling a wrong receipt: a manager-approved, numbered, chained reversal that puts the amount back on the khata.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Conflict, NotFound } from '../../../src-shared/errors';
import type { ReverseReceiptInput } from '../../../src-shared/contracts/khata';
import { type Actor, type Ledger, businessDate } from '../ledger';
import { getParty } from '../parties/service';
import type { Payment } from '../payments/schema';
import { currentSession, requireOpenSession } from '../cash-sessions/service';
import { getCounter } from '../settings/service';
import { approverFor } from '../staff/service';
import { recordAudit } from '../audit/service';
import { recordDocument } from '../documents/record';
import { addKhataEntry } from './entries';
import { receiptReversalDocument } from './document';
import { receiptReversals, receipts, type Receipt, type ReceiptReversal } from './schema';

function findReceipt(ledger: Ledger, receiptId: string): Receipt {
  const receipt = ledger.db.select().from(receipts).where(eq(receipts.id, receiptId)).get();
  if (!receipt) throw new NotFound('No such receipt.');
  const earlier = ledger.db
    .select({ number: receiptReversals.number })
    .from(receiptReversals)
    .where(eq(receiptReversals.receiptId, receiptId))
    .get();
  if (earlier)
    throw new Conflict({
      key: 'receiptAlreadyCancelled',
      params: { number: receipt.number, reversal: earlier.number },
    });
  return receipt;
}

/**
 * The receipt stays as it was; the reversal is a new document with its own number and hash-chain link, paying the
 * same amount back out in the same mode (cash leaves the drawer of the open shift) and raising the khata again.
 */
export function reverseReceipt(
  ledger: Ledger,
  actor: Actor,
  input: ReverseReceiptInput,
): { reversal: ReceiptReversal; balancePaise: number; replayed: boolean } {
  return ledger.transaction(() => {
    const existing = ledger.db.select().from(receiptReversals).where(eq(receiptReversals.id, input.id)).get();
    if (existing)
      return { reversal: existing, balancePaise: getParty(ledger, existing.partyId).balancePaise, replayed: true };
    const receipt = findReceipt(ledger, input.receiptId);
    const approvedBy = approverFor(ledger, actor, input.approval, `Cancelling receipt ${receipt.number}`);
    const session = receipt.mode === 'cash' ? requireOpenSession(ledger) : currentSession(ledger);
    const at = ledger.clock();
    const createdAt = at.toISOString();
    const { doc, link, effects } = recordDocument(ledger, receiptReversalDocument, {
      id: input.id,
      counterId: getCounter(ledger).counterId,
      at,
      compose: (number) => {
        const header = {
          id: input.id,
          number,
          receiptId: receipt.id,
          receiptNumber: receipt.number,
          partyId: receipt.partyId,
          amountPaise: receipt.amountPaise,
          mode: receipt.mode,
          reason: input.reason,
          staffId: actor.staffId,
          approvedBy,
          cashSessionId: session?.id ?? null,
          createdAt,
          businessDate: businessDate(at),
        };
        const refunds: Payment[] = [
          {
            id: randomUUID(),
            docType: 'receipt_reversal',
            docId: input.id,
            mode: receipt.mode,
            amountPaise: receipt.amountPaise,
            reference: receipt.number,
            cashSessionId: header.cashSessionId,
            createdAt,
          },
        ];
        return { header, refunds };
      },
      apply: (reversal) => {
        recordAudit(ledger, {
          action: 'receipt.reversed',
          staffId: actor.staffId,
          approvedBy,
          subjectId: receipt.id,
          details: {
            number: reversal.header.number,
            receiptNumber: receipt.number,
            amountPaise: receipt.amountPaise,
            reason: input.reason,
          },
        });
        return addKhataEntry(ledger, {
          partyId: receipt.partyId,
          kind: 'reversal',
          docId: input.id,
          docNumber: reversal.header.number,
          amountPaise: receipt.amountPaise,
        });
      },
    });
    return { reversal: { ...doc.header, ...link }, balancePaise: effects, replayed: false };
  });
}
