// Khata procedures: receive payment, statement, ageing.
import { ageingInput, receivePaymentInput, statementInput } from '../../../src-shared/contracts/khata';
import { router, staffProcedure } from '../../trpc/init';
import { khataAgeing, partyStatement, receivePayment } from './service';
import { shopDayEnd } from '../../../src-shared/shop-time';

export const khataRouter = router({
  receivePayment: staffProcedure
    .input(receivePaymentInput)
    .mutation(({ ctx, input }) => receivePayment(ctx.ledger, ctx.actor, input)),
  statement: staffProcedure.input(statementInput).query(({ ctx, input }) => partyStatement(ctx.ledger, input)),
  ageing: staffProcedure
    .input(ageingInput)
    .query(({ ctx, input }) => khataAgeing(ctx.ledger, input.asOf ? shopDayEnd(input.asOf) : ctx.ledger.clock())),
});
