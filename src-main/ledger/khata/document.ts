// How a khata receipt and its reversal are recorded: what the hash covers, their rows, what the server receives.
// Neither moves a day summary.
import type { DocumentKind } from '../documents/record';
import { receiptContent, receiptReversalContent, type Unhashed } from '../journal/content';
import { payments, type Payment } from '../payments/schema';
import { receiptReversals, receipts, type Receipt, type ReceiptReversal } from './schema';

export interface ReceiptDocument {
  header: Unhashed<Receipt>;
  paid: Payment[];
}

export const receiptDocument: DocumentKind<ReceiptDocument> = {
  docType: 'receipt',
  content: (doc) => receiptContent(doc.header, doc.paid),
  insert(ledger, doc, link) {
    ledger.db
      .insert(receipts)
      .values({ ...doc.header, ...link })
      .run();
    ledger.db.insert(payments).values(doc.paid).run();
  },
  summarise: null,
  outboxPayload: (_ledger, doc, link) => ({ receipt: { ...doc.header, ...link }, payments: doc.paid }),
  printsOnRecord: true,
};

export interface ReceiptReversalDocument {
  header: Unhashed<ReceiptReversal>;
  refunds: Payment[];
}

/** A wrong receipt cancelled: its own number series and chain link; the money goes back out in the receipt's mode. */
export const receiptReversalDocument: DocumentKind<ReceiptReversalDocument> = {
  docType: 'receipt_reversal',
  content: (doc) => receiptReversalContent(doc.header, doc.refunds),
  insert(ledger, doc, link) {
    ledger.db
      .insert(receiptReversals)
      .values({ ...doc.header, ...link })
      .run();
    ledger.db.insert(payments).values(doc.refunds).run();
  },
  summarise: null,
  outboxPayload: (_ledger, doc, link) => ({ reversal: { ...doc.header, ...link }, payments: doc.refunds }),
  printsOnRecord: true,
};
