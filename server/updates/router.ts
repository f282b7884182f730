// Owner procedures for updates: pin the shop's counters to a published version, unpin, and see what can be pinned.
import { pinShopInput } from '../../src-shared/updates/feed';
import { roleProcedure, router } from '../trpc/init';
import { pinnableVersions, pinShop, shopPin, unpinShop } from './service';

const ownerProcedure = roleProcedure('owner');

export const updatesRouter = router({
  pin: ownerProcedure
    .input(pinShopInput)
    .mutation(({ ctx, input }) => pinShop(ctx, ctx.user.shopId, ctx.user.userId, input.version)),
  unpin: ownerProcedure.mutation(({ ctx }) => unpinShop(ctx, ctx.user.shopId)),
  pinned: roleProcedure('manager').query(({ ctx }) => shopPin(ctx, ctx.user.shopId)),
  versions: roleProcedure('manager').query(({ ctx }) => pinnableVersions(ctx)),
});
