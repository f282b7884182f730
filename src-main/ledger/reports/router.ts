// Report procedures for this counter, available offline, for managers and owners: the same reports the owner's server gives, for this counter's own ledger.
import { reportRange } from '../../../src-shared/contracts/reports';
import { ageingInput } from '../../../src-shared/contracts/khata';
import { managerProcedure, router } from '../../trpc/init';
import { khataAgeing } from '../khata/service';
import { gstSummary } from './gst';
import { salesByHour } from './hourly';
import { itemSales, lowStock } from './items';
import { listReturns } from './returns';
import { salesSummary } from './service';
import { shiftReconciliation } from './shifts';
import { shopDayEnd } from '../../../src-shared/shop-time';

export const reportsRouter = router({
  sales: managerProcedure.input(reportRange).query(({ ctx, input }) => salesSummary(ctx.ledger, input)),
  byHour: managerProcedure.input(reportRange).query(({ ctx, input }) => salesByHour(ctx.ledger, input)),
  items: managerProcedure.input(reportRange).query(({ ctx, input }) => itemSales(ctx.ledger, input)),
  gst: managerProcedure.input(reportRange).query(({ ctx, input }) => gstSummary(ctx.ledger, input)),
  returns: managerProcedure.input(reportRange).query(({ ctx, input }) => listReturns(ctx.ledger, input)),
  lowStock: managerProcedure.query(({ ctx }) => lowStock(ctx.ledger)),
  khata: managerProcedure
    .input(ageingInput)
    .query(({ ctx, input }) => khataAgeing(ctx.ledger, input.asOf ? shopDayEnd(input.asOf) : ctx.ledger.clock())),
  cashSessions: managerProcedure.input(reportRange).query(({ ctx, input }) => shiftReconciliation(ctx.ledger, input)),
});
