// What a document's hash covers: its header, lines and payments exactly as stored, read back the same way when verifying.
import { asc, and, eq } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import {
  invoices,
  invoiceLines,
  invoiceSupply,
  type Invoice,
  type InvoiceLine,
  type InvoiceSupplyRow,
} from '../sales/schema';
import { creditNotes, creditNoteLines, type CreditNote, type CreditNoteLine } from '../returns/schema';
import { receiptReversals, receipts, type Receipt, type ReceiptReversal } from '../khata/schema';
import { payments, type Payment } from '../payments/schema';
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
} from '../purchases/schema';
import { supplierPayments, type SupplierPayment } from '../payables/schema';
import type { JournalDocType } from './schema';

type Hashes = { prevHash: string; hash: string };
export type Unhashed<T> = Omit<T, 'prevHash' | 'hash'>;

const byId = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The supply details join the content only when kept, so an invoice made before they were keeps its hash. */
export function invoiceContent(
  header: Unhashed<Invoice>,
  lines: InvoiceLine[],
  paid: Payment[],
  supply?: InvoiceSupplyRow,
) {
  const sorted = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  return { type: 'invoice', header, lines: sorted, payments: byId(paid), ...(supply ? { supply } : {}) };
}

export function creditNoteContent(header: Unhashed<CreditNote>, lines: CreditNoteLine[], refunds: Payment[]) {
  return { type: 'credit_note', header, lines: byId(lines), payments: byId(refunds) };
}

export function receiptContent(header: Unhashed<Receipt>, paid: Payment[]) {
  return { type: 'receipt', header, payments: byId(paid) };
}

export function receiptReversalContent(header: Unhashed<ReceiptReversal>, refunds: Payment[]) {
  return { type: 'receipt_reversal', header, payments: byId(refunds) };
}

/** The shift that paid the bill's cash joins the content only when kept, so a bill made before it was keeps its hash. */
export function purchaseBillContent(
  header: Unhashed<PurchaseBill>,
  lines: PurchaseBillLine[],
  paid: PurchaseBillPayment[],
  shift?: PurchaseBillShiftRow,
) {
  const sorted = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  return { type: 'purchase_bill', header, lines: sorted, payments: byId(paid), ...(shift ? { shift } : {}) };
}

export function debitNoteContent(header: Unhashed<DebitNote>, lines: DebitNoteLine[]) {
  return { type: 'debit_note', header, lines: byId(lines) };
}

/** A payment to a supplier carries its mode, reference and cheque date on its header: no payment rows. */
export function supplierPaymentContent(header: Unhashed<SupplierPayment>) {
  return { type: 'supplier_payment', header };
}

function split<T extends Hashes>(row: T): { header: Unhashed<T>; hashes: Hashes } {
  const { prevHash, hash, ...header } = row;
  return { header, hashes: { prevHash, hash } };
}

function paymentsOf(ledger: Ledger, docType: Payment['docType'], docId: string): Payment[] {
  return ledger.db
    .select()
    .from(payments)
    .where(and(eq(payments.docType, docType), eq(payments.docId, docId)))
    .all();
}

type StoredContent = { content: unknown; hashes: Hashes } | null;

/** One reader per journal type, so a new document type cannot be chained without the journal knowing how to verify it. */
const STORED_CONTENT: Record<JournalDocType, (ledger: Ledger, docId: string) => StoredContent> = {
  invoice(ledger, docId) {
    const row = ledger.db.select().from(invoices).where(eq(invoices.id, docId)).get();
    if (!row) return null;
    const lines = ledger.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, docId))
      .orderBy(asc(invoiceLines.lineNo))
      .all();
    const supply = ledger.db.select().from(invoiceSupply).where(eq(invoiceSupply.invoiceId, docId)).get();
    const { header, hashes } = split(row);
    return { content: invoiceContent(header, lines, paymentsOf(ledger, 'invoice', docId), supply), hashes };
  },
  credit_note(ledger, docId) {
    const row = ledger.db.select().from(creditNotes).where(eq(creditNotes.id, docId)).get();
    if (!row) return null;
    const lines = ledger.db.select().from(creditNoteLines).where(eq(creditNoteLines.creditNoteId, docId)).all();
    const { header, hashes } = split(row);
    return { content: creditNoteContent(header, lines, paymentsOf(ledger, 'credit_note', docId)), hashes };
  },
  receipt(ledger, docId) {
    const row = ledger.db.select().from(receipts).where(eq(receipts.id, docId)).get();
    if (!row) return null;
    const { header, hashes } = split(row);
    return { content: receiptContent(header, paymentsOf(ledger, 'receipt', docId)), hashes };
  },
  receipt_reversal(ledger, docId) {
    const row = ledger.db.select().from(receiptReversals).where(eq(receiptReversals.id, docId)).get();
    if (!row) return null;
    const { header, hashes } = split(row);
    return { content: receiptReversalContent(header, paymentsOf(ledger, 'receipt_reversal', docId)), hashes };
  },
  purchase_bill(ledger, docId) {
    const row = ledger.db.select().from(purchaseBills).where(eq(purchaseBills.id, docId)).get();
    if (!row) return null;
    const lines = ledger.db.select().from(purchaseBillLines).where(eq(purchaseBillLines.purchaseBillId, docId)).all();
    const paid = ledger.db
      .select()
      .from(purchaseBillPayments)
      .where(eq(purchaseBillPayments.purchaseBillId, docId))
      .all();
    const shift = ledger.db.select().from(purchaseBillShift).where(eq(purchaseBillShift.purchaseBillId, docId)).get();
    const { header, hashes } = split(row);
    return { content: purchaseBillContent(header, lines, paid, shift), hashes };
  },
  debit_note(ledger, docId) {
    const row = ledger.db.select().from(debitNotes).where(eq(debitNotes.id, docId)).get();
    if (!row) return null;
    const lines = ledger.db.select().from(debitNoteLines).where(eq(debitNoteLines.debitNoteId, docId)).all();
    const { header, hashes } = split(row);
    return { content: debitNoteContent(header, lines), hashes };
  },
  supplier_payment(ledger, docId) {
    const row = ledger.db.select().from(supplierPayments).where(eq(supplierPayments.id, docId)).get();
    if (!row) return null;
    const { header, hashes } = split(row);
    return { content: supplierPaymentContent(header), hashes };
  },
};

/** Reads a stored document back into the exact content that was hashed when it was finalised. */
export function documentContent(ledger: Ledger, docType: JournalDocType, docId: string): StoredContent {
  return STORED_CONTENT[docType](ledger, docId);
}
