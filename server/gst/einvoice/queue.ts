// The e-invoice queue: B2B invoices and credit notes enter it in the transaction that stores them from a counter's
// push (once: one row per document), and a worker reports each to the IRP through the GSP adapter. It never sends a
// second Generate IRN for a document: after a try whose answer was lost it asks the IRP for the document's IRN first
// (GetIRNByDocDetails), and a duplicate-IRN answer (2150) is resolved the same way. A timeout or an unreadable reply is
// tried again with backoff; a refusal is kept with the IRP's code and message; past the 30-day window nothing is sent.
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import {
  buildEinvoice,
  EINVOICE_REPORTING_DAYS,
  einvoiceCreditNoteSource,
  einvoiceInvoiceSource,
  isB2b,
  type Einvoice,
} from '../../../src-shared/gst/einvoice';
import { DomainError } from '../../../src-shared/errors';
import { shopBusinessDate } from '../../../src-shared/shop-time';
import type { ServerDb } from '../../db/connection';
import { inShop } from '../../db/tenant';
import { shops } from '../../accounts/schema';
import { creditNotes, invoices } from '../../documents/schema';
import type { BatchRows } from '../../sync/rows';
import { IRP_DUPLICATE_IRN, type IrnAck, type IrpClient, type IrpError } from './irp-client';
import { einvoiceDocuments, einvoiceSettings } from './schema';
import { publishEinvoice } from './publish';

export interface EinvoiceDeps {
  db: ServerDb;
  clock: () => Date;
  client: IrpClient;
}

/** Galla's own codes, for what it decides before or without the IRP. */
export const GALLA_REFUSED = 'GALLA_INVALID';
export const WINDOW_PASSED = 'WINDOW_PASSED';
const WINDOW_MESSAGE = `Not reported within ${EINVOICE_REPORTING_DAYS} days of its date: the IRP no longer accepts it.`;

/** 1, 2, 4 … minutes after each failed try to reach the IRP, at most an hour. */
export const retryDelayMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
/** How long a worker may hold a document before another may take it over (asking the IRP first). */
const CLAIM_MS = 2 * 60_000;

export async function einvoicingEnabled(tx: ServerDb, shopId: string): Promise<boolean> {
  const [row] = await tx.select().from(einvoiceSettings).where(eq(einvoiceSettings.shopId, shopId));
  return row?.enabled ?? false;
}

export async function setEinvoicing(tx: ServerDb, shopId: string, enabled: boolean): Promise<{ enabled: boolean }> {
  await tx
    .insert(einvoiceSettings)
    .values({ shopId, enabled })
    .onConflictDoUpdate({ target: einvoiceSettings.shopId, set: { enabled, updatedAt: sql`now()` } });
  return { enabled };
}

/**
 * Called by the push, in its transaction, with the documents it stored for the first time: each B2B invoice, and each
 * credit note against one, joins the queue when the shop e-invoices. A replayed push adds nothing (newIds is empty).
 */
export async function enqueueEinvoices(
  tx: ServerDb,
  shopId: string,
  rows: Pick<BatchRows, 'invoices' | 'creditNotes'>,
  newIds: Set<string>,
): Promise<void> {
  const fresh = [...rows.invoices, ...rows.creditNotes].filter((row) => newIds.has(row.id));
  if (!fresh.length || !(await einvoicingEnabled(tx, shopId))) return;
  const queued: (typeof einvoiceDocuments.$inferInsert)[] = [];
  for (const row of rows.invoices.filter((each) => newIds.has(each.id))) {
    const source = einvoiceInvoiceSource.safeParse(row.payload);
    // A bill the counter sent without a buyer's details is B2C: not e-invoiced.
    if (!source.success || !isB2b(source.data)) continue;
    queued.push(entry(shopId, row, 'invoice', row.id));
  }
  for (const row of rows.creditNotes.filter((each) => newIds.has(each.id))) {
    const [invoice] = await tx
      .select({ payload: invoices.payload })
      .from(invoices)
      .where(and(eq(invoices.shopId, shopId), eq(invoices.id, row.invoiceId)));
    const source = einvoiceInvoiceSource.safeParse(invoice?.payload);
    if (!source.success || !isB2b(source.data)) continue;
    queued.push(entry(shopId, row, 'credit_note', row.invoiceId));
  }
  if (queued.length) await tx.insert(einvoiceDocuments).values(queued).onConflictDoNothing();
}

