// Purchase order procedures: anyone logged in may look and suggest; making, sending and cancelling is for a manager.
import { z } from 'zod';
import { id } from '../../../src-shared/contracts/common';
import {
  cancelPurchaseOrderInput,
  createPurchaseOrderInput,
  listPurchaseOrdersInput,
  purchaseOrder,
  purchaseOrderDetail,
  purchaseOrderIdInput,
  purchaseOrderSuggestions,
  sendPurchaseOrderInput,
  suggestPurchaseOrderInput,
  updatePurchaseOrderInput,
} from '../../../src-shared/contracts/purchase-orders';
import { SHARE_LANGUAGES, purchaseOrderText } from '../../../src-shared/purchase-orders/share-text';
import { managerProcedure, router, staffProcedure } from '../../trpc/init';
import { purchaseOrderPdf } from '../../printing/purchase-order-pdf';
import { writeTempPdf } from '../../printing/pdf/open-file';
import { requireShop } from '../settings/service';
import {
  cancelPurchaseOrder,
  createPurchaseOrder,
  getPurchaseOrder,
  listPurchaseOrders,
  sendPurchaseOrder,
  updatePurchaseOrder,
} from './service';
import { suggestPurchaseOrder } from './suggest';

const shareTextInput = z.object({ id, language: z.enum(SHARE_LANGUAGES).default('en') }).strict();
const pdfOutput = z.object({ fileName: z.string(), base64: z.string() });

export const purchaseOrdersRouter = router({
  suggest: staffProcedure
    .input(suggestPurchaseOrderInput)
    .output(purchaseOrderSuggestions)
    .query(({ ctx, input }) => suggestPurchaseOrder(ctx.ledger, input)),
  create: managerProcedure
    .input(createPurchaseOrderInput)
    .output(purchaseOrderDetail.extend({ replayed: z.boolean() }))
    .mutation(({ ctx, input }) => createPurchaseOrder(ctx.ledger, ctx.actor, input)),
  update: managerProcedure
    .input(updatePurchaseOrderInput)
    .output(purchaseOrderDetail)
    .mutation(({ ctx, input }) => updatePurchaseOrder(ctx.ledger, ctx.actor, input)),
  send: managerProcedure
    .input(sendPurchaseOrderInput)
    .output(purchaseOrderDetail.extend({ printJobId: z.string().nullable() }))
    .mutation(({ ctx, input }) => sendPurchaseOrder(ctx.ledger, ctx.actor, input)),
  cancel: managerProcedure
    .input(cancelPurchaseOrderInput)
    .output(purchaseOrderDetail)
    .mutation(({ ctx, input }) => cancelPurchaseOrder(ctx.ledger, ctx.actor, input)),
  list: staffProcedure
    .input(listPurchaseOrdersInput)
    .output(purchaseOrder.array())
    .query(({ ctx, input }) => listPurchaseOrders(ctx.ledger, input)),
  get: staffProcedure
    .input(purchaseOrderIdInput)
    .output(purchaseOrderDetail)
    .query(({ ctx, input }) => getPurchaseOrder(ctx.ledger, input.id)),
  /** Plain text for WhatsApp, in the language the screen is in. */
  shareText: staffProcedure
    .input(shareTextInput)
    .output(z.object({ text: z.string() }))
    .query(({ ctx, input }) => {
      const { order, lines } = getPurchaseOrder(ctx.ledger, input.id);
      return { text: purchaseOrderText({ shop: requireShop(ctx.ledger), order, lines }, input.language) };
    }),
  pdf: staffProcedure
    .input(purchaseOrderIdInput)
    .output(pdfOutput)
    .query(async ({ ctx, input }) => {
      const { fileName, pdf } = await purchaseOrderPdf(ctx.ledger, input.id);
      return { fileName, base64: pdf.toString('base64') };
    }),
  /** "A4 PDF": opened in the system's viewer on the desktop; in a browser the PDF comes back to be downloaded. */
  openPdf: staffProcedure
    .input(purchaseOrderIdInput)
    .output(z.object({ opened: z.boolean(), fileName: z.string(), base64: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const { fileName, pdf } = await purchaseOrderPdf(ctx.ledger, input.id);
      if (!ctx.openFile) return { opened: false, fileName, base64: pdf.toString('base64') };
      await ctx.openFile(await writeTempPdf(fileName, pdf));
      return { opened: true, fileName, base64: null };
    }),
});
