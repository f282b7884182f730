// The owner dashboard's e-way bill procedures: list, open, download the bulk file, make, re-route and cancel.
import * as contract from '../../../src-shared/contracts/ewaybill';
import { reportFile } from '../../../src-shared/contracts/owner-reports';
import { reportRange } from '../../../src-shared/contracts/reports';
import { router, shopProcedure } from '../../trpc/init';
import * as service from './service';

/** Managers run the dispatch too; every procedure is one tenant transaction (RLS). */
const ewbProcedure = shopProcedure('manager');

export const ewayBillsRouter = router({
  list: ewbProcedure
    .input(reportRange)
    .output(contract.ewbListRow.array())
    .query(({ ctx, input }) => service.listNeedingEwayBills(ctx.tx, ctx.shopId, input)),
  detail: ewbProcedure
    .input(contract.ewbInvoiceInput)
    .output(contract.ewbDetail)
    .query(({ ctx, input }) => service.ewayBillDetail(ctx, input.invoiceId)),
  /** A mutation because it keeps the movement entered as a draft, and makes a file. */
  bulkJson: ewbProcedure
    .input(contract.ewbTransportRequest)
    .output(reportFile)
    .mutation(({ ctx, input }) => service.ewayBillBulkFile(ctx, input.invoiceId, input.transport)),
  generate: ewbProcedure
    .input(contract.ewbTransportRequest)
    .output(contract.ewbDetail)
    .mutation(({ ctx, input }) => service.generateEwayBill(ctx, input.invoiceId, input.transport)),
  updateVehicle: ewbProcedure
    .input(contract.ewbVehicleUpdateInput)
    .output(contract.ewbDetail)
    .mutation(({ ctx, input }) => service.updateEwayBillVehicle(ctx, input)),
  cancel: ewbProcedure
    .input(contract.ewbCancelInput)
    .output(contract.ewbDetail)
    .mutation(({ ctx, input }) => service.cancelEwayBill(ctx, input)),
});
