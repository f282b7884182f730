// How a payment to a supplier is recorded: what the hash covers, its row, what the server receives. It moves no
// day summary (purchases are not sales); its slip prints on record, as a khata receipt does.
import type { DocumentKind } from '../documents/record';
import { supplierPaymentContent, type Unhashed } from '../journal/content';
import type { SupplierPaymentPayload } from '../../../src-shared/sync/purchase-payloads';
import { supplierPayments, type SupplierPayment } from './schema';

export interface SupplierPaymentDocument {
  header: Unhashed<SupplierPayment>;
}

export const supplierPaymentDocument: DocumentKind<SupplierPaymentDocument> = {
  docType: 'supplier_payment',
  content: (doc) => supplierPaymentContent(doc.header),
  insert(ledger, doc, link) {
    ledger.db
      .insert(supplierPayments)
      .values({ ...doc.header, ...link })
      .run();
  },
  summarise: null,
  outboxPayload: (_ledger, doc, link): SupplierPaymentPayload => ({ supplierPayment: { ...doc.header, ...link } }),
  printsOnRecord: true,
};
