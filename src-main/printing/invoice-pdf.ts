// An invoice as an A4/A5 PDF: reads it (and its customer's address) from the ledger and lays it out.
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger/ledger';
import { getInvoice } from '../ledger/sales/service';
import { parties } from '../ledger/parties/schema';
import { requireShop } from '../ledger/settings/service';
import { invoiceDocument } from '../../src-shared/printing/invoice-pdf';
import { renderPdf } from './pdf/render';
import { einvoiceOf } from '../ledger/einvoice/service';
import { printableEinvoice } from '../../src-shared/printing/einvoice-print';
import { withQrImage } from './einvoice-qr';

export async function invoicePdf(
  ledger: Ledger,
  invoiceId: string,
  pageSize: 'A4' | 'A5',
): Promise<{ fileName: string; pdf: Buffer }> {
  const detail = getInvoice(ledger, invoiceId);
  const party = detail.invoice.partyId
    ? (ledger.db
        .select({ address: parties.address, phone: parties.phone })
        .from(parties)
        .where(eq(parties.id, detail.invoice.partyId))
        .get() ?? null)
    : null;
  const pdf = await renderPdf(
    invoiceDocument({
      shop: requireShop(ledger),
      invoice: detail.invoice,
      supply: detail.supply,
      lines: detail.lines,
      payments: detail.payments,
      party,
      pageSize,
      einvoice: await withQrImage(printableEinvoice(einvoiceOf(ledger, invoiceId))),
    }),
  );
  return { fileName: `${detail.invoice.number}.pdf`, pdf };
}