function entry(
  shopId: string,
  row: { id: string; counterId: string; number: string; businessDate: string },
  docKind: 'invoice' | 'credit_note',
  invoiceId: string,
): typeof einvoiceDocuments.$inferInsert {
  return {
    shopId,
    docId: row.id,
    docKind,
    invoiceId,
    counterId: row.counterId,
    docNumber: row.number,
    docDate: row.businessDate,
  };
}

type DocumentRow = typeof einvoiceDocuments.$inferSelect;

/** Takes the documents due now (pending, or held by a worker that has gone quiet) for this worker. */
async function claimDue(deps: EinvoiceDeps, shopId: string): Promise<DocumentRow[]> {
  const now = deps.clock();
  return inShop(deps.db, shopId, (tx) =>
    tx
      .update(einvoiceDocuments)
      .set({ status: 'sending', claimedUntil: new Date(now.getTime() + CLAIM_MS), updatedAt: now })
      .where(
        and(
          eq(einvoiceDocuments.shopId, shopId),
          or(
            and(eq(einvoiceDocuments.status, 'pending'), lte(einvoiceDocuments.nextAttemptAt, now)),
            and(eq(einvoiceDocuments.status, 'sending'), lte(einvoiceDocuments.claimedUntil, now)),
          ),
        ),
      )
      .returning(),
  );
}

/** Reports every document of the shop that is due; returns how many it settled (generated, refused or expired). */
export async function reportDueEinvoices(deps: EinvoiceDeps, shopId: string): Promise<number> {
  let settled = 0;
  for (const doc of await claimDue(deps, shopId)) if (await reportOne(deps, shopId, doc)) settled++;
  return settled;
}

interface Built {
  gstin: string;
  einvoice: Einvoice;
}

async function build(tx: ServerDb, shopId: string, doc: DocumentRow): Promise<Built> {
  const [shop] = await tx
    .select({ gstin: shops.gstin, legalName: shops.legalName })
    .from(shops)
    .where(eq(shops.id, shopId));
  const [invoice] = await tx
    .select({ payload: invoices.payload })
    .from(invoices)
    .where(and(eq(invoices.shopId, shopId), eq(invoices.id, doc.invoiceId)));
  const source = einvoiceInvoiceSource.parse(invoice?.payload);
  const gstin = shop?.gstin ?? source.seller.gstin ?? '';
  const seller = { gstin, legalName: shop?.legalName ?? '' };
  if (doc.docKind === 'invoice') return { gstin, einvoice: buildEinvoice(seller, source) };
  const [note] = await tx
    .select({ payload: creditNotes.payload })
    .from(creditNotes)
    .where(and(eq(creditNotes.shopId, shopId), eq(creditNotes.id, doc.docId)));
  return { gstin, einvoice: buildEinvoice(seller, source, einvoiceCreditNoteSource.parse(note?.payload)) };
}

type Settle =
  | { status: 'generated'; ack: IrnAck }
  | { status: 'refused' | 'expired'; error: IrpError }
  | { status: 'pending'; error: IrpError };

