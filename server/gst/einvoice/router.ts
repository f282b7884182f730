// E-invoicing procedures: the owner's switch (turnover above the threshold), each document's IRP state, reporting the
// due documents now, and cancelling an IRN. The two that talk to the IRP hold no transaction while they wait for it.
import { and, desc, eq } from 'drizzle-orm';
import * as contract from '../../../src-shared/contracts/einvoice';
import { Conflict, Invalid } from '../../../src-shared/errors';
import { roleProcedure, router, shopProcedure, type ServerContext } from '../../trpc/init';
import { shops } from '../../accounts/schema';
import { cancelEinvoice } from './cancel';
import { gspClient } from './irp-client';
import { einvoicingEnabled, reportDueEinvoices, setEinvoicing, type EinvoiceDeps } from './queue';
import { einvoiceDocuments } from './schema';

function einvoiceDeps(ctx: ServerContext): EinvoiceDeps {
  if (!ctx.config.einvoice) throw new Conflict({ key: 'einvoiceNoGsp' });
  return { db: ctx.db, clock: ctx.clock, client: gspClient(ctx.config.einvoice) };
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

export const einvoiceRouter = router({
  settings: shopProcedure('manager')
    .output(contract.einvoiceSettingsOutput)
    .query(async ({ ctx }) => ({
      enabled: await einvoicingEnabled(ctx.tx, ctx.shopId),
      gspConfigured: ctx.config.einvoice !== null,
    })),
  setEnabled: shopProcedure('owner')
    .input(contract.setEinvoicingInput)
    .output(contract.einvoiceSettingsOutput)
    .mutation(async ({ ctx, input }) => {
      if (input.enabled) {
        if (!ctx.config.einvoice) throw new Conflict({ key: 'einvoiceNoGsp' });
        const [shop] = await ctx.tx.select().from(shops).where(eq(shops.id, ctx.shopId));
        if (!shop?.gstin || !shop.legalName) throw new Invalid({ key: 'einvoiceNoShopGstin' });
      }
      const { enabled } = await setEinvoicing(ctx.tx, ctx.shopId, input.enabled);
      return { enabled, gspConfigured: ctx.config.einvoice !== null };
    }),
  documents: shopProcedure('manager')
    .input(contract.einvoiceListInput)
    .output(contract.einvoiceListOutput)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.tx
        .select()
        .from(einvoiceDocuments)
        .where(
          and(
            eq(einvoiceDocuments.shopId, ctx.shopId),
            input.invoiceId ? eq(einvoiceDocuments.invoiceId, input.invoiceId) : undefined,
          ),
        )
        .orderBy(desc(einvoiceDocuments.createdAt))
        .limit(200);
      return rows.map((row) => ({
        ...row,
        generatedAt: iso(row.generatedAt),
        cancelledAt: iso(row.cancelledAt),
      }));
    }),
  reportNow: roleProcedure('manager')
    .output(contract.reportNowOutput)
    .mutation(async ({ ctx }) => ({ settled: await reportDueEinvoices(einvoiceDeps(ctx), ctx.user.shopId) })),
  cancel: roleProcedure('manager')
    .input(contract.cancelEinvoiceInput)
    .output(contract.cancelEinvoiceOutput)
    .mutation(async ({ ctx, input }) => {
      const row = await cancelEinvoice(einvoiceDeps(ctx), ctx.user.shopId, input);
      return { docId: row.docId, status: row.status, cancelledAt: iso(row.cancelledAt) };
    }),
});
