// Background reporting: every minute, each shop's due e-invoice documents go to the IRP (one at a time, in turn).
import type { ServerDeps } from '../../trpc/init';
import { allShopIds } from '../../db/tenant';
import { gspClient } from './irp-client';
import { reportDueEinvoices } from './queue';

export interface EinvoiceWorker {
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startEinvoiceWorker(deps: ServerDeps, everyMs = 60_000): EinvoiceWorker | null {
  const config = deps.config.einvoice;
  if (!config) return null;
  const einvoiceDeps = { db: deps.db, clock: deps.clock, client: gspClient(config) };
  let busy: Promise<void> = Promise.resolve();
  const runOnce = () =>
    (busy = busy.then(async () => {
      for (const shopId of await allShopIds(deps.db))
        await reportDueEinvoices(einvoiceDeps, shopId).catch((error: unknown) =>
          deps.log.warn({ err: error, shopId }, 'e-invoice reporting failed'),
        );
    }));
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await busy;
    },
  };
}
