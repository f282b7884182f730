// Outputs of the owner's report procedures (server, over all of a shop's counters) that a counter has no twin of.
import { z } from 'zod';
import { partyAgeing, shiftCount } from './report-rows';

const sum = z.int();

/** Sales, returns and gross profit of a set of hourly summaries. */
export const salesFigures = z.object({
  invoices: sum,
  salesPaise: sum,
  taxablePaise: sum,
  taxPaise: sum,
  costPaise: sum,
  returns: sum,
  returnsPaise: sum,
  returnTaxablePaise: sum,
  returnCostPaise: sum,
  netPaise: sum,
  /** Net taxable sales minus the cost of what was sold, at the cost recorded on each bill, net of returns. */
  grossProfitPaise: sum,
});

/** Money in (invoices, receipts) and out (refunds) by payment mode. */
export const paymentsByMode = z.object({ mode: z.string(), inPaise: sum, outPaise: sum, count: sum, netPaise: sum });

export const salesReport = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  totals: salesFigures,
  byDay: z.array(salesFigures.extend({ date: z.string() })),
  byHour: z.array(salesFigures.extend({ hour: sum })),
  byCounter: z.array(salesFigures.extend({ counterId: z.string(), counterName: z.string(), counterCode: z.string() })),
  /** staffName is as the staff's bills last signed it; empty until one has synced. */
  byStaff: z.array(salesFigures.extend({ staffId: z.string(), staffName: z.string() })),
  byMode: z.array(paymentsByMode),
  /** By ISO weekday (1 = Monday) and hour: when the shop is busy. */
  heatmap: z.array(z.object({ weekday: sum, hour: sum, invoices: sum, salesPaise: sum })),
});

export const overview = z.object({
  today: z.string(),
  yesterday: z.string(),
  todaySales: salesFigures,
  yesterdaySales: salesFigures,
  counters: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      counterCode: z.string(),
      lastSeenAt: z.string().nullable(),
      appVersion: z.string().nullable(),
      pushedOps: sum,
      revoked: z.boolean(),
    }),
  ),
});

/** A customer who owes something, aged over every counter's khata entries. */
export const khataOutstandingRow = partyAgeing.extend({
  /** Something unpaid for more than 30 days. */
  overdue: z.boolean(),
});

/** A shift as its counter synced it: the expected cash is fixed at its close, null while it is open. */
export const cashSessionRow = shiftCount.extend({ counterCode: z.string(), expectedCashPaise: sum.nullable() });

export const invoiceRow = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  createdAt: z.string(),
  counterCode: z.string(),
  staffId: z.string(),
  partyName: z.string(),
  taxablePaise: sum,
  taxPaise: sum,
  totalPaise: sum,
  khataPaise: sum,
});
export const invoiceList = z.object({ rows: z.array(invoiceRow), total: sum });

/** One invoice as its counter finalised it: the stored columns, and the synced header and lines as they came. */
export const invoiceDetail = z.object({
  id: z.string(),
  number: z.string(),
  counterId: z.string(),
  counterName: z.string(),
  counterCode: z.string(),
  partyId: z.string().nullable(),
  staffId: z.string(),
  businessDate: z.string(),
  counterCreatedAt: z.string(),
  taxablePaise: sum,
  cgstPaise: sum,
  sgstPaise: sum,
  igstPaise: sum,
  cessPaise: sum,
  roundOffPaise: sum,
  totalPaise: sum,
  khataPaise: sum,
  header: z.record(z.string(), z.unknown()),
  lines: z.array(z.record(z.string(), z.unknown())),
  payments: z.array(z.object({ mode: z.string(), amountPaise: sum })),
  returns: z.array(z.object({ id: z.string(), number: z.string(), totalPaise: sum, businessDate: z.string() })),
});

/** A report table written as a file, base64 so it travels in JSON. */
export const reportFile = z.object({ filename: z.string(), contentType: z.string(), base64: z.string() });

export type SalesFigures = z.infer<typeof salesFigures>;
export type PaymentsByMode = z.infer<typeof paymentsByMode>;
export type SalesReport = z.infer<typeof salesReport>;
export type Overview = z.infer<typeof overview>;
export type KhataOutstandingRow = z.infer<typeof khataOutstandingRow>;
export type CashSessionRow = z.infer<typeof cashSessionRow>;
export type InvoiceRow = z.infer<typeof invoiceRow>;
export type InvoiceList = z.infer<typeof invoiceList>;
export type InvoiceDetail = z.infer<typeof invoiceDetail>;
export type ReportFile = z.infer<typeof reportFile>;
