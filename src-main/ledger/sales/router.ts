// Sales procedures: finalise, hold/recall, invoices.
import { z } from 'zod';
import { id, requiredText } from '../../../src-shared/contracts/common';
import { finalizeSaleInput, holdBillInput, listInvoicesInput } from '../../../src-shared/contracts/sales';
import { router, staffProcedure } from '../../trpc/init';
import {
  discardHeldBill,
  finalizeSale,
  getInvoice,
  getInvoiceByNumber,
  holdBill,
  listInvoices,
  recallHeldBill,
} from './service';
import { heldBillSummaries } from './held';
import { einvoiceOf } from '../einvoice/service';

export const salesRouter = router({
  finalize: staffProcedure
    .input(finalizeSaleInput)
    .mutation(({ ctx, input }) => finalizeSale(ctx.ledger, ctx.actor, input)),
  hold: staffProcedure.input(holdBillInput).mutation(({ ctx, input }) => holdBill(ctx.ledger, ctx.actor, input)),
  held: staffProcedure.query(({ ctx }) => heldBillSummaries(ctx.ledger)),
  recall: staffProcedure
    .input(z.object({ id }).strict())
    .query(({ ctx, input }) => recallHeldBill(ctx.ledger, input.id)),
  discardHeld: staffProcedure
    .input(z.object({ id }).strict())
    .mutation(({ ctx, input }) => discardHeldBill(ctx.ledger, ctx.actor, input.id)),
  // The detail screen also shows what the IRP answered for the bill (kept beside it, never in its hash-covered row).
  get: staffProcedure
    .input(z.object({ id }).strict())
    .query(({ ctx, input }) => ({ ...getInvoice(ctx.ledger, input.id), einvoice: einvoiceOf(ctx.ledger, input.id) })),
  byNumber: staffProcedure
    .input(z.object({ number: requiredText(40) }).strict())
    .query(({ ctx, input }) => getInvoiceByNumber(ctx.ledger, input.number)),
  list: staffProcedure.input(listInvoicesInput).query(({ ctx, input }) => listInvoices(ctx.ledger, input)),
});
