// Printing one claimed job: build its bytes (ESC/POS receipt or PDF), send them, and record what is known to have happened.
import { DomainError, Invalid } from '../../src-shared/errors';
import type { PrinterProfile } from '../../src-shared/contracts/printing';
import type { Ledger } from '../ledger/ledger';
import { receiptModelFor } from '../ledger/printing/documents';
import {
  drawerKickDue,
  findPrinter,
  markAttemptFailed,
  markFailed,
  markPrinted,
  printedBefore,
  type ClaimedJob,
} from '../ledger/printing/queue';
import type { PrintJob } from '../ledger/printing/schema';
import { renderEscPos } from './escpos';
import { invoicePdf } from './invoice-pdf';
import { sendToPrinter, type TransportConfig } from './transports';

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
