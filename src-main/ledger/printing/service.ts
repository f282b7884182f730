// The print queue's rules for people: reprint any document, a test page, and the receipt preview, each checked first.
import { Conflict, Invalid } from '../../../src-shared/errors';
import type { PrinterProfile, ReprintInput } from '../../../src-shared/contracts/printing';
import { receiptText } from '../../../src-shared/printing/receipt-model';
import type { Ledger } from '../ledger';
import { getInvoice } from '../sales/service';
import { getPrinters } from '../settings/service';
import { receiptModelFor } from './documents';
import { addPrintJob, defaultPrinter, findPrinter } from './queue';
import type { PrintJob } from './schema';

function printerFor(ledger: Ledger, printerId: string | undefined): PrinterProfile {
  const printer = printerId ? findPrinter(ledger, printerId) : defaultPrinter(ledger);
  if (!printer)
    throw new Conflict(printerId ? { key: 'printerNotSetUp', params: { printer: printerId } } : { key: 'noPrinter' });
  return printer;
}

/** A4/A5 goes to an office printer through the OS queue: the one named, else the first such printer set up. */
function pagePrinterFor(ledger: Ledger, printerId: string | undefined): PrinterProfile {
  const printer = printerId
    ? printerFor(ledger, printerId)
    : getPrinters(ledger).find((profile) => profile.connection.kind === 'os');
  if (!printer) throw new Conflict({ key: 'noPagePrinter' });
  if (printer.connection.kind !== 'os')
    throw new Invalid({ key: 'receiptPrinterNotPage', params: { printer: printer.name } });
  return printer;
}

/** Reprint any document at any time: a new job; it comes out marked as a duplicate if the document was printed before. */
export function reprintDocument(ledger: Ledger, input: ReprintInput): PrintJob {
  return ledger.transaction(() => {
    const printer =
      input.format === 'receipt' ? printerFor(ledger, input.printerId) : pagePrinterFor(ledger, input.printerId);
    if (input.format === 'receipt') receiptModelFor(ledger, input.docType, input.docId, printer, true);
    else if (input.docType !== 'invoice') throw new Invalid('Only invoices print on A4/A5.');
    else getInvoice(ledger, input.docId);
    return addPrintJob(ledger, {
      docType: input.docType,
      docId: input.docId,
      printerId: printer.id,
      format: input.format,
      opensDrawer: false,
    });
  });
}

export function queueTestPrint(ledger: Ledger, printerId: string): PrintJob {
  return ledger.transaction(() =>
    addPrintJob(ledger, {
      docType: 'test',
      docId: null,
      printerId: printerFor(ledger, printerId).id,
      format: 'receipt',
      opensDrawer: true,
    }),
  );
}

/** What the receipt says, line by line, for the invoice screen's preview. */
export function receiptPreview(ledger: Ledger, input: Pick<ReprintInput, 'docType' | 'docId' | 'printerId'>): string[] {
  return receiptText(receiptModelFor(ledger, input.docType, input.docId, printerFor(ledger, input.printerId), false));
}
