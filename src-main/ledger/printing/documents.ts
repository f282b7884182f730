// Reads a document and what its receipt shows (shop, names, khata balance) and lays it out for a printer: the I/O around src-shared/printing.
import { eq, inArray } from 'drizzle-orm';
import { Conflict, NotFound } from '../../../src-shared/errors';
import type { PrinterProfile } from '../../../src-shared/contracts/printing';
import type { ReceiptModel, ReceiptPaper } from '../../../src-shared/printing/receipt-model';
import type { ReceiptLanguage } from '../../../src-shared/printing/receipt-labels';
import { invoiceReceipt } from '../../../src-shared/printing/receipt-invoice';
import type { ShopSettings } from '../../../src-shared/contracts/settings';
import {
  creditNoteReceipt,
  khataReceipt,
  receiptReversalSlip,
  supplierPaymentSlip,
  testPage,
  zReport,
} from '../../../src-shared/printing/receipt-documents';
import type { Ledger } from '../ledger';
import { getInvoice } from '../sales/service';
import { invoiceLines } from '../sales/schema';
import { getCreditNote } from '../returns/service';
import { receiptReversals, receipts } from '../khata/schema';
import { parties } from '../parties/schema';
import { sessionSummary } from '../cash-sessions/service';
import { cashSessions } from '../cash-sessions/schema';
import { getShop } from '../settings/service';
import type { PrintDocType } from './queue';
import { purchaseOrderReceipt } from '../../../src-shared/printing/receipt-purchase-order';
import { einvoiceOf } from '../einvoice/service';
import { printableEinvoice } from '../../../src-shared/printing/einvoice-print';
import { getPurchaseOrder } from '../purchase-orders/service';
import { supplierPayments } from '../payables/schema';

function shopFor(ledger: Ledger): ShopSettings {
  const shop = getShop(ledger);
  if (!shop) throw new Conflict("Enter the shop's details in Settings before printing.");
  return shop;
}

/** The party's khata balance right after the entry this document made (by insertion order, so a reprint shows the same figure). */
export function khataBalanceAfter(ledger: Ledger, docId: string): number | null {
  const row = ledger.sqlite
    .prepare('SELECT party_id AS partyId, rowid AS seq FROM khata_entries WHERE doc_id = ? ORDER BY rowid DESC LIMIT 1')
    .get(docId) as { partyId: string; seq: number } | undefined;
  if (!row) return null;
  return ledger.sqlite
    .prepare('SELECT COALESCE(SUM(amount_paise), 0) FROM khata_entries WHERE party_id = ? AND rowid <= ?')
    .pluck()
    .get(row.partyId, row.seq) as number;
}

/** What the shop owed the supplier right after the entry this payment made (by insertion order, as for the khata). */
function payableAfter(ledger: Ledger, docId: string): number {
  const row = ledger.sqlite
    .prepare(
      'SELECT party_id AS partyId, rowid AS seq FROM payable_entries WHERE doc_id = ? ORDER BY rowid DESC LIMIT 1',
    )
    .get(docId) as { partyId: string; seq: number } | undefined;
  if (!row) return 0;
  return ledger.sqlite
    .prepare('SELECT COALESCE(SUM(amount_paise), 0) FROM payable_entries WHERE party_id = ? AND rowid <= ?')
    .pluck()
    .get(row.partyId, row.seq) as number;
}

function paperOf(profile: PrinterProfile, shop: { receiptLanguage?: ReceiptLanguage } | null): ReceiptPaper {
  return {
    width: profile.width,
    cut: profile.cut,
    drawerKick: profile.drawerKick,
    language: shop?.receiptLanguage ?? 'en',
  };
}

