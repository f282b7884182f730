// Printing procedures for the renderer: queue state, reprint, test print, retry, receipt preview, invoice PDF.
import { z } from 'zod';
import { id } from '../../src-shared/contracts/common';
import { invoicePdfInput, listPrintJobsInput, printerProfile, reprintInput } from '../../src-shared/contracts/printing';
import { router, staffProcedure } from '../trpc/init';
import { listPrintJobs, pendingJobCount, retryJobNow } from '../ledger/printing/queue';
import { queueTestPrint, receiptPreview, reprintDocument } from '../ledger/printing/service';
import { invoicePdf } from './invoice-pdf';
import { writeTempPdf } from './pdf/open-file';

export const printingRouter = router({
  jobs: staffProcedure
    .input(listPrintJobsInput)
    .query(({ ctx, input }) => ({ jobs: listPrintJobs(ctx.ledger, input), pending: pendingJobCount(ctx.ledger) })),
  reprint: staffProcedure.input(reprintInput).mutation(({ ctx, input }) => reprintDocument(ctx.ledger, input)),
  testPrint: staffProcedure
    .input(z.object({ printerId: printerProfile.shape.id }).strict())
    .mutation(({ ctx, input }) => queueTestPrint(ctx.ledger, input.printerId)),
  retry: staffProcedure
    .input(z.object({ jobId: id }).strict())
    .mutation(({ ctx, input }) => retryJobNow(ctx.ledger, input.jobId)),
  preview: staffProcedure
    .input(reprintInput.pick({ docType: true, docId: true, printerId: true }))
    .query(({ ctx, input }) => receiptPreview(ctx.ledger, input)),
  invoicePdf: staffProcedure.input(invoicePdfInput).query(async ({ ctx, input }) => {
    const { fileName, pdf } = await invoicePdf(ctx.ledger, input.invoiceId, input.pageSize);
    return { fileName, base64: pdf.toString('base64') };
  }),
  /** "A4 invoice": opened in the system's viewer on the desktop; in a browser the PDF comes back to be downloaded. */
  openInvoicePdf: staffProcedure.input(invoicePdfInput).mutation(async ({ ctx, input }) => {
    const { fileName, pdf } = await invoicePdf(ctx.ledger, input.invoiceId, input.pageSize);
    if (!ctx.openFile) return { opened: false, fileName, base64: pdf.toString('base64') };
    await ctx.openFile(await writeTempPdf(fileName, pdf));
    return { opened: true, fileName, base64: null };
  }),
});
