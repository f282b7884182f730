// Open-bill draft procedures: the billing screen saves its bill as it changes and asks for it back after a login.
import { billDraftInput } from '../../../src-shared/contracts/drafts';
import { router, staffProcedure } from '../../trpc/init';
import { clearMyDraft, myDraft, saveDraft } from './service';

// Draft writes are working state only: nothing for the printer or sync to pick up, so they wake neither.
const draftProcedure = staffProcedure.meta({ workingStateOnly: true });

export const draftsRouter = router({
  mine: staffProcedure.query(({ ctx }) => myDraft(ctx.ledger, ctx.actor)),
  save: draftProcedure.input(billDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.ledger, ctx.actor, input)),
  clear: draftProcedure.mutation(({ ctx }) => clearMyDraft(ctx.ledger, ctx.actor)),
});
