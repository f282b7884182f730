// Printing one queued job: build its bytes (ESC/POS receipt or PDF), send them, and record what is known to have happened.
import { eq } from 'drizzle-orm';
import { Conflict, DomainError, Invalid } from '../../../src-shared/errors';
import type { PrinterProfile, ReprintInput } from '../../../src-shared/contracts/printing';
import { receiptText } from '../../../src-shared/printing/receipt-model';
import type { Ledger } from '../ledger';
import { getInvoice } from '../sales/service';
import { parties } from '../parties/schema';
import { requireShop } from '../settings/service';
import { renderEscPos } from '../../printing/escpos';
import { invoiceDocument } from '../../printing/pdf/invoice-document';
import { renderPdf } from '../../printing/pdf/render';
import { sendToPrinter, type TransportConfig } from '../../printing/transports';
import { receiptModelFor } from './documents';
import {
  addPrintJob,
  defaultPrinter,
  drawerKickDue,
  findPrinter,
  markAttemptFailed,
  markFailed,
  markPrinted,
  printedBefore,
  type ClaimedJob,
} from './queue';
import type { PrintJob } from './schema';

export interface PrintConfig {
  transport: TransportConfig;
  /** A job that came out of a failed attempt waits base × 2^(attempts − 1), at most max. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a claimed job is reserved for its attempt; must exceed the longest attempt (connect + status + io). */
  leaseMs: number;
}

export function retryDelayMs(attempts: number, config: Pick<PrintConfig, 'retryBaseMs' | 'retryMaxMs'>): number {
  return Math.min(config.retryBaseMs * 2 ** Math.max(attempts - 1, 0), config.retryMaxMs);
}

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
      lines: detail.lines,
      payments: detail.payments,
      party,
      pageSize,
    }),
  );
  return { fileName: `${detail.invoice.number}.pdf`, pdf };
}

async function jobBytes(ledger: Ledger, job: PrintJob, profile: PrinterProfile, reprint: boolean): Promise<Buffer> {
  if (job.format === 'receipt') {
    const model = receiptModelFor(ledger, job.docType, job.docId, profile, reprint);
    return renderEscPos({ ...model, drawerKick: model.drawerKick && drawerKickDue(job, ledger.clock()) }, profile);
  }
  if (job.docType !== 'invoice' || !job.docId) throw new Invalid('Only invoices print on A4/A5.');
  if (profile.connection.kind !== 'os')
    throw new Invalid(`${profile.name} is a receipt printer; A4/A5 invoices print through an OS printer queue.`);
  return (await invoicePdf(ledger, job.docId, job.format === 'a5' ? 'A5' : 'A4')).pdf;
}

/** One attempt at a claimed job. Never throws: every outcome is written to the job row. */
export async function printClaimedJob(
  ledger: Ledger,
  claimed: ClaimedJob,
  config: PrintConfig,
): Promise<PrintJob['status']> {
  const { job, uncertain } = claimed;
  const profile = findPrinter(ledger, job.printerId);
  if (!profile) {
    markFailed(ledger, job.id, `Printer "${job.printerId}" is no longer set up; reprint on another printer.`);
    return 'failed';
  }
  let bytes: Buffer;
  try {
    bytes = await jobBytes(ledger, job, profile, uncertain || printedBefore(ledger, job));
  } catch (error) {
    markFailed(
      ledger,
      job.id,
      error instanceof DomainError ? error.message : `Could not lay out the document: ${String(error)}`,
    );
    return 'failed';
  }
  const outcome = await sendToPrinter(profile.connection, bytes, { raw: job.format === 'receipt' }, config.transport);
  if (outcome.ok) {
    markPrinted(ledger, job.id);
    return 'done';
  }
  markAttemptFailed(ledger, job, outcome, retryDelayMs(job.attempts, config), uncertain);
  return outcome.delivered === 'maybe' || uncertain ? 'printing' : 'queued';
}

function printerFor(ledger: Ledger, printerId: string | undefined): PrinterProfile {
  const printer = printerId ? findPrinter(ledger, printerId) : defaultPrinter(ledger);
  if (!printer)
    throw new Conflict(
      printerId ? `No printer "${printerId}" is set up.` : 'No printer is set up: add one in Settings → Printers.',
    );
  return printer;
}

/** Reprint any document at any time: a new job; it comes out marked as a duplicate if the document was printed before. */
export function reprintDocument(ledger: Ledger, input: ReprintInput): PrintJob {
  return ledger.transaction(() => {
    const printer = printerFor(ledger, input.printerId);
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
