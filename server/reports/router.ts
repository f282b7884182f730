// Owner-report procedures over all of a shop's counters: each runs in one tenant transaction (RLS) and reads summaries.
import {
  exportInput,
  gstr1Input,
  invoiceInput,
  invoicePdfRequest,
  invoiceListInput,
  khataReportInput,
  reportRange,
} from '../../src-shared/contracts/reports';
import { inShop } from '../db/tenant';
import { roleProcedure, router } from '../trpc/init';
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
const reportProcedure = roleProcedure('manager');

export const reportsRouter = router({
  overview: reportProcedure.query(({ ctx }) =>
    inShop(ctx.db, ctx.user.shopId, (tx) => overview(tx, ctx.user.shopId, ctx.clock())),
  ),
  sales: reportProcedure
    .input(reportRange)
    .query(({ ctx, input }) => inShop(ctx.db, ctx.user.shopId, (tx) => salesReport(tx, ctx.user.shopId, input))),
  items: reportProcedure
    .input(reportRange)
    .query(({ ctx, input }) => inShop(ctx.db, ctx.user.shopId, (tx) => itemSales(tx, ctx.user.shopId, input))),
  lowStock: reportProcedure.query(({ ctx }) => inShop(ctx.db, ctx.user.shopId, (tx) => lowStock(tx, ctx.user.shopId))),
  khata: reportProcedure
    .input(khataReportInput)
    .query(({ ctx, input }) =>
      inShop(ctx.db, ctx.user.shopId, (tx) => khataOutstanding(tx, ctx.user.shopId, input.asOf)),
    ),
  returns: reportProcedure
    .input(reportRange)
    .query(({ ctx, input }) => inShop(ctx.db, ctx.user.shopId, (tx) => listReturns(tx, ctx.user.shopId, input))),
  cashSessions: reportProcedure
    .input(reportRange)
    .query(({ ctx, input }) =>
      inShop(ctx.db, ctx.user.shopId, (tx) => cashSessionReconciliation(tx, ctx.user.shopId, input)),
    ),
  gst: reportProcedure.input(reportRange).query(({ ctx, input }) =>
    inShop(ctx.db, ctx.user.shopId, async (tx) => ({
      byRate: await gstByRate(tx, ctx.user.shopId, input),
      byHsn: await gstByHsn(tx, ctx.user.shopId, input),
    })),
  ),
  gstr1: reportProcedure
    .input(gstr1Input)
    .query(({ ctx, input }) => inShop(ctx.db, ctx.user.shopId, (tx) => gstr1(tx, ctx.user.shopId, input))),
  invoices: reportProcedure
    .input(invoiceListInput)
    .query(({ ctx, input }) => inShop(ctx.db, ctx.user.shopId, (tx) => listInvoices(tx, ctx.user.shopId, input))),
  invoice: reportProcedure
    .input(invoiceInput)
    .query(({ ctx, input }) => inShop(ctx.db, ctx.user.shopId, (tx) => invoiceDetail(tx, ctx.user.shopId, input.id))),
  /** The tax invoice PDF, the same document the counter prints; a mutation, like export, because it makes a file. */
  invoicePdf: reportProcedure
    .input(invoicePdfRequest)
    .mutation(({ ctx, input }) => inShop(ctx.db, ctx.user.shopId, (tx) => invoicePdf(tx, ctx.user.shopId, input))),
  export: reportProcedure
    .input(exportInput)
    .mutation(({ ctx, input }) =>
      inShop(ctx.db, ctx.user.shopId, async (tx) => exportTable(await reportTable(tx, ctx.user.shopId, input), input)),
    ),
});

export type ReportsRouter = typeof reportsRouter;
