// Sync procedures for the app: status (always visible), enrolment with the owner's code, and confirming a held pull.
import { z } from 'zod';
import { serverUrl } from '../../src-shared/sync/server-url';
import { managerProcedure, ownerProcedure, router, staffProcedure } from '../trpc/init';
import { approveMassChange } from './pull';
import { enrolCounter } from './enrol';
import { syncStatus } from './status';

const enrolInput = z.object({ serverUrl, code: z.string().trim().min(6).max(32) }).strict();

export const syncRouter = router({
  status: staffProcedure.query(({ ctx }) => syncStatus(ctx.ledger)),
  enrol: ownerProcedure.input(enrolInput).mutation(async ({ ctx, input }) => {
    const enrolment = await enrolCounter(ctx.ledger, input);
    return { shopName: enrolment.shopName, counterCode: enrolment.counterCode };
  }),
  confirmMassChange: managerProcedure.mutation(({ ctx }) => approveMassChange(ctx.ledger)),
});
