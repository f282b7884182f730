// How a credit note is recorded: what its hash covers, its rows, the day's returns it moves, what the server receives.
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import type { DocumentKind } from '../documents/record';
import { creditNoteContent, type Unhashed } from '../journal/content';
import { payments, type Payment } from '../payments/schema';
import { addReturnToDay } from '../reports/daily';
import { staffNameOf } from '../staff/service';
import { creditNoteLines, creditNotes, type CreditNote, type CreditNoteLine } from './schema';

export interface CreditNoteDocument {
  header: Unhashed<CreditNote>;
  lines: CreditNoteLine[];
  refunds: Payment[];
}

export interface CreditNoteDetail {
  creditNote: CreditNote;
  lines: CreditNoteLine[];
  refunds: Payment[];
}

/** A credit note as stored, read back: what the server receives and what a return answers. */
export function storedCreditNote(ledger: Ledger, id: string): CreditNoteDetail | null {
  const creditNote = ledger.db.select().from(creditNotes).where(eq(creditNotes.id, id)).get();
  if (!creditNote) return null;
  return {
    creditNote,
    lines: ledger.db.select().from(creditNoteLines).where(eq(creditNoteLines.creditNoteId, id)).all(),
    refunds: ledger.db.select().from(payments).where(eq(payments.docId, id)).all(),
  };
}

export const creditNoteDocument: DocumentKind<CreditNoteDocument> = {
  docType: 'credit_note',
  content: (doc) => creditNoteContent(doc.header, doc.lines, doc.refunds),
  insert(ledger, doc, link) {
    ledger.db
      .insert(creditNotes)
      .values({ ...doc.header, ...link })
      .run();
    ledger.db.insert(creditNoteLines).values(doc.lines).run();
    if (doc.refunds.length) ledger.db.insert(payments).values(doc.refunds).run();
  },
  summarise: (ledger, doc, link) => addReturnToDay(ledger, { ...doc.header, ...link }),
  outboxPayload: (ledger, doc) => ({
    ...storedCreditNote(ledger, doc.header.id),
    staffName: staffNameOf(ledger, doc.header.staffId),
  }),
  printsOnRecord: true,
};
