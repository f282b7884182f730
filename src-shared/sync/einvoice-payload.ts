// What a counter pulls about a document's e-invoice: the IRN, acknowledgement and signed QR code, or why there is none.
import { z } from 'zod';

export const EINVOICE_PULLED_STATUSES = ['pending', 'generated', 'refused', 'expired', 'cancelled'] as const;

/** The server writes these changes itself: this origin names no counter, so every counter of the shop receives them. */
export const SERVER_ORIGIN_ID = '00000000-0000-0000-0000-000000000000';

export const einvoicePulledPayload = z.object({
  docId: z.uuid(),
  docKind: z.enum(['invoice', 'credit_note']),
  invoiceId: z.uuid(),
  docNumber: z.string().max(40),
  status: z.enum(EINVOICE_PULLED_STATUSES),
  irn: z.string().max(64).nullable(),
  ackNo: z.string().max(20).nullable(),
  ackDt: z.string().max(30).nullable(),
  signedQrCode: z.string().max(8000).nullable(),
  /** The IRP's code and message (or Galla's, for what it refused before sending). */
  errorCode: z.string().max(40).nullable(),
  errorMessage: z.string().max(1000).nullable(),
  cancelledAt: z.string().max(40).nullable(),
});
export type EinvoicePulledPayload = z.infer<typeof einvoicePulledPayload>;
