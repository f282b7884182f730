// Khata procedures: receive payment, cancel a wrong receipt, statement, ageing.
import {
  ageingInput,
  receivePaymentInput,
  reverseReceiptInput,
  statementInput,
} from '../../../src-shared/contracts/khata';
import { khataAgeingReport } from '../../../src-shared/contracts/counter-reports';
import { router, staffProcedure } from '../../trpc/init';
import { khataAgeing, partyStatement, receivePayment } from './service';
import { shopDayEnd } from '../../../src-shared/shop-time';
import { reverseReceipt } from './reversal';

export const khataRouter = router({
  receivePayment: staffProcedure
    .input(receivePaymentInput)
    .mutation(({ ctx, input }) => receivePayment(ctx.ledger, ctx.actor, input)),
  reverseReceipt: staffProcedure
    .input(reverseReceiptInput)
    .mutation(({ ctx, input }) => reverseReceipt(ctx.ledger, ctx.actor, input)),
  statement: staffProcedure.input(statementInput).query(({ ctx, input }) => partyStatement(ctx.ledger, input)),
  ageing: staffProcedure
    .input(ageingInput)
    .output(khataAgeingReport)
    .query(({ ctx, input }) => khataAgeing(ctx.ledger, input.asOf ? shopDayEnd(input.asOf) : ctx.ledger.clock())),
});
