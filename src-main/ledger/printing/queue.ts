// The print queue's rows and their states. A job row is written in the same transaction as its document.
//
// States, and what each promises:
//   queued   — nothing of this job has reached a printer; it is due at next_attempt_at.
//   printing — an attempt is under way, or one ended without knowing how much came out (a stall, a crash,
//              an app restart). The next attempt prints the whole document again, marked REPRINT.
//   done     — the printer took every byte and closed the connection (src-main/printing/transports.ts says why
//              that is the strongest proof raw ESC/POS gives).
//   failed   — cannot ever print as asked (the printer profile or the document is gone); a person decides.
// A job is never dropped for being retried too often: an unplugged printer is retried (with backoff) until
// it is back, and reprint makes a new job at any time.
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { NotFound } from '../../../src-shared/errors';
import type { PrinterProfile } from '../../../src-shared/contracts/printing';
import { type Ledger, nowIso } from '../ledger';
import { getPrinters } from '../settings/service';
import { invoices } from '../sales/schema';
import { creditNotes } from '../returns/schema';
import { receiptReversals, receipts } from '../khata/schema';
import { purchaseOrders } from '../purchase-orders/schema';
import { supplierPayments } from '../payables/schema';
import { printJobs, type PrintJob } from './schema';

export type PrintDocType = PrintJob['docType'];
export type PrintFormat = PrintJob['format'];

export function defaultPrinter(ledger: Ledger): PrinterProfile | null {
  const printers = getPrinters(ledger);
  return printers.find((printer) => printer.isDefault) ?? printers[0] ?? null;
}

/** How long after its document a receipt may still open the drawer: a printer back within seconds, not minutes. */
export const DRAWER_KICK_WINDOW_MS = 30_000;

export function findPrinter(ledger: Ledger, printerId: string): PrinterProfile | null {
  return getPrinters(ledger).find((printer) => printer.id === printerId) ?? null;
}

/**
 * Writes a job row. Call inside the document's own transaction so the job exists if and only if the document does.
 * `opensDrawer`: the document is being made now (a sale, refund, payment or test print), so its receipt may open
 * the drawer if it prints within the window; a reprint never does.
 */
export function addPrintJob(
  ledger: Ledger,
  job: { docType: PrintDocType; docId: string | null; printerId: string; format: PrintFormat; opensDrawer: boolean },
): PrintJob {
  const at = nowIso(ledger);
  const { opensDrawer, ...fields } = job;
  const row: PrintJob = {
    id: randomUUID(),
    ...fields,
    drawerKickUntil: opensDrawer ? new Date(Date.parse(at) + DRAWER_KICK_WINDOW_MS).toISOString() : null,
    copies: 1,
    status: 'queued',
    attempts: 0,
    lastError: null,
    nextAttemptAt: at,
    createdAt: at,
    printedAt: null,
  };
  ledger.db.insert(printJobs).values(row).run();
  return row;
}

/** The one call billing, returns and khata make: a receipt on the default printer, or nothing when no printer is set up. */
export function queueDocumentPrint(ledger: Ledger, docType: PrintDocType, docId: string): PrintJob | null {
  const printer = defaultPrinter(ledger);
  return printer
    ? addPrintJob(ledger, { docType, docId, printerId: printer.id, format: 'receipt', opensDrawer: true })
    : null;
}

export interface ClaimedJob {
  job: PrintJob;
  /** A previous attempt may have put part or all of it on paper: print it marked as a reprint. */
  uncertain: boolean;
}

/**
 * Takes the oldest due job and marks it 'printing' before a byte is sent, with a lease: if the app dies
 * now, the row stays 'printing' and is retried (marked) once the lease runs out or the app restarts.
 */
export function claimDueJob(ledger: Ledger, leaseMs: number): ClaimedJob | null {
  return ledger.transaction(() => {
    const now = ledger.clock();
    const job = ledger.db
      .select()
      .from(printJobs)
      .where(and(inArray(printJobs.status, ['queued', 'printing']), lte(printJobs.nextAttemptAt, now.toISOString())))
      // Insertion order (rowid): receipts come out in the order the bills were made, even within one millisecond.
      .orderBy(asc(sql`rowid`))
      .limit(1)
      .get();
    if (!job) return null;
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    ledger.db
      .update(printJobs)
      .set({ status: 'printing', attempts: job.attempts + 1, nextAttemptAt: lease })
      .where(eq(printJobs.id, job.id))
      .run();
    return {
      job: { ...job, status: 'printing', attempts: job.attempts + 1, nextAttemptAt: lease },
      uncertain: job.status === 'printing',
    };
  });
}

/** A receipt printing late (the printer was off) must not spring the drawer open minutes after the sale. */
export function drawerKickDue(job: PrintJob, now: Date): boolean {
  return job.drawerKickUntil !== null && now.getTime() <= Date.parse(job.drawerKickUntil);
}

