// Tally export procedures: the shop's ledger mapping (read by managers, changed by the owner) and the XML download.
import { tallyExportInput, tallyLedgerMap } from '../../src-shared/contracts/tally';
import * as owner from '../../src-shared/contracts/owner-reports';
import { router, shopProcedure } from '../trpc/init';
import { saveTallyLedgers, tallyExport, tallyLedgers } from './service';

export const tallyRouter = router({
  ledgers: shopProcedure('manager')
    .output(tallyLedgerMap)
    .query(({ ctx }) => tallyLedgers(ctx.tx, ctx.shopId)),
  saveLedgers: shopProcedure('owner')
    .input(tallyLedgerMap)
    .output(tallyLedgerMap)
    .mutation(({ ctx, input }) => saveTallyLedgers(ctx.tx, ctx.shopId, input)),
  /** A mutation, like the other exports, because it makes a file. */
  export: shopProcedure('manager')
    .input(tallyExportInput)
    .output(owner.reportFile)
    .mutation(({ ctx, input }) => tallyExport(ctx.tx, ctx.shopId, input)),
});
