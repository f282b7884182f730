// Cancelling an IRN from the dashboard: only a generated one, only within the IRP's 24 hours, with its reason code and
// remark (Cancel IRN API: CnlRsn, CnlRem); the cancellation is published to the counters like the IRN was.
import { and, eq } from 'drizzle-orm';
import { IRN_CANCEL_HOURS } from '../../../src-shared/gst/einvoice';
import { Conflict, Invalid, NotFound } from '../../../src-shared/errors';
import type { CancelEinvoiceInput } from '../../../src-shared/contracts/einvoice';
import { inShop } from '../../db/tenant';
import { shops } from '../../accounts/schema';
import { einvoiceDocuments } from './schema';
import { publishEinvoice } from './publish';
import type { EinvoiceDeps } from './queue';

export async function cancelEinvoice(deps: EinvoiceDeps, shopId: string, input: CancelEinvoiceInput) {
  const [doc] = await inShop(deps.db, shopId, (tx) =>
    tx
      .select()
      .from(einvoiceDocuments)
      .where(and(eq(einvoiceDocuments.shopId, shopId), eq(einvoiceDocuments.docId, input.docId))),
  );
  if (!doc) throw new NotFound('No e-invoice for this document in this shop.');
  if (doc.status === 'cancelled') throw new Conflict({ key: 'einvoiceAlreadyCancelled' });
  if (doc.status !== 'generated' || !doc.irn || !doc.generatedAt) throw new Conflict({ key: 'einvoiceNotGenerated' });
  if (deps.clock().getTime() - doc.generatedAt.getTime() > IRN_CANCEL_HOURS * 3_600_000)
    throw new Invalid({ key: 'einvoiceCancelTooLate' });
  const [shop] = await inShop(deps.db, shopId, (tx) =>
    tx.select({ gstin: shops.gstin }).from(shops).where(eq(shops.id, shopId)),
  );
  const outcome = await deps.client.cancelIrn(shop?.gstin ?? '', {
    Irn: doc.irn,
    CnlRsn: input.reason,
    CnlRem: input.remark,
  });
  if (!outcome.ok) {
    const [first] = outcome.errors;
    const params = { code: first?.code ?? '', message: first?.message ?? '' };
    if (outcome.kind === 'unreachable') throw new Conflict({ key: 'einvoiceIrpUnreachable', params });
    throw new Conflict({ key: 'einvoiceIrpRefused', params });
  }
  const now = deps.clock();
  return inShop(deps.db, shopId, async (tx) => {
    const [row] = await tx
      .update(einvoiceDocuments)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        cancelReason: input.reason,
        cancelRemark: input.remark,
        updatedAt: now,
      })
      .where(and(eq(einvoiceDocuments.shopId, shopId), eq(einvoiceDocuments.docId, doc.docId)))
      .returning();
    await publishEinvoice(tx, shopId, row!);
    return row!;
  });
}
