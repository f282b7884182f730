// Cash session procedures: open, cash in/out, close with the Z-report.
import { z } from 'zod';
import { id, page } from '../../../src-shared/contracts/common';
import { cashMovementInput, closeSessionInput, openSessionInput } from '../../../src-shared/contracts/cash-sessions';
import { router, staffProcedure } from '../../trpc/init';
import { addCashMovement, closeSession, currentSession, listSessions, openSession, sessionSummary } from './service';

export const cashSessionsRouter = router({
  current: staffProcedure.query(({ ctx }) => {
    const session = currentSession(ctx.ledger);
    return session ? sessionSummary(ctx.ledger, session.id) : null;
  }),
  open: staffProcedure.input(openSessionInput).mutation(({ ctx, input }) => openSession(ctx.ledger, ctx.actor, input)),
  cashMovement: staffProcedure
    .input(cashMovementInput)
    .mutation(({ ctx, input }) => addCashMovement(ctx.ledger, ctx.actor, input)),
  close: staffProcedure
    .input(closeSessionInput)
    .mutation(({ ctx, input }) => closeSession(ctx.ledger, ctx.actor, input)),
  summary: staffProcedure
    .input(z.object({ id }).strict())
    .query(({ ctx, input }) => sessionSummary(ctx.ledger, input.id)),
  list: staffProcedure.input(page).query(({ ctx, input }) => listSessions(ctx.ledger, input.limit, input.offset)),
});
