// Report procedures for this counter, available offline, for managers and owners: the same reports the owner's server gives, for this counter's own ledger.
import { reportRange } from '../../../src-shared/contracts/reports';
import { ageingInput } from '../../../src-shared/contracts/khata';
import * as counter from '../../../src-shared/contracts/counter-reports';
import * as rows from '../../../src-shared/contracts/report-rows';
import * as tax from '../../../src-shared/contracts/tax';
import { managerProcedure, router } from '../../trpc/init';
import { khataAgeing } from '../khata/service';
import { gstSummary } from './gst';
import { salesByHour } from './hourly';
import { itemSales, lowStock } from './items';
import { listReturns } from './returns';
import { salesSummary } from './service';
import { shiftReconciliation } from './shifts';
import { shopDayEnd } from '../../../src-shared/shop-time';

const rangeReport = managerProcedure.input(reportRange);

export const reportsRouter = router({
  sales: rangeReport.output(counter.salesSummary).query(({ ctx, input }) => salesSummary(ctx.ledger, input)),
  byHour: rangeReport.output(counter.hourFigures.array()).query(({ ctx, input }) => salesByHour(ctx.ledger, input)),
  items: rangeReport.output(rows.itemSalesReport).query(({ ctx, input }) => itemSales(ctx.ledger, input)),
  gst: rangeReport.output(tax.gstSummary).query(({ ctx, input }) => gstSummary(ctx.ledger, input)),
  returns: rangeReport
    .output(counter.counterReturnRow.array())
    .query(({ ctx, input }) => listReturns(ctx.ledger, input)),
  lowStock: managerProcedure.output(rows.lowStockItem.array()).query(({ ctx }) => lowStock(ctx.ledger)),
  khata: managerProcedure
    .input(ageingInput)
    .output(counter.khataAgeingReport)
    .query(({ ctx, input }) => khataAgeing(ctx.ledger, input.asOf ? shopDayEnd(input.asOf) : ctx.ledger.clock())),
  cashSessions: rangeReport
    .output(counter.shiftRow.array())
    .query(({ ctx, input }) => shiftReconciliation(ctx.ledger, input)),
});
