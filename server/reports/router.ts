// Owner-report procedures over all of a shop's counters: each reads summaries in the shop's one tenant transaction (RLS).
import {
  exportInput,
  gstr1Input,
  gstr2bExportInput,
  gstr2bInput,
  invoiceInput,
  invoicePdfRequest,
  invoiceListInput,
  khataReportInput,
  payablesInput,
  purchaseListInput,
  reportRange,
} from '../../src-shared/contracts/reports';
import { gstr3bReport } from '../../src-shared/contracts/gstr3b';
import * as buying from '../../src-shared/contracts/purchase-reports';
import { listPurchases, payables, reconcileGstr2b } from '../purchases/reports';
import { gstr3b } from './gstr3b';
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
import { RECONCILIATION_COLUMNS, reportTable } from './tables';
import { monthRange } from './gst';

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
  gstr3b: reportProcedure
    .input(gstr1Input)
    .output(gstr3bReport)
    .query(({ ctx, input }) => gstr3b(ctx.tx, ctx.shopId, input)),
  purchases: reportProcedure
    .input(purchaseListInput)
    .output(buying.purchaseList)
    .query(({ ctx, input }) => listPurchases(ctx.tx, ctx.shopId, input)),
  payables: reportProcedure
    .input(payablesInput)
    .output(buying.payablesReport)
    .query(({ ctx, input }) => payables(ctx.tx, ctx.shopId, input.asOf)),
  /** Matches an uploaded GSTR-2B with the books; a mutation because it carries the file. Nothing is stored. */
  gstr2b: reportProcedure
    .input(gstr2bInput)
    .output(buying.gstr2bReconciliation)
    .mutation(({ ctx, input }) => reconcileGstr2b(ctx.tx, ctx.shopId, input)),
  gstr2bExport: reportProcedure
    .input(gstr2bExportInput)
    .output(owner.reportFile)
    .mutation(async ({ ctx, input }) => {
      const result = await reconcileGstr2b(ctx.tx, ctx.shopId, input);
      const words = {
        matched: 'Matched',
        mismatched: 'Amounts differ',
        missing_in_books: 'Missing in books',
        missing_in_2b: 'Missing in GSTR-2B',
      };
      const rows = result.rows.map((row) => ({
        ...row,
        statusText: words[row.status],
        kindText: row.kind === 'invoice' ? 'Invoice' : 'Credit note',
      }));
      return exportTable(
        { name: 'gstr2b-reconciliation', columns: RECONCILIATION_COLUMNS, rows },
        { ...monthRange(input.month), format: input.format },
      );
    }),
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
