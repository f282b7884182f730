// Staff procedures: first owner, PIN login/logout, staff management, audit log.
import { createStaffInput, loginInput, setupOwnerInput, updateStaffInput } from '../../../src-shared/contracts/staff';
import { page } from '../../../src-shared/contracts/common';
import { managerProcedure, publicProcedure, router, staffProcedure } from '../../trpc/init';
import { listAudit } from '../audit/service';
import { createStaff, hasAnyStaff, listStaff, login, setupOwner, updateStaff } from './service';

export const staffRouter = router({
  /** The login screen's list: names and roles of active staff, and whether the counter is set up yet. */
  loginOptions: publicProcedure.query(({ ctx }) => ({
    needsSetup: !hasAnyStaff(ctx.ledger),
    staff: listStaff(ctx.ledger).filter((member) => member.active),
  })),
  setupOwner: publicProcedure.input(setupOwnerInput).mutation(({ ctx, input }) => {
    const owner = setupOwner(ctx.ledger, input);
    ctx.session.staffId = owner.id;
    return owner;
  }),
  login: publicProcedure.input(loginInput).mutation(({ ctx, input }) => {
    const member = login(ctx.ledger, input);
    ctx.session.staffId = member.id;
    return member;
  }),
  logout: publicProcedure.mutation(({ ctx }) => {
    ctx.session.staffId = null;
    return { ok: true };
  }),
  me: staffProcedure.query(
    ({ ctx }) => listStaff(ctx.ledger).find((member) => member.id === ctx.actor.staffId) ?? null,
  ),
  list: managerProcedure.query(({ ctx }) => listStaff(ctx.ledger)),
  create: managerProcedure
    .input(createStaffInput)
    .mutation(({ ctx, input }) => createStaff(ctx.ledger, ctx.actor, input)),
  update: managerProcedure
    .input(updateStaffInput)
    .mutation(({ ctx, input }) => updateStaff(ctx.ledger, ctx.actor, input)),
  audit: managerProcedure.input(page).query(({ ctx, input }) => listAudit(ctx.ledger, input.limit, input.offset)),
});
