// Inputs of the owner-report procedures (server) as the dashboard sends them: date ranges, drill-down filters, exports.
import { z } from 'zod';
import { id, isoDate, NUL_MESSAGE, withoutNul } from './common';

/** Three years of days is the widest range a report takes: wide enough for any return, narrow enough to stay fast. */
const MAX_RANGE_DAYS = 366 * 3;

/** ISO allows the year 0000 but PostgreSQL's dates do not, so a report date starts at the year 1. */
const reportDate = isoDate.refine((date) => !date.startsWith('0000'), 'must be a date from the year 1 on');
const rangeShape = { from: reportDate, to: reportDate };
const rangeChecks = <T extends { from: string; to: string }>(schema: z.ZodType<T>) =>
  schema
    .refine((range) => range.from <= range.to, { message: '"from" must not be after "to"', path: ['from'] })
    .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 <= MAX_RANGE_DAYS, {
      message: `a report covers at most ${MAX_RANGE_DAYS} days`,
      path: ['to'],
    });

export const reportRange = rangeChecks(z.object(rangeShape).strict());
export type ReportRange = z.infer<typeof reportRange>;

export const khataReportInput = z.object({ asOf: reportDate }).strict();

export const invoiceListInput = rangeChecks(
  z
    .object({
      ...rangeShape,
      counterId: id.optional(),
      staffId: z.string().max(64).refine(withoutNul, NUL_MESSAGE).optional(),
      hour: z.number().int().min(0).max(23).optional(),
      itemId: id.optional(),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    })
    .strict(),
);
export type InvoiceListInput = z.infer<typeof invoiceListInput>;

export const invoiceInput = z.object({ id }).strict();
export const invoicePdfRequest = z.object({ id, pageSize: z.enum(['A4', 'A5']).default('A4') }).strict();

/** The owner's purchase register over a range, for one supplier or all, searched by number or supplier. */
export const purchaseListInput = rangeChecks(
  z
    .object({
      ...rangeShape,
      supplierId: id.optional(),
      search: z.string().max(100).refine(withoutNul, NUL_MESSAGE).optional(),
      reverseCharge: z.boolean().optional(),
    })
    .strict(),
);
export type PurchaseListInput = z.infer<typeof purchaseListInput>;

/** What the shop owes its suppliers on a day, aged. */
export const payablesInput = z.object({ asOf: reportDate }).strict();

/** The GSTR-2B JSON as downloaded from the portal, checked against the chosen month: 5 MB is a very large 2B. */
export const gstr2bInput = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (YYYY-MM)'),
    file: z.string().max(5_000_000, 'this file is larger than any GSTR-2B (5 MB)'),
  })
  .strict();
export type Gstr2bInput = z.infer<typeof gstr2bInput>;
export const gstr2bExportInput = gstr2bInput.extend({ format: z.enum(['csv', 'xlsx']) }).strict();

export const gstr1Input = z
  .object({
    /** The return period as YYYY-MM. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (YYYY-MM)'),
  })
  .strict();
export type Gstr1Input = z.infer<typeof gstr1Input>;

/** Every table a report shows, by name: what the CSV/XLSX export can write. */
export const REPORT_TABLES = [
  'sales-by-day',
  'sales-by-hour',
  'sales-by-counter',
  'sales-by-staff',
  'payments',
  'items',
  'low-stock',
  'khata',
  'returns',
  'cash-sessions',
  'gst-by-rate',
  'gst-by-hsn',
  'purchases',
  'payables',
  'invoices',
] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];

export const exportInput = rangeChecks(
  z.object({ ...rangeShape, table: z.enum(REPORT_TABLES), format: z.enum(['csv', 'xlsx']) }).strict(),
);
export type ExportInput = z.infer<typeof exportInput>;
