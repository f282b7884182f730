// How a purchase bill and a debit note are recorded: what their hash covers, their rows, what the server receives
// (exactly the payloads of src-shared/sync/purchase-payloads.ts). Neither moves the day's sales or prints on record.
import type { DocumentKind } from '../documents/record';
import { debitNoteContent, purchaseBillContent, type Unhashed } from '../journal/content';
import { insertRows } from '../../db/insert-rows';
import type { DebitNotePayload, PurchaseBillPayload } from '../../../src-shared/sync/purchase-payloads';
import {
  debitNoteLines,
  debitNotes,
  purchaseBillLines,
  purchaseBillPayments,
  purchaseBills,
  purchaseBillShift,
  type DebitNote,
  type DebitNoteLine,
  type PurchaseBill,
  type PurchaseBillLine,
  type PurchaseBillPayment,
  type PurchaseBillShiftRow,
} from './schema';

export interface PurchaseBillDocument {
  header: Unhashed<PurchaseBill>;
  lines: PurchaseBillLine[];
  paid: PurchaseBillPayment[];
  /** The shift whose drawer paid the bill's cash; absent when nothing was paid in cash. */
  shift?: PurchaseBillShiftRow;
}

export interface DebitNoteDocument {
  header: Unhashed<DebitNote>;
  lines: DebitNoteLine[];
}

export function purchaseBillPayloadOf(
  bill: PurchaseBill,
  lines: PurchaseBillLine[],
  paid: PurchaseBillPayment[],
  shift?: PurchaseBillShiftRow,
): PurchaseBillPayload {
  return {
    purchaseBill: bill,
    lines: [...lines].sort((a, b) => a.lineNo - b.lineNo),
    payments: [...paid].sort((a, b) => (a.id < b.id ? -1 : 1)),
    ...(shift ? { shift } : {}),
  };
}

export function debitNotePayloadOf(note: DebitNote, lines: DebitNoteLine[]): DebitNotePayload {
  return { debitNote: note, lines };
}

export const purchaseBillDocument: DocumentKind<PurchaseBillDocument> = {
  docType: 'purchase_bill',
  content: (doc) => purchaseBillContent(doc.header, doc.lines, doc.paid, doc.shift),
  insert(ledger, doc, link) {
    insertRows(ledger, purchaseBills, [{ ...doc.header, ...link }]);
    insertRows(ledger, purchaseBillLines, doc.lines);
    if (doc.paid.length) insertRows(ledger, purchaseBillPayments, doc.paid);
    if (doc.shift) insertRows(ledger, purchaseBillShift, [doc.shift]);
  },
  summarise: null,
  outboxPayload: (_ledger, doc, link) =>
    purchaseBillPayloadOf({ ...doc.header, ...link }, doc.lines, doc.paid, doc.shift),
  printsOnRecord: false,
};

export const debitNoteDocument: DocumentKind<DebitNoteDocument> = {
  docType: 'debit_note',
  content: (doc) => debitNoteContent(doc.header, doc.lines),
  insert(ledger, doc, link) {
    insertRows(ledger, debitNotes, [{ ...doc.header, ...link }]);
    insertRows(ledger, debitNoteLines, doc.lines);
  },
  summarise: null,
  outboxPayload: (_ledger, doc, link) => debitNotePayloadOf({ ...doc.header, ...link }, doc.lines),
  printsOnRecord: false,
};