export function markPrinted(ledger: Ledger, jobId: string): void {
  const at = nowIso(ledger);
  ledger.db
    .update(printJobs)
    .set({ status: 'done', printedAt: at, lastError: null })
    .where(eq(printJobs.id, jobId))
    .run();
}

/** A failed attempt: back to 'queued' if nothing reached the printer, kept 'printing' (so the retry is marked) if something may have. */
export function markAttemptFailed(
  ledger: Ledger,
  job: PrintJob,
  outcome: { delivered: 'none' | 'maybe'; reason: string },
  delayMs: number,
  wasUncertain: boolean,
): void {
  const status = outcome.delivered === 'maybe' || wasUncertain ? 'printing' : 'queued';
  const nextAttemptAt = new Date(ledger.clock().getTime() + delayMs).toISOString();
  ledger.db
    .update(printJobs)
    .set({ status, lastError: outcome.reason, nextAttemptAt })
    .where(eq(printJobs.id, job.id))
    .run();
}

export function markFailed(ledger: Ledger, jobId: string, reason: string): void {
  ledger.db.update(printJobs).set({ status: 'failed', lastError: reason }).where(eq(printJobs.id, jobId)).run();
}

/** At start-up no attempt can be under way, so every 'printing' row was interrupted: make it due now (it prints marked). */
export function recoverInterruptedJobs(ledger: Ledger): number {
  return ledger.db
    .update(printJobs)
    .set({ nextAttemptAt: nowIso(ledger), lastError: 'interrupted: the app stopped while printing' })
    .where(eq(printJobs.status, 'printing'))
    .run().changes;
}

/** Whether this document already came out on paper from an earlier job: a later copy is a duplicate and says so. */
export function printedBefore(ledger: Ledger, job: PrintJob): boolean {
  if (!job.docId) return false;
  const earlier = ledger.db
    .select({ id: printJobs.id })
    .from(printJobs)
    .where(
      and(
        eq(printJobs.docId, job.docId),
        eq(printJobs.docType, job.docType),
        eq(printJobs.status, 'done'),
        ne(printJobs.id, job.id),
      ),
    )
    .limit(1)
    .get();
  return earlier !== undefined;
}

/** The number of the document a job prints (a bill, credit note, receipt, reversal, order or supplier payment), so a person can tell which one is waiting. */
const docNumber = sql<string | null>`COALESCE(
  (SELECT ${invoices.number} FROM ${invoices} WHERE ${invoices.id} = ${printJobs.docId}),
  (SELECT ${creditNotes.number} FROM ${creditNotes} WHERE ${creditNotes.id} = ${printJobs.docId}),
  (SELECT ${receipts.number} FROM ${receipts} WHERE ${receipts.id} = ${printJobs.docId}),
  (SELECT ${receiptReversals.number} FROM ${receiptReversals} WHERE ${receiptReversals.id} = ${printJobs.docId}),
  (SELECT ${purchaseOrders.number} FROM ${purchaseOrders} WHERE ${purchaseOrders.id} = ${printJobs.docId}),
  (SELECT ${supplierPayments.number} FROM ${supplierPayments} WHERE ${supplierPayments.id} = ${printJobs.docId}))`;

export function listPrintJobs(
  ledger: Ledger,
  filter: { status?: PrintJob['status']; docId?: string; limit: number },
): (PrintJob & { docNumber: string | null })[] {
  const where = and(
    filter.status ? eq(printJobs.status, filter.status) : undefined,
    filter.docId ? eq(printJobs.docId, filter.docId) : undefined,
  );
  return ledger.db
    .select({ ...getTableColumns(printJobs), docNumber })
    .from(printJobs)
    .where(where)
    .orderBy(desc(sql`rowid`))
    .limit(filter.limit)
    .all();
}

/** How many jobs wait for a printer: for the status bar and the owner's monitoring page. */
export function pendingJobCount(ledger: Ledger): number {
  return (
    ledger.db
      .select({ n: count() })
      .from(printJobs)
      .where(or(eq(printJobs.status, 'queued'), eq(printJobs.status, 'printing')))
      .get()?.n ?? 0
  );
}

/** "Retry now" on a waiting or failed job: due at once; a failed job is queued again. */
export function retryJobNow(ledger: Ledger, jobId: string): PrintJob {
  return ledger.transaction(() => {
    const job = ledger.db.select().from(printJobs).where(eq(printJobs.id, jobId)).get();
    if (!job) throw new NotFound('No such print job.');
    if (job.status === 'done') return job;
    const status = job.status === 'failed' ? 'queued' : job.status;
    ledger.db
      .update(printJobs)
      .set({ status, nextAttemptAt: nowIso(ledger) })
      .where(eq(printJobs.id, jobId))
      .run();
    return { ...job, status, nextAttemptAt: nowIso(ledger) };
  });
}
