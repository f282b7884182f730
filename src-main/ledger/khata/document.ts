// How a khata receipt is recorded: what its hash covers, its rows, what the server receives. It moves no day summary.
import type { DocumentKind } from '../documents/record';
import { receiptContent, type Unhashed } from '../journal/content';
import { payments, type Payment } from '../payments/schema';
import { receipts, type Receipt } from './schema';

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
