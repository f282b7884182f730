// Purchase procedures: recording a supplier's bill and returning goods to the supplier are for a manager or the owner;
// anyone logged in may look.
import {
  finalisePurchaseInput,
  getPurchaseInput,
  listPurchasesInput,
  returnToSupplierInput,
} from '../../../src-shared/contracts/purchases';
import { managerProcedure, router, staffProcedure } from '../../trpc/init';
import { finalisePurchase, getPurchase, listPurchases, returnToSupplier } from './service';

export const purchasesRouter = router({
  finalise: managerProcedure
    .input(finalisePurchaseInput)
    .mutation(({ ctx, input }) => finalisePurchase(ctx.ledger, ctx.actor, input)),
  list: staffProcedure.input(listPurchasesInput).query(({ ctx, input }) => listPurchases(ctx.ledger, input)),
  get: staffProcedure.input(getPurchaseInput).query(({ ctx, input }) => getPurchase(ctx.ledger, input.id)),
  returnToSupplier: managerProcedure
    .input(returnToSupplierInput)
    .mutation(({ ctx, input }) => returnToSupplier(ctx.ledger, ctx.actor, input)),
});
