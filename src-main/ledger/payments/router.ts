// Payment procedures: payments of a document and takings by mode.
import { z } from 'zod';
import { id } from '../../../src-shared/contracts/common';
import { managerProcedure, router, staffProcedure } from '../../trpc/init';
import { paymentsForDocument, takingsByMode } from './service';

export const paymentsRouter = router({
  forDocument: staffProcedure
    .input(z.object({ docId: id }).strict())
    .query(({ ctx, input }) => paymentsForDocument(ctx.ledger, input.docId)),
  takings: managerProcedure
    .input(z.object({ from: z.iso.datetime(), to: z.iso.datetime() }).strict())
    .query(({ ctx, input }) => takingsByMode(ctx.ledger, input.from, input.to)),
});
