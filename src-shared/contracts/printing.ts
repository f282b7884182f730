// Printer profiles (kept in settings under "printers") and the printing procedures' inputs.
import { z } from 'zod';
import { id, requiredText } from './common';

/** ESC t code pages the counter may select; text sent in text mode is ASCII, so this only matters to the printer's own font table. */
export const CODE_PAGES = ['PC437_USA', 'PC850_MULTILINGUAL', 'PC858_EURO', 'WPC1252'] as const;
export const RECEIPT_WIDTHS = [58, 80] as const;

export const printerConnection = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('network'),
      host: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9.-]{1,253}$/, 'host is an IP address or a host name'),
      port: z.number().int().min(1).max(65_535).default(9100),
    })
    .strict(),
  z.object({ kind: z.literal('usb'), path: requiredText(260) }).strict(),
  z.object({ kind: z.literal('serial'), path: requiredText(260) }).strict(),
  z.object({ kind: z.literal('os'), queueName: requiredText(120) }).strict(),
]);

export const printerProfile = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'printer id is lower-case letters, digits and dashes'),
    name: requiredText(80),
    connection: printerConnection,
    width: z.union([z.literal(58), z.literal(80)]),
    codePage: z.enum(CODE_PAGES).default('PC437_USA'),
    drawerKick: z.boolean().default(false),
    cut: z.boolean().default(true),
    isDefault: z.boolean().default(false),
  })
  .strict();

export const printerProfiles = z
  .array(printerProfile)
  .max(10, 'at most 10 printers')
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'two printers have the same id')
  .refine((list) => list.filter((p) => p.isDefault).length <= 1, 'only one printer can be the default');

export type PrinterConnection = z.infer<typeof printerConnection>;
export type PrinterProfile = z.infer<typeof printerProfile>;

export const PRINTABLE_DOCS = [
  'invoice',
  'credit_note',
  'receipt',
  'receipt_reversal',
  'z_report',
  'purchase_order',
  'supplier_payment',
] as const;
export type PrintableDoc = (typeof PRINTABLE_DOCS)[number];

export const reprintInput = z
  .object({
    docType: z.enum(PRINTABLE_DOCS),
    docId: id,
    printerId: printerProfile.shape.id.optional(),
    format: z.enum(['receipt', 'a4', 'a5']).default('receipt'),
  })
  .strict();

export const listPrintJobsInput = z
  .object({
    status: z.enum(['queued', 'printing', 'done', 'failed']).optional(),
    docId: id.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const invoicePdfInput = z.object({ invoiceId: id, pageSize: z.enum(['A4', 'A5']).default('A4') }).strict();

export type ReprintInput = z.infer<typeof reprintInput>;
