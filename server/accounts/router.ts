// Account procedures: sign-up, login and token refresh, staff, and counter enrolment.
import {
  addStaffInput,
  createEnrolmentCodeInput,
  disableStaffInput,
  loginInput,
  refreshInput,
  revokeCounterInput,
  shopProfileInput,
  signUpInput,
} from '../../src-shared/contracts/accounts';
import { enrolInput } from '../../src-shared/sync/protocol';
import { publicProcedure, roleProcedure, router, shopProcedure } from '../trpc/init';
import { addStaff, disableStaff, listStaff, login, logout, refresh, signUp } from './service';
import { shopProfile, updateShopProfile } from './shop';
import { createEnrolmentCode, enrolCounter, listCounters, revokeCounter } from './counters';

const managerProcedure = roleProcedure('manager');
const ownerProcedure = roleProcedure('owner');

export const accountsRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx, input)),
  login: publicProcedure.input(loginInput).mutation(({ ctx, input }) => login(ctx, input, ctx.clientAddress)),
  refresh: publicProcedure.input(refreshInput).mutation(({ ctx, input }) => refresh(ctx, input.refreshToken)),
  logout: publicProcedure.input(refreshInput).mutation(({ ctx, input }) => logout(ctx, input.refreshToken)),
  me: shopProcedure('staff').query(async ({ ctx }) => ({ ...ctx.user, shop: await shopProfile(ctx.tx, ctx.shopId) })),
  updateShop: shopProcedure('owner')
    .input(shopProfileInput)
    .mutation(({ ctx, input }) => updateShopProfile(ctx.tx, ctx.shopId, input)),
  addStaff: ownerProcedure.input(addStaffInput).mutation(({ ctx, input }) => addStaff(ctx, ctx.user.shopId, input)),
  listStaff: managerProcedure.query(({ ctx }) => listStaff(ctx, ctx.user.shopId)),
  disableStaff: ownerProcedure
    .input(disableStaffInput)
    .mutation(({ ctx, input }) => disableStaff(ctx, ctx.user.shopId, ctx.user.userId, input.userId)),
});

export const countersRouter = router({
  createEnrolmentCode: managerProcedure
    .input(createEnrolmentCodeInput)
    .mutation(({ ctx, input }) => createEnrolmentCode(ctx, ctx.user.shopId, ctx.user.userId, input)),
  enrol: publicProcedure.input(enrolInput).mutation(({ ctx, input }) => enrolCounter(ctx, input, ctx.clientAddress)),
  list: managerProcedure.query(({ ctx }) => listCounters(ctx, ctx.user.shopId)),
  revoke: ownerProcedure
    .input(revokeCounterInput)
    .mutation(({ ctx, input }) => revokeCounter(ctx, ctx.user.shopId, input.counterId)),
});
