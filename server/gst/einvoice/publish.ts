// Publishes a document's e-invoice state to the shop's change feed, so the counters pull the IRN and signed QR code
// (or the IRP's error) and print or show it. Takes the shop's change number under its row lock, as a push does.
import { eq, sql } from 'drizzle-orm';
import { SERVER_ORIGIN_ID, type EinvoicePulledPayload } from '../../../src-shared/sync/einvoice-payload';
import type { ServerDb } from '../../db/connection';
import { shops } from '../../accounts/schema';
import { changes } from '../../sync/schema';
import type { einvoiceDocuments } from './schema';

export function pulledPayload(row: typeof einvoiceDocuments.$inferSelect): EinvoicePulledPayload {
  return {
    docId: row.docId,
    docKind: row.docKind,
    invoiceId: row.invoiceId,
    docNumber: row.docNumber,
    // A worker's hold is the server's business: the counter sees the document as still waiting.
    status: row.status === 'sending' ? 'pending' : row.status,
    irn: row.irn,
    ackNo: row.ackNo,
    ackDt: row.ackDt,
    signedQrCode: row.signedQrCode,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

export async function publishEinvoice(tx: ServerDb, shopId: string, row: typeof einvoiceDocuments.$inferSelect) {
  const [shop] = await tx
    .update(shops)
    .set({ changeSeq: sql`${shops.changeSeq} + 1` })
    .where(eq(shops.id, shopId))
    .returning({ seq: shops.changeSeq });
  await tx.insert(changes).values({
    shopId,
    seq: shop!.seq,
    originCounterId: SERVER_ORIGIN_ID,
    entity: 'einvoice',
    entityId: row.docId,
    payload: pulledPayload(row),
  });
}
