// How an invoice is recorded: what its hash covers, its rows, the day's sales it moves, what the server receives.
import type { DocumentKind } from '../documents/record';
import type { ChainLink } from '../journal/service';
import { invoiceContent, type Unhashed } from '../journal/content';
import { payments, type Payment } from '../payments/schema';
import { addSaleToDay } from '../reports/daily';
import { staffNameOf } from '../staff/service';
import { insertRows } from '../../db/insert-rows';
import type { Ledger } from '../ledger';
import { requireShop } from '../settings/service';
import { invoiceLines, invoices, invoiceSupply, type Invoice, type InvoiceLine, type InvoiceSupplyRow } from './schema';
import { NO_SUPPLY_DETAILS, type InvoiceSupply } from '../../../src-shared/gst/rule46';

export interface InvoiceDocument {
  header: Unhashed<Invoice>;
  lines: InvoiceLine[];
  paid: Payment[];
  supply: InvoiceSupplyRow;
}

/** The stored row without its key; an invoice made before these were kept prints as the tax invoice it was. */
export function supplyOf(row: InvoiceSupplyRow | undefined): InvoiceSupply {
  if (!row) return NO_SUPPLY_DETAILS;
  const { billOfSupply, composition, recipientAddress, deliveryAddress } = row;
  return { billOfSupply, composition, recipientAddress, deliveryAddress };
}

/** The invoice as stored, with nothing returned yet: what the sale answers and (without credit notes) what syncs. */
export function newInvoiceDetail(doc: InvoiceDocument, link: ChainLink) {
  return {
    invoice: { ...doc.header, ...link },
    supply: supplyOf(doc.supply),
    lines: doc.lines.map((line) => ({ ...line, returnedQtyMilli: 0 })),
    payments: [...doc.paid].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

/** The shop's details as the bill is made travel with it, so the server's tax invoice PDF names the seller as the counter's does. */
function sellerNow(ledger: Ledger) {
  const { name, address, phone, gstin, stateCode, receiptFooter } = requireShop(ledger);
  return { name, address, phone, gstin, stateCode, receiptFooter };
}

export const invoiceDocument: DocumentKind<InvoiceDocument> = {
  docType: 'invoice',
  content: (doc) => invoiceContent(doc.header, doc.lines, doc.paid, doc.supply),
  insert(ledger, doc, link) {
    insertRows(ledger, invoices, [{ ...doc.header, ...link }]);
    insertRows(ledger, invoiceLines, doc.lines);
    insertRows(ledger, payments, doc.paid);
    insertRows(ledger, invoiceSupply, [doc.supply]);
  },
  summarise: (ledger, doc, link) => addSaleToDay(ledger, { ...doc.header, ...link }, doc.paid),
  // The staff name rides along because staff live on the counter: the owner's reports show who billed by name.
  outboxPayload: (ledger, doc, link) => ({
    ...newInvoiceDetail(doc, link),
    staffName: staffNameOf(ledger, doc.header.staffId),
    seller: sellerNow(ledger),
  }),
  printsOnRecord: true,
};
