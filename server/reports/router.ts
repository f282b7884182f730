// Owner-report procedures over all of a shop's counters: each reads summaries in the shop's one tenant transaction (RLS).
import {
  exportInput,
  gstr1Input,
  invoiceInput,
  invoicePdfRequest,
  invoiceListInput,
  khataReportInput,
  reportRange,
} from '../../src-shared/contracts/reports';
import { router, shopProcedure } from '../trpc/init';
import { exportTable } from './export';
import { gstByHsn, gstByRate, gstr1 } from './gst';
import { invoiceDetail, listInvoices, listReturns } from './invoices';
import { invoicePdf } from './invoice-pdf';
import { itemSales, lowStock } from './items';
import { khataOutstanding } from './khata';
import { overview } from './overview';
import { salesReport } from './sales';
import { cashSessionReconciliation } from './sessions';
import { reportTable } from './tables';

/** Managers see the reports too: they run the shop floor. */
const reportProcedure = shopProcedure('manager');

export const reportsRouter = router({
  overview: reportProcedure.query(({ ctx }) => overview(ctx.tx, ctx.shopId, ctx.clock())),
  sales: reportProcedure.input(reportRange).query(({ ctx, input }) => salesReport(ctx.tx, ctx.shopId, input)),
  items: reportProcedure.input(reportRange).query(({ ctx, input }) => itemSales(ctx.tx, ctx.shopId, input)),
  lowStock: reportProcedure.query(({ ctx }) => lowStock(ctx.tx, ctx.shopId)),
  khata: reportProcedure
    .input(khataReportInput)
    .query(({ ctx, input }) => khataOutstanding(ctx.tx, ctx.shopId, input.asOf)),
  returns: reportProcedure.input(reportRange).query(({ ctx, input }) => listReturns(ctx.tx, ctx.shopId, input)),
  cashSessions: reportProcedure
    .input(reportRange)
    .query(({ ctx, input }) => cashSessionReconciliation(ctx.tx, ctx.shopId, input)),
  gst: reportProcedure.input(reportRange).query(async ({ ctx, input }) => ({
    byRate: await gstByRate(ctx.tx, ctx.shopId, input),
    byHsn: await gstByHsn(ctx.tx, ctx.shopId, input),
  })),
  gstr1: reportProcedure.input(gstr1Input).query(({ ctx, input }) => gstr1(ctx.tx, ctx.shopId, input)),
  invoices: reportProcedure.input(invoiceListInput).query(({ ctx, input }) => listInvoices(ctx.tx, ctx.shopId, input)),
  invoice: reportProcedure.input(invoiceInput).query(({ ctx, input }) => invoiceDetail(ctx.tx, ctx.shopId, input.id)),
  /** The tax invoice PDF, the same document the counter prints; a mutation, like export, because it makes a file. */
  invoicePdf: reportProcedure
    .input(invoicePdfRequest)
    .mutation(({ ctx, input }) => invoicePdf(ctx.tx, ctx.shopId, input)),
  export: reportProcedure
    .input(exportInput)
    .mutation(async ({ ctx, input }) => exportTable(await reportTable(ctx.tx, ctx.shopId, input), input)),
});

export type ReportsRouter = typeof reportsRouter;
