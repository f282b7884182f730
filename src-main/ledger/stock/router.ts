// Stock procedures: purchases and adjustments, movement history.
import { adjustStockInput, movementsInput } from '../../../src-shared/contracts/stock';
import { Forbidden } from '../../../src-shared/errors';
import { router, staffProcedure } from '../../trpc/init';
import { hasRole } from '../staff/service';
import { adjustStock, listMovements } from './service';

export const stockRouter = router({
  adjust: staffProcedure.input(adjustStockInput).mutation(({ ctx, input }) => {
    if (input.reason !== 'purchase' && !hasRole(ctx.actor, 'manager'))
      throw new Forbidden({ key: 'onlyManagerAdjustsStock' });
    return adjustStock(ctx.ledger, ctx.actor, input);
  }),
  movements: staffProcedure
    .input(movementsInput)
    .query(({ ctx, input }) => listMovements(ctx.ledger, input.itemId, input.limit, input.offset)),
});
