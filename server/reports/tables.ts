// Every report table as named columns over rows, so the CSV and XLSX exports write exactly what the dashboard shows.
import type { ExportInput, ReportTableName } from '../../src-shared/contracts/reports';
import type { ServerDb } from '../db/connection';
import { gstSummary } from './gst';
import { itemSales, lowStock } from './items';
import { khataOutstanding } from './khata';
import { listInvoices, listReturns } from './invoices';
import { paymentsByMode, salesByCounter, salesByDay, salesByHour, salesByStaff } from './sales';
import { cashSessionReconciliation } from './sessions';
import { listPurchases, payables } from '../purchases/reports';

/** How a column is written: money in rupees with two decimals, quantities in units, everything else as it is. */
export type ColumnKind = 'paise' | 'milli' | 'number' | 'text';
export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}
export interface ReportTable {
  /** A report table, or a table made from an upload (the GSTR-2B reconciliation). */
  name: ReportTableName | 'gstr2b-reconciliation';
  columns: ReportColumn[];
  rows: object[];
}

const text = (key: string, label: string): ReportColumn => ({ key, label, kind: 'text' });
const count = (key: string, label: string): ReportColumn => ({ key, label, kind: 'number' });
const money = (key: string, label: string): ReportColumn => ({ key, label, kind: 'paise' });
const qty = (key: string, label: string): ReportColumn => ({ key, label, kind: 'milli' });
const SALES = [
  count('invoices', 'Invoices'),
  money('salesPaise', 'Sales'),
  money('taxPaise', 'Tax'),
  count('returns', 'Returns'),
  money('returnsPaise', 'Returned'),
  money('netPaise', 'Net sales'),
  money('grossProfitPaise', 'Gross profit'),
];
const TAX = [
  money('taxablePaise', 'Taxable'),
  money('igstPaise', 'IGST'),
  money('cgstPaise', 'CGST'),
  money('sgstPaise', 'SGST'),
  money('cessPaise', 'Cess'),
  money('taxPaise', 'Total tax'),
];

type Rows = object[];
const TABLES: Record<
  ReportTableName,
  { columns: ReportColumn[]; rows: (tx: ServerDb, shopId: string, input: ExportInput) => Promise<Rows> }
