// Sync procedures for enrolled counters: push a batch of outbox ops, pull the shop's other changes.
import { pullInput, pushInput } from '../../src-shared/sync/protocol';
import { deviceProcedure, router } from '../trpc/init';
import { syncProcedure } from './procedure';
import { pullChanges } from './pull';
import { pushBatch } from './push';

export const syncRouter = router({
  push: syncProcedure
    .input(pushInput)
    .mutation(({ ctx, input }) => pushBatch(ctx.db, ctx.clock, ctx.device, input, ctx.log)),
  pull: syncProcedure.input(pullInput).query(({ ctx, input }) => pullChanges(ctx.db, ctx.clock, ctx.device, input)),
  whoami: deviceProcedure.query(({ ctx }) => ({
    counterId: ctx.device.counterId,
    shopId: ctx.device.shopId,
    counterCode: ctx.device.counterCode,
    serverTime: ctx.clock().toISOString(),
  })),
});
