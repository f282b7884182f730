// When goods moved for a sale need an e-way bill (CGST Rule 138), how long one is valid, and the checks on its Part A
// (the consignment) and Part B (the vehicle) before anything is sent or downloaded.
//
// Rule 138(1) CGST Rules, 2017 (https://cbic-gst.gov.in/gst-acts.html → CGST Rules): an e-way bill before moving
// goods of a consignment value exceeding ₹50,000. Its Explanation 2: the consignment value is the value under
// Section 15 declared in the invoice, including the central, State/UT, integrated tax and cess charged on it, and
// excluding the value of exempt supply of goods where the invoice covers both exempt and taxable goods.
// Rule 138(14)(d) lets a State notify its own limit for movement within it; the limits that differ from ₹50,000 are in
// INTRA_STATE_LIMITS below. Rule 138(10) (as amended by Notification 94/2020-Central Tax, from 1 January 2021): valid
// one day up to 200 km and one more day for every 200 km or part of it (20 km for over-dimensional cargo), each day
// ending at midnight of the day after the e-way bill was made (its Explanation 2).
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { isValidGstin } from './gstin';

/** Rule 138(1): "exceeding fifty thousand rupees", in paise; every inter-State movement uses it. */
export const EWB_LIMIT_PAISE = 5_000_000;

/**
 * Where a State's own limit for movement within it differs from Rule 138's ₹50,000, by GST state code. Sources: each
 * State's notification, as listed in the CBIC/GSTN summaries and collected at
 * https://cleartax.in/s/state-wise-threshold-limits-e-way-bills (Bihar S.O. 14 of 14-01-2019; Rajasthan
 * F.17(131)-Pt.-II ACCT/GST/2017/6672 of 30-03-2021; Delhi, Maharashtra, Punjab, Tamil Nadu and West Bengal: ₹1 lakh
 * for all taxable goods). "specified-goods": the State asks for one within it only for a notified list of goods
 * (Galla does not know that list, so the page says to check); "none": no e-way bill within it.
 */
export const INTRA_STATE_LIMITS: Record<
  string,
  { limitPaise: number; scope: 'all-goods' | 'specified-goods' | 'none' }
> = {
  '01': { limitPaise: EWB_LIMIT_PAISE, scope: 'none' }, // Jammu and Kashmir
  '03': { limitPaise: 10_000_000, scope: 'all-goods' }, // Punjab
  '07': { limitPaise: 10_000_000, scope: 'all-goods' }, // Delhi
  '08': { limitPaise: 10_000_000, scope: 'all-goods' }, // Rajasthan (₹2 lakh within one city)
  '10': { limitPaise: 10_000_000, scope: 'all-goods' }, // Bihar
  '19': { limitPaise: 10_000_000, scope: 'all-goods' }, // West Bengal
  '20': { limitPaise: 10_000_000, scope: 'all-goods' }, // Jharkhand (₹50,000 for its specified goods)
  '22': { limitPaise: EWB_LIMIT_PAISE, scope: 'specified-goods' }, // Chhattisgarh
  '23': { limitPaise: EWB_LIMIT_PAISE, scope: 'specified-goods' }, // Madhya Pradesh
  '24': { limitPaise: EWB_LIMIT_PAISE, scope: 'specified-goods' }, // Gujarat
  '27': { limitPaise: 10_000_000, scope: 'all-goods' }, // Maharashtra
  '30': { limitPaise: EWB_LIMIT_PAISE, scope: 'specified-goods' }, // Goa
  '33': { limitPaise: 10_000_000, scope: 'all-goods' }, // Tamil Nadu
};

export interface EwbLine {
  gstRateBp: number;
  cessRateBp: number;
  /** The line's value with its taxes. */
  totalPaise: number;
}

/** Rule 138's Explanation 2: the invoice value with tax, less its exempt (untaxed) lines. */
export function consignmentValuePaise(lines: EwbLine[]): number {
  return lines
    .filter((line) => line.gstRateBp > 0 || line.cessRateBp > 0)
    .reduce((sum, line) => sum + line.totalPaise, 0);
}

