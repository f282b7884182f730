// The owner dashboard's e-way bill procedures: their inputs and outputs, one declaration for the server and the page.
import { z } from 'zod';
import { ewbTransportInput, ewbVehicleUpdateInput } from '../gst/ewaybill';

export { ewbVehicleUpdateInput };

const instant = z.string();
const status = z.enum(['none', 'draft', 'active', 'cancelled']);

export const ewbListRow = z.object({
  invoiceId: z.uuid(),
  number: z.string(),
  date: z.string(),
  partyName: z.string(),
  placeOfSupply: z.string(),
  valuePaise: z.number().int(),
  limitPaise: z.number().int(),
  /** 'check': the State asks for one within it only for its notified goods. */
  need: z.enum(['yes', 'check']),
  status,
  ewbNo: z.string().nullable(),
  validUntil: instant.nullable(),
});

export const ewbDetail = z.object({
  invoiceId: z.uuid(),
  number: z.string(),
  date: z.string(),
  partyName: z.string(),
  partyGstin: z.string().nullable(),
  fromStateCode: z.string(),
  toStateCode: z.string(),
  valuePaise: z.number().int(),
  limitPaise: z.number().int(),
  need: z.enum(['yes', 'check', 'no']),
  status,
  /** The movement last entered, as entered (the form starts from it). */
  transport: z.record(z.string(), z.unknown()).nullable(),
  ewbNo: z.string().nullable(),
  generatedAt: instant.nullable(),
  validUntil: instant.nullable(),
  vehicleNo: z.string(),
  cancellableUntil: instant.nullable(),
  cancelledAt: instant.nullable(),
  vehicleUpdates: z.array(z.object({ vehicleNo: z.string(), reason: z.string(), fromPlace: z.string(), at: instant })),
  /** Whether this server can reach the e-way bill API; without it only the bulk file is offered. */
  apiConfigured: z.boolean(),
});

export const ewbInvoiceInput = z.object({ invoiceId: z.uuid() });
export const ewbTransportRequest = z.object({ invoiceId: z.uuid(), transport: ewbTransportInput });
export const ewbCancelInput = z.object({
  invoiceId: z.uuid(),
  /** The portal's cancellation reasons: 1 duplicate, 2 order cancelled, 3 data entry mistake, 4 others. */
  reason: z.enum(['duplicate', 'order-cancelled', 'data-entry-mistake', 'others']),
  remark: z.string().trim().max(50).default(''),
});

export type EwbListRow = z.infer<typeof ewbListRow>;
export type EwbDetail = z.infer<typeof ewbDetail>;