async function reportOne(deps: EinvoiceDeps, shopId: string, doc: DocumentRow): Promise<boolean> {
  const now = deps.clock();
  const age = differenceInCalendarDays(parseISO(shopBusinessDate(now)), parseISO(doc.docDate));
  if (age > EINVOICE_REPORTING_DAYS)
    return settle(deps, shopId, doc, { status: 'expired', error: { code: WINDOW_PASSED, message: WINDOW_MESSAGE } });
  let built: Built;
  try {
    built = await inShop(deps.db, shopId, (tx) => build(tx, shopId, doc));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return settle(deps, shopId, doc, { status: 'refused', error: { code: GALLA_REFUSED, message: error.message } });
  }
  return settle(deps, shopId, doc, await ask(deps, shopId, doc, built));
}

/** Asks the IRP for the document's IRN: by its details when a request may already have reached it, else generating. */
async function ask(deps: EinvoiceDeps, shopId: string, doc: DocumentRow, built: Built): Promise<Settle> {
  const { client } = deps;
  const details = { Typ: built.einvoice.DocDtls.Typ, No: built.einvoice.DocDtls.No, Dt: built.einvoice.DocDtls.Dt };
  if (doc.sentAt !== null) {
    const known = await client.irnByDocument(built.gstin, details);
    if (known.ok) return { status: 'generated', ack: known.data };
    if (known.kind === 'unreachable') return { status: 'pending', error: known.errors[0]! };
  }
  await inShop(deps.db, shopId, (tx) =>
    tx
      .update(einvoiceDocuments)
      .set({ sentAt: deps.clock() })
      .where(and(eq(einvoiceDocuments.shopId, shopId), eq(einvoiceDocuments.docId, doc.docId))),
  );
  const outcome = await client.generateIrn(built.gstin, built.einvoice);
  if (outcome.ok) return { status: 'generated', ack: outcome.data };
  if (outcome.kind === 'unreachable') return { status: 'pending', error: outcome.errors[0]! };
  if (outcome.errors.some((error) => error.code === IRP_DUPLICATE_IRN)) {
    const existing = await client.irnByDocument(built.gstin, details);
    if (existing.ok) return { status: 'generated', ack: existing.data };
    if (existing.kind === 'unreachable') return { status: 'pending', error: existing.errors[0]! };
  }
  const error = {
    code: outcome.errors.map((e) => e.code).join(', '),
    message: outcome.errors.map((e) => e.message).join('; '),
  };
  return { status: 'refused', error };
}

async function settle(deps: EinvoiceDeps, shopId: string, doc: DocumentRow, outcome: Settle): Promise<boolean> {
  const now = deps.clock();
  const attempts = doc.attempts + 1;
  const set: Partial<typeof einvoiceDocuments.$inferInsert> =
    outcome.status === 'generated'
      ? {
          status: 'generated',
          irn: outcome.ack.Irn,
          ackNo: outcome.ack.AckNo,
          ackDt: outcome.ack.AckDt,
          signedQrCode: outcome.ack.SignedQRCode,
          signedInvoice: outcome.ack.SignedInvoice,
          generatedAt: now,
          errorCode: null,
          errorMessage: null,
        }
      : {
          status: outcome.status,
          errorCode: outcome.error.code,
          errorMessage: outcome.error.message,
          ...(outcome.status === 'pending' ? { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) } : {}),
        };
  await inShop(deps.db, shopId, async (tx) => {
    const [row] = await tx
      .update(einvoiceDocuments)
      .set({ ...set, attempts, claimedUntil: null, updatedAt: now })
      .where(and(eq(einvoiceDocuments.shopId, shopId), eq(einvoiceDocuments.docId, doc.docId)))
      .returning();
    await publishEinvoice(tx, shopId, row!);
  });
  return outcome.status !== 'pending';
}

/** The documents of some invoices, for the owner's and the counter's views. */
export function einvoicesOf(tx: ServerDb, shopId: string, invoiceIds: string[]) {
  return tx
    .select()
    .from(einvoiceDocuments)
    .where(and(eq(einvoiceDocuments.shopId, shopId), inArray(einvoiceDocuments.invoiceId, invoiceIds)));
}
