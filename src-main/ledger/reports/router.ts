// Report procedures for this counter, available offline.
import { z } from 'zod';
import { isoDate } from '../../../src-shared/contracts/common';
import { managerProcedure, router } from '../../trpc/init';
import { salesSummary } from './service';

const rangeInput = z.object({ from: isoDate, to: isoDate }).strict().refine((range) => range.from <= range.to, { message: '"from" must not be after "to"', path: ['from'] });

export const reportsRouter = router({
  sales: managerProcedure.input(rangeInput).query(({ ctx, input }) => salesSummary(ctx.ledger, input)),
});
