// Return procedures: credit notes and voids (both need a manager).
import { z } from 'zod';
import { id, approval, requiredText } from '../../../src-shared/contracts/common';
import { PAYMENT_MODES, returnInput } from '../../../src-shared/contracts/sales';
import { router, staffProcedure } from '../../trpc/init';
import { createReturn, getCreditNote, voidInvoice } from './service';

const voidInput = z
  .object({
    id,
    invoiceId: id,
    reason: requiredText(200),
    refundMode: z.enum(PAYMENT_MODES),
    approval: approval.optional(),
  })
  .strict();

export const returnsRouter = router({
  create: staffProcedure.input(returnInput).mutation(({ ctx, input }) => createReturn(ctx.ledger, ctx.actor, input)),
  voidInvoice: staffProcedure.input(voidInput).mutation(({ ctx, input }) => voidInvoice(ctx.ledger, ctx.actor, input)),
  get: staffProcedure.input(z.object({ id }).strict()).query(({ ctx, input }) => getCreditNote(ctx.ledger, input.id)),
});
