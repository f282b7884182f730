// Payables procedures: pay a supplier (manager or owner), a supplier's statement, ageing and the due to suppliers.
import {
  payablesAgeingInput,
  payablesAgeingReport,
  payablesStatement as payablesStatementOutput,
  payablesStatementInput,
  payablesSummary as payablesSummaryOutput,
  payablesSummaryInput,
  paySupplierInput,
  paySupplierResult,
} from '../../../src-shared/contracts/payables';
import { shopDayEnd } from '../../../src-shared/shop-time';
import { managerProcedure, router, staffProcedure } from '../../trpc/init';
import { payablesAgeing, payablesStatement, payablesSummary, paySupplier } from './service';

export const payablesRouter = router({
  pay: managerProcedure
    .input(paySupplierInput)
    .output(paySupplierResult)
    .mutation(({ ctx, input }) => paySupplier(ctx.ledger, ctx.actor, input)),
  statement: staffProcedure
    .input(payablesStatementInput)
    .output(payablesStatementOutput)
    .query(({ ctx, input }) => payablesStatement(ctx.ledger, input)),
  ageing: staffProcedure
    .input(payablesAgeingInput)
    .output(payablesAgeingReport)
    .query(({ ctx, input }) => payablesAgeing(ctx.ledger, input.asOf ? shopDayEnd(input.asOf) : ctx.ledger.clock())),
  summary: staffProcedure
    .input(payablesSummaryInput)
    .output(payablesSummaryOutput)
    .query(({ ctx }) => payablesSummary(ctx.ledger)),
});