> = {
  'sales-by-day': { columns: [text('date', 'Date'), ...SALES], rows: (tx, shop, range) => salesByDay(tx, shop, range) },
  'sales-by-hour': {
    columns: [count('hour', 'Hour'), ...SALES],
    rows: (tx, shop, range) => salesByHour(tx, shop, range),
  },
  'sales-by-counter': {
    columns: [text('counterCode', 'Counter'), text('counterName', 'Name'), ...SALES],
    rows: (tx, shop, range) => salesByCounter(tx, shop, range),
  },
  'sales-by-staff': {
    columns: [text('staffName', 'Staff'), text('staffId', 'Staff id'), ...SALES],
    rows: (tx, shop, range) => salesByStaff(tx, shop, range),
  },
  payments: {
    columns: [
      text('mode', 'Mode'),
      count('count', 'Payments'),
      money('inPaise', 'Received'),
      money('outPaise', 'Refunded'),
      money('netPaise', 'Net'),
    ],
    rows: (tx, shop, range) => paymentsByMode(tx, shop, range),
  },
  items: {
    columns: [
      text('name', 'Item'),
      text('sku', 'SKU'),
      qty('qtyMilli', 'Qty sold'),
      qty('returnQtyMilli', 'Qty returned'),
      money('netSalesPaise', 'Net sales (with GST)'),
      money('netTaxablePaise', 'Net sales (before GST)'),
      money('netCostPaise', 'Cost of goods sold'),
      money('grossProfitPaise', 'Gross profit'),
    ],
    rows: async (tx, shop, range) => (await itemSales(tx, shop, range)).rows,
  },
  'low-stock': {
    columns: [
      text('name', 'Item'),
      text('sku', 'SKU'),
      text('category', 'Category'),
      qty('stockMilli', 'Stock'),
      qty('reorderLevelMilli', 'Reorder level'),
    ],
    rows: (tx, shop) => lowStock(tx, shop),
  },
  khata: {
    columns: [
      text('name', 'Customer'),
      text('phone', 'Phone'),
      money('totalPaise', 'Balance'),
      money('d0to30Paise', '0–30 days'),
      money('d31to60Paise', '31–60 days'),
      money('d61to90Paise', '61–90 days'),
      money('d90plusPaise', '90+ days'),
      text('oldestUnpaidAt', 'Oldest unpaid'),
    ],
    rows: (tx, shop, range) => khataOutstanding(tx, shop, range.to),
  },
  returns: {
    columns: [
      text('number', 'Credit note'),
      text('date', 'Date'),
      text('invoiceNumber', 'Invoice'),
      text('partyName', 'Customer'),
      text('staffName', 'Staff'),
      text('reason', 'Reason'),
      text('refundMode', 'Refund'),
      money('taxablePaise', 'Taxable'),
      money('taxPaise', 'Tax'),
      money('totalPaise', 'Total'),
    ],
    rows: (tx, shop, range) => listReturns(tx, shop, range),
  },
  'cash-sessions': {
    columns: [
      text('counterCode', 'Counter'),
      text('openedAt', 'Opened'),
      text('closedAt', 'Closed'),
      money('openingFloatPaise', 'Float'),
      money('expectedCashPaise', 'Expected'),
      money('countedPaise', 'Counted'),
      money('differencePaise', 'Difference'),
    ],
    rows: (tx, shop, range) => cashSessionReconciliation(tx, shop, range),
  },
  'gst-by-rate': {
    columns: [count('gstRateBp', 'Rate (bp)'), money('valuePaise', 'Value'), ...TAX],
    rows: async (tx, shop, range) => (await gstSummary(tx, shop, range)).byRate,
  },
  'gst-by-hsn': {
    columns: [
      text('hsn', 'HSN'),
      text('unit', 'Unit'),
      count('gstRateBp', 'Rate (bp)'),
      qty('qtyMilli', 'Qty'),
      money('valuePaise', 'Value'),
      ...TAX,
    ],
    rows: async (tx, shop, range) => (await gstSummary(tx, shop, range)).byHsn,
  },
  purchases: {
    columns: [
      text('number', 'Purchase bill'),
      text('date', 'Date'),
      text('counterCode', 'Counter'),
      text('supplierName', 'Supplier'),
      text('supplierGstin', 'Supplier GSTIN'),
      text('supplierInvoiceNumber', 'Supplier invoice'),
      text('supplierInvoiceDate', 'Invoice date'),
      text('reverseChargeText', 'Reverse charge'),
      money('taxablePaise', 'Taxable'),
      money('taxPaise', 'Tax'),
      money('totalPaise', 'Total'),
      money('paidPaise', 'Paid'),
      money('payablePaise', 'On credit'),
      money('returnedPaise', 'Returned'),
    ],
    rows: async (tx, shop, range) =>
      (await listPurchases(tx, shop, { from: range.from, to: range.to })).rows.map((row) => ({
        ...row,
        reverseChargeText: row.reverseCharge ? 'yes' : 'no',
      })),
  },
  payables: {
    columns: [
      text('name', 'Supplier'),
      text('gstin', 'GSTIN'),
      money('totalPaise', 'Due'),
      money('d0to30Paise', '0–30 days'),
      money('d31to60Paise', '31–60 days'),
      money('d61to90Paise', '61–90 days'),
      money('d90plusPaise', '90+ days'),
      text('oldestUnpaidAt', 'Oldest unpaid'),
    ],
    rows: async (tx, shop, range) => (await payables(tx, shop, range.to)).suppliers,
  },
  invoices: {
    columns: [
      text('number', 'Invoice'),
      text('date', 'Date'),
      text('counterCode', 'Counter'),
      text('staffId', 'Staff'),
      text('partyName', 'Customer'),
      money('taxablePaise', 'Taxable'),
      money('taxPaise', 'Tax'),
      money('totalPaise', 'Total'),
    ],
    rows: async (tx, shop, range) =>
      (await listInvoices(tx, shop, { from: range.from, to: range.to, limit: 200, offset: 0 })).rows,
  },
};

/** The GSTR-2B reconciliation as the owner downloads it: one row per document, both sides' figures. */
export const RECONCILIATION_COLUMNS: ReportColumn[] = [
  text('statusText', 'Result'),
  text('kindText', 'Document'),
  text('supplierGstin', 'Supplier GSTIN'),
  text('supplierName', 'Supplier'),
  text('number', 'Supplier document number'),
  text('ourNumber', 'Our number'),
  text('date2b', 'Date in GSTR-2B'),
  text('dateBooks', 'Date in books'),
  money('taxable2bPaise', 'Taxable in GSTR-2B'),
  money('taxableBooksPaise', 'Taxable in books'),
  money('tax2bPaise', 'Tax in GSTR-2B'),
  money('taxBooksPaise', 'Tax in books'),
  text('differences', 'Differs in'),
];

export async function reportTable(tx: ServerDb, shopId: string, input: ExportInput): Promise<ReportTable> {
  const table = TABLES[input.table];
  return { name: input.table, columns: table.columns, rows: await table.rows(tx, shopId, input) };
}
