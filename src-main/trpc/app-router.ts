// The counter's tRPC router: composes one router per ledger area, nothing else.
import { router } from './init';
import { catalogueRouter } from '../ledger/catalogue/router';
import { partiesRouter } from '../ledger/parties/router';
import { salesRouter } from '../ledger/sales/router';
import { draftsRouter } from '../ledger/drafts/router';
import { paymentsRouter } from '../ledger/payments/router';
import { khataRouter } from '../ledger/khata/router';
import { payablesRouter } from '../ledger/payables/router';
import { stockRouter } from '../ledger/stock/router';
import { returnsRouter } from '../ledger/returns/router';
import { cashSessionsRouter } from '../ledger/cash-sessions/router';
import { staffRouter } from '../ledger/staff/router';
import { settingsRouter } from '../ledger/settings/router';
import { journalRouter } from '../ledger/journal/router';
import { reportsRouter } from '../ledger/reports/router';
import { syncRouter } from '../sync/router';
import { printingRouter } from '../printing/router';
import { updatesRouter } from '../updates/router';
import { backupRouter } from '../backup/router';
import { ledgerHealthRouter } from '../backup/health-router';
import { purchasesRouter } from '../ledger/purchases/router';
import { purchaseOrdersRouter } from '../ledger/purchase-orders/router';

export const appRouter = router({
  catalogue: catalogueRouter,
  parties: partiesRouter,
  sales: salesRouter,
  drafts: draftsRouter,
  payments: paymentsRouter,
  khata: khataRouter,
  payables: payablesRouter,
  stock: stockRouter,
  returns: returnsRouter,
  cashSessions: cashSessionsRouter,
  staff: staffRouter,
  settings: settingsRouter,
  journal: journalRouter,
  reports: reportsRouter,
  sync: syncRouter,
  printing: printingRouter,
  updates: updatesRouter,
  backup: backupRouter,
  ledgerHealth: ledgerHealthRouter,
  purchases: purchasesRouter,
  purchaseOrders: purchaseOrdersRouter,
});

export type AppRouter = typeof appRouter;