export type EwbNeed =
  | { needed: true; limitPaise: number; valuePaise: number }
  | { needed: false; limitPaise: number; valuePaise: number; why: 'below-limit' | 'not-in-state' }
  | { needed: 'check'; limitPaise: number; valuePaise: number; why: 'specified-goods' };

/** Whether a sale moving from the shop's state to the place of supply needs an e-way bill. */
export function ewayBillNeed(sale: { fromStateCode: string; toStateCode: string; lines: EwbLine[] }): EwbNeed {
  const valuePaise = consignmentValuePaise(sale.lines);
  const state = sale.fromStateCode === sale.toStateCode ? INTRA_STATE_LIMITS[sale.fromStateCode] : undefined;
  const limitPaise = state?.limitPaise ?? EWB_LIMIT_PAISE;
  if (state?.scope === 'none') return { needed: false, limitPaise, valuePaise, why: 'not-in-state' };
  if (valuePaise <= limitPaise) return { needed: false, limitPaise, valuePaise, why: 'below-limit' };
  if (state?.scope === 'specified-goods') return { needed: 'check', limitPaise, valuePaise, why: 'specified-goods' };
  return { needed: true, limitPaise, valuePaise };
}

/** The portal's longest distance for one e-way bill, in km. */
export const EWB_MAX_DISTANCE_KM = 4000;

/** Rule 138(10): days of validity for a distance (km); over-dimensional cargo counts 20 km a day. */
export function validityDays(distanceKm: number, overDimensional = false): number {
  return Math.max(1, Math.ceil(distanceKm / (overDimensional ? 20 : 200)));
}

const IST_OFFSET_MS = 330 * 60_000;

/** The last moment of validity: midnight (23:59:59 IST) ending the day `days` after the day it was made. */
export function validUntil(generatedAt: Date, distanceKm: number, overDimensional = false): Date {
  const istMidnight = Math.floor((generatedAt.getTime() + IST_OFFSET_MS) / 86_400_000) * 86_400_000 - IST_OFFSET_MS;
  return new Date(istMidnight + (validityDays(distanceKm, overDimensional) + 1) * 86_400_000 - 1000);
}

/** An e-way bill may be cancelled within 24 hours of being made (Rule 138(9)). */
export function cancellableUntil(generatedAt: Date): Date {
  return new Date(generatedAt.getTime() + 24 * 3_600_000);
}

/** 1 road, 2 rail, 3 air, 4 ship: the portal's transport mode codes. */
export const TRANSPORT_MODES = { road: 1, rail: 2, air: 3, ship: 4 } as const;
export type TransportMode = keyof typeof TRANSPORT_MODES;

/**
 * A registration number as the RTO issues it and the portal accepts it (its "vehicle number format" help: AB12AB1234,
 * AB12A1234, AB121234, ABC1234, the BH series 22BH1234AB, and temporary TR… numbers), without spaces or dashes.
 */
const VEHICLE_PATTERN =
  /^([A-Z]{2}[0-9]{1,2}[A-Z]{0,3}[0-9]{4}|[A-Z]{3}[0-9]{4}|[0-9]{2}BH[0-9]{4}[A-Z]{1,2}|TR[0-9A-Z]{6,14})$/;

/** "ka 01-ab 1234" → "KA01AB1234". */
export function normaliseVehicleNo(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

export function isVehicleNo(text: string): boolean {
  return VEHICLE_PATTERN.test(normaliseVehicleNo(text));
}

/** Each field problem's English text; the dashboard finds its Hindi by the same key (shopKeyOfText). */
export const EWB_MESSAGES = {
  ewbPincode: shopText('ewbPincode'),
  ewbGstin: shopText('gstinInvalid'),
  ewbDistance: shopText('ewbDistance'),
  ewbVehicleRequired: shopText('ewbVehicleRequired'),
  ewbVehicleFormat: shopText('ewbVehicleFormat'),
  ewbTransporterId: shopText('ewbTransporterId'),
};

const pincode = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{5}$/, EWB_MESSAGES.ewbPincode);
const gstin = z
  .string()
  .trim()
  .toUpperCase()
  .refine((text) => isValidGstin(text), EWB_MESSAGES.ewbGstin);
