// The server's tRPC router: composes one router per area, nothing else.
import { accountsRouter, countersRouter } from '../accounts/router';
import { syncRouter } from '../sync/router';
import { updatesRouter } from '../updates/router';
import { monitoringRouter } from '../monitoring/router';
import { reportsRouter } from '../reports/router';
import { einvoiceRouter } from '../gst/einvoice/router';
import { tallyRouter } from '../tally/router';
import { ewayBillsRouter } from '../gst/ewaybill/router';
import { router } from './init';

export const serverRouter = router({
  accounts: accountsRouter,
  counters: countersRouter,
  sync: syncRouter,
  updates: updatesRouter,
  monitoring: monitoringRouter,
  reports: reportsRouter,
  einvoice: einvoiceRouter,
  tally: tallyRouter,
  ewayBills: ewayBillsRouter,
});

export type ServerRouter = typeof serverRouter;