export function receiptModelFor(
  ledger: Ledger,
  docType: PrintDocType,
  docId: string | null,
  profile: PrinterProfile,
  reprint: boolean,
): ReceiptModel {
  if (docType === 'test') {
    const shop = getShop(ledger);
    return testPage({ shop, printerName: profile.name, paper: paperOf(profile, shop) });
  }
  if (!docId) throw new NotFound('This print job names no document.');
  const shop = shopFor(ledger);
  const paper = paperOf(profile, shop);
  switch (docType) {
    case 'invoice': {
      const detail = getInvoice(ledger, docId);
      return invoiceReceipt({
        shop,
        invoice: detail.invoice,
        supply: detail.supply,
        lines: detail.lines,
        payments: detail.payments,
        khataBalancePaise: khataBalanceAfter(ledger, docId),
        paper,
        reprint,
        einvoice: printableEinvoice(einvoiceOf(ledger, docId)),
      });
    }
    case 'credit_note': {
      const detail = getCreditNote(ledger, docId);
      const sold = getInvoice(ledger, detail.creditNote.invoiceId);
      const soldLines = new Map(
        ledger.db
          .select()
          .from(invoiceLines)
          .where(
            inArray(
              invoiceLines.id,
              detail.lines.map((line) => line.invoiceLineId),
            ),
          )
          .all()
          .map((line) => [line.id, line]),
      );
      const lines = detail.lines.map((line) => ({
        ...line,
        name: soldLines.get(line.invoiceLineId)?.name ?? '',
        gstRateBp: soldLines.get(line.invoiceLineId)?.gstRateBp ?? 0,
      }));
      const creditNote = {
        ...detail.creditNote,
        invoiceNumber: sold.invoice.number,
        partyName: sold.invoice.partyName,
        interState: sold.invoice.interState,
      };
      return creditNoteReceipt({
        shop,
        creditNote,
        lines,
        khataBalancePaise: khataBalanceAfter(ledger, docId),
        paper,
        reprint,
      });
    }
    case 'receipt': {
      const receipt = ledger.db.select().from(receipts).where(eq(receipts.id, docId)).get();
      if (!receipt) throw new NotFound('No such payment receipt.');
      const party = ledger.db.select({ name: parties.name }).from(parties).where(eq(parties.id, receipt.partyId)).get();
      return khataReceipt({
        shop,
        receipt,
        partyName: party?.name ?? '',
        balanceAfterPaise: khataBalanceAfter(ledger, docId) ?? 0,
        paper,
        reprint,
      });
    }
    case 'receipt_reversal': {
      const reversal = ledger.db.select().from(receiptReversals).where(eq(receiptReversals.id, docId)).get();
      if (!reversal) throw new NotFound('No such receipt reversal.');
      const party = ledger.db
        .select({ name: parties.name })
        .from(parties)
        .where(eq(parties.id, reversal.partyId))
        .get();
      return receiptReversalSlip({
        shop,
        reversal,
        partyName: party?.name ?? '',
        balanceAfterPaise: khataBalanceAfter(ledger, docId) ?? 0,
        paper,
        reprint,
      });
    }
    case 'z_report': {
      const session = ledger.db
        .select({ counterId: cashSessions.counterId })
        .from(cashSessions)
        .where(eq(cashSessions.id, docId))
        .get();
      if (!session) throw new NotFound('No such shift.');
      return zReport({ shop, counterId: session.counterId, summary: sessionSummary(ledger, docId), paper, reprint });
    }
    case 'supplier_payment': {
      const payment = ledger.db.select().from(supplierPayments).where(eq(supplierPayments.id, docId)).get();
      if (!payment) throw new NotFound('No such supplier payment.');
      const party = ledger.db
        .select({ name: parties.name })
        .from(parties)
        .where(eq(parties.id, payment.supplierId))
        .get();
      return supplierPaymentSlip({
        shop,
        payment,
        supplierName: party?.name ?? '',
        payableAfterPaise: payableAfter(ledger, docId),
        paper,
        reprint,
      });
    }
    case 'purchase_order': {
      const { order, lines } = getPurchaseOrder(ledger, docId);
      return purchaseOrderReceipt({ shop, order, lines, expectedTotalPaise: order.expectedTotalPaise, paper, reprint });
    }
  }
}
