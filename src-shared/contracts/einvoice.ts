// E-invoicing procedures of the owner dashboard (and the counter's view of a bill): the shop's switch, each document's
// IRP state, reporting now, and cancelling an IRN within 24 hours.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { CANCEL_REASONS } from '../gst/einvoice';
import { EINVOICE_PULLED_STATUSES } from '../sync/einvoice-payload';

export const einvoiceSettingsOutput = z.object({
  enabled: z.boolean(),
  /** Whether the server has a GSP's credentials: without them the switch cannot be turned on. */
  gspConfigured: z.boolean(),
});
export const setEinvoicingInput = z.object({ enabled: z.boolean() }).strict();

export const einvoiceDocument = z.object({
  docId: z.string(),
  docKind: z.enum(['invoice', 'credit_note']),
  invoiceId: z.string(),
  docNumber: z.string(),
  docDate: z.string(),
  status: z.enum([...EINVOICE_PULLED_STATUSES, 'sending']),
  attempts: z.number().int(),
  irn: z.string().nullable(),
  ackNo: z.string().nullable(),
  ackDt: z.string().nullable(),
  signedQrCode: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  generatedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type EinvoiceDocumentRow = z.infer<typeof einvoiceDocument>;
export const einvoiceListInput = z.object({ invoiceId: z.uuid().optional() }).strict();
export const einvoiceListOutput = z.array(einvoiceDocument);

export const cancelEinvoiceInput = z
  .object({
    docId: z.uuid(),
    reason: z.enum(Object.values(CANCEL_REASONS) as [string, ...string[]]),
    /** The IRP's CnlRem: required, at most 100 characters. */
    remark: z.string().trim().min(1, shopText('einvoiceCancelRemark')).max(100, shopText('einvoiceCancelRemark')),
  })
  .strict();
export type CancelEinvoiceInput = z.infer<typeof cancelEinvoiceInput>;

export const reportNowOutput = z.object({ settled: z.number().int() });
export const cancelEinvoiceOutput = z.object({
  docId: z.string(),
  status: z.enum([...EINVOICE_PULLED_STATUSES, 'sending']),
  cancelledAt: z.string().nullable(),
});
