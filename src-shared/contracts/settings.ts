// The counter's settings, each key with its zod schema; read and written whole, validated both ways.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { basisPoints, requiredText, shortText } from './common';
import { isValidGstin, isStateCode } from '../gst/gstin';
import { printerProfiles, type PrinterProfile } from './printing';
import { RECEIPT_LANGUAGES } from '../printing/receipt-labels';
import { TAX_SCHEMES } from '../gst/rule46';

export const shopSettings = z
  .object({
    name: requiredText(120),
    /** As registered for GST (may differ from the trade name above); sent to the server's shop record at enrolment. */
    legalName: shortText(160).default(''),
    address: shortText(300).default(''),
    phone: shortText(20).default(''),
    gstin: z.string().trim().toUpperCase().refine(isValidGstin, shopText('gstinInvalid')).nullable().default(null),
    stateCode: z.string().refine(isStateCode, shopText('stateCodeInvalid')),
    upiId: z
      .string()
      .trim()
      .regex(/^([\w.-]+@[\w.-]+)?$/, shopText('upiIdFormat'))
      .default(''),
    receiptFooter: shortText(200).default('Thank you! Visit again.'),
    /** The words printed on receipts: English, Hindi, or both on each line. */
    receiptLanguage: z.enum(RECEIPT_LANGUAGES).default('en'),
    /** A composition dealer (Section 10 CGST Act) collects no GST and issues bills of supply (src-shared/gst/rule46.ts). */
    taxScheme: z.enum(TAX_SCHEMES).default('regular'),
  })
  .strict()
  .refine((shop) => !shop.gstin || shop.gstin.slice(0, 2) === shop.stateCode, {
    message: shopText('gstinOtherState'),
    path: ['gstin'],
  });

export const counterSettings = z
  .object({
    /** Prefix of this counter's series: invoices C1-2026-000001, credit notes C1CN-2026-000001; two characters keep every number within GST's 16. */
    counterId: z.string().regex(/^[A-Z0-9]{1,2}$/, shopText('counterIdFormat')),
  })
  .strict();

export const billingSettings = z
  .object({
    /** A cashier may give at most this much discount (of the bill's gross) without a manager. */
    cashierDiscountLimitBp: basisPoints.default(500),
    roundOff: z.boolean().default(true),
    scale: z
      .object({
        prefixes: z.array(z.string().regex(/^\d{2}$/)).min(1),
        pluDigits: z.number().int().min(4).max(6),
        valueDigits: z.number().int().min(4).max(6),
        valueKind: z.enum(['weight', 'price']),
      })
      .strict()
      .refine((s) => 2 + s.pluDigits + s.valueDigits === 12, shopText('scaleDigits')),
  })
  .strict();

export const SETTINGS_SCHEMAS = {
  shop: shopSettings,
  counter: counterSettings,
  billing: billingSettings,
  printers: printerProfiles,
} as const;
export type SettingsKey = keyof typeof SETTINGS_SCHEMAS;
export type ShopSettings = z.infer<typeof shopSettings>;
export type CounterSettings = z.infer<typeof counterSettings>;
export type BillingSettings = z.infer<typeof billingSettings>;
export type PrinterSettings = PrinterProfile[];

export const setSettingInput = z.discriminatedUnion('key', [
  z.object({ key: z.literal('shop'), value: shopSettings }).strict(),
  z.object({ key: z.literal('counter'), value: counterSettings }).strict(),
  z.object({ key: z.literal('billing'), value: billingSettings }).strict(),
  z.object({ key: z.literal('printers'), value: printerProfiles }).strict(),
]);