const vehicleNo = z
  .string()
  .transform(normaliseVehicleNo)
  .refine((text) => text === '' || VEHICLE_PATTERN.test(text), EWB_MESSAGES.ewbVehicleFormat);

/** What the person fills in for a sale's movement: the transport, and the PIN codes Galla does not keep. */
export const ewbTransportInput = z
  .object({
    fromPincode: pincode,
    toPincode: pincode,
    transportMode: z.enum(['road', 'rail', 'air', 'ship']),
    distanceKm: z.coerce
      .number(EWB_MESSAGES.ewbDistance)
      .int(EWB_MESSAGES.ewbDistance)
      .min(1, EWB_MESSAGES.ewbDistance)
      .max(EWB_MAX_DISTANCE_KM, EWB_MESSAGES.ewbDistance),
    vehicleNo,
    overDimensional: z.boolean().default(false),
    /** The transporter's GSTIN or their 15-character enrolment ID; optional when the shop moves the goods itself. */
    transporterId: z
      .string()
      .trim()
      .toUpperCase()
      .refine((text) => text === '' || /^[0-9A-Z]{15}$/.test(text), EWB_MESSAGES.ewbTransporterId)
      .default(''),
  })
  .superRefine((input, context) => {
    if (input.transportMode === 'road' && input.vehicleNo === '')
      context.addIssue({ code: 'custom', path: ['vehicleNo'], message: EWB_MESSAGES.ewbVehicleRequired });
  });
export type EwbTransportInput = z.input<typeof ewbTransportInput>;
export type EwbTransport = z.output<typeof ewbTransportInput>;

/** Part A as the portal reads it: the consignment from the invoice, with the movement's details. */
export const ewbPartA = z.object({
  supplyType: z.literal('O'),
  docType: z.enum(['INV', 'BIL']),
  docNo: z.string().regex(/^[A-Za-z0-9/-]{1,16}$/),
  docDate: z.string().regex(/^\d{2}\/\d{2}\/\d{4}$/),
  fromGstin: gstin,
  /** "URP" for an unregistered buyer. */
  toGstin: z.union([gstin, z.literal('URP')]),
  fromPincode: pincode,
  toPincode: pincode,
  lines: z
    .array(
      z.object({
        hsn: z.string().regex(/^[0-9]{4,8}$/),
        taxablePaise: z.number().int().min(0),
        gstRateBp: z.number().int().min(0),
        cessRateBp: z.number().int().min(0),
      }),
    )
    .min(1),
  taxablePaise: z.number().int().min(0),
  cgstPaise: z.number().int().min(0),
  sgstPaise: z.number().int().min(0),
  igstPaise: z.number().int().min(0),
  cessPaise: z.number().int().min(0),
  transportMode: z.enum(['road', 'rail', 'air', 'ship']),
  distanceKm: z.number().int().min(1).max(EWB_MAX_DISTANCE_KM),
  transporterId: z.string(),
});

/** Part B: the vehicle, asked for road transport (a vehicle update names the new one and why). */
export const ewbVehicleUpdateInput = z.object({
  invoiceId: z.uuid(),
  vehicleNo: z
    .string()
    .transform(normaliseVehicleNo)
    .refine((text) => text !== '', EWB_MESSAGES.ewbVehicleRequired)
    .refine((text) => text === '' || VEHICLE_PATTERN.test(text), EWB_MESSAGES.ewbVehicleFormat),
  /** The portal's reason codes: 1 breakdown, 2 transhipment, 3 others, 4 first time. */
  reason: z.enum(['breakdown', 'transhipment', 'others', 'first-time']),
  fromPlace: z.string().trim().min(1).max(50),
});
