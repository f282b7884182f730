// Party procedures: customers and suppliers.
import { z } from 'zod';
import { id } from '../../../src-shared/contracts/common';
import { createPartyInput, listPartiesInput, updatePartyInput } from '../../../src-shared/contracts/parties';
import { router, staffProcedure } from '../../trpc/init';
import { createParty, getParty, listParties, updateParty } from './service';

export const partiesRouter = router({
  create: staffProcedure
    .input(createPartyInput)
    .mutation(({ ctx, input }) => createParty(ctx.ledger, ctx.actor, input)),
  update: staffProcedure
    .input(updatePartyInput)
    .mutation(({ ctx, input }) => updateParty(ctx.ledger, ctx.actor, input)),
  get: staffProcedure.input(z.object({ id }).strict()).query(({ ctx, input }) => getParty(ctx.ledger, input.id)),
  list: staffProcedure.input(listPartiesInput).query(({ ctx, input }) => listParties(ctx.ledger, input)),
});
