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
import { gstr1Json } from '../../src-shared/contracts/gstr1';
import * as owner from '../../src-shared/contracts/owner-reports';
import * as rows from '../../src-shared/contracts/report-rows';
import * as tax from '../../src-shared/contracts/tax';
import { router, shopProcedure } from '../trpc/init';
import { exportTable } from './export';
import { gstr1, gstSummary } from './gst';
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
const rangeReport = reportProcedure.input(reportRange);

export const reportsRouter = router({
  overview: reportProcedure.output(owner.overview).query(({ ctx }) => overview(ctx.tx, ctx.shopId, ctx.clock())),
  sales: rangeReport.output(owner.salesReport).query(({ ctx, input }) => salesReport(ctx.tx, ctx.shopId, input)),
  items: rangeReport.output(rows.itemSalesReport).query(({ ctx, input }) => itemSales(ctx.tx, ctx.shopId, input)),
  lowStock: reportProcedure.output(rows.lowStockItem.array()).query(({ ctx }) => lowStock(ctx.tx, ctx.shopId)),
  khata: reportProcedure
    .input(khataReportInput)
    .output(owner.khataOutstandingRow.array())
    .query(({ ctx, input }) => khataOutstanding(ctx.tx, ctx.shopId, input.asOf)),
  returns: rangeReport.output(rows.returnRow.array()).query(({ ctx, input }) => listReturns(ctx.tx, ctx.shopId, input)),
  cashSessions: rangeReport
    .output(owner.cashSessionRow.array())
    .query(({ ctx, input }) => cashSessionReconciliation(ctx.tx, ctx.shopId, input)),
  gst: rangeReport.output(tax.gstSummary).query(({ ctx, input }) => gstSummary(ctx.tx, ctx.shopId, input)),
  gstr1: reportProcedure
    .input(gstr1Input)
    .output(gstr1Json)
    .query(({ ctx, input }) => gstr1(ctx.tx, ctx.shopId, input)),
  invoices: reportProcedure
    .input(invoiceListInput)
    .output(owner.invoiceList)
    .query(({ ctx, input }) => listInvoices(ctx.tx, ctx.shopId, input)),
  invoice: reportProcedure
    .input(invoiceInput)
    .output(owner.invoiceDetail)
    .query(({ ctx, input }) => invoiceDetail(ctx.tx, ctx.shopId, input.id)),
  /** The tax invoice PDF, the same document the counter prints; a mutation, like export, because it makes a file. */
  invoicePdf: reportProcedure
    .input(invoicePdfRequest)
    .output(owner.reportFile)
    .mutation(({ ctx, input }) => invoicePdf(ctx.tx, ctx.shopId, input)),
  export: reportProcedure
    .input(exportInput)
    .output(owner.reportFile)
    .mutation(async ({ ctx, input }) => exportTable(await reportTable(ctx.tx, ctx.shopId, input), input)),
});

export type ReportsRouter = typeof reportsRouter;
