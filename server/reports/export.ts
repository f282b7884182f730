// Writes a report table as CSV (papaparse) or XLSX (exceljs), money in rupees with two decimals computed from paise.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportInput } from '../../src-shared/contracts/reports';
import type { ReportFile } from '../../src-shared/contracts/owner-reports';
import { shopDate } from '../../src-shared/shop-time';
import { guardSpreadsheetText } from '../../src-shared/reports/formula-guard';
import type { ReportColumn, ReportTable } from './tables';

/** 12345 paise → "123.45", exactly, by integer arithmetic. */
export function rupeesText(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const absolute = Math.abs(paise);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

function milliText(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const absolute = Math.abs(milli);
  const fraction = String(absolute % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.floor(absolute / 1000)}${fraction ? `.${fraction}` : ''}`;
}

function cellText(column: ReportColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'paise') return rupeesText(Number(value));
  if (column.kind === 'milli') return milliText(Number(value));
  if (column.kind === 'number' && typeof value === 'number') return String(value);
  return guardSpreadsheetText(String(value));
}

/** An XLSX cell: money and quantities as numbers (so sums work in the sheet), text guarded against formulas. */
function cellValue(column: ReportColumn, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  // paise / 100 is the double nearest the exact rupee figure.
  if (column.kind === 'paise') return Number(value) / 100;
  if (column.kind === 'milli') return Number(value) / 1000;
  return typeof value === 'string' ? guardSpreadsheetText(value) : value;
}

export async function exportTable(
  table: ReportTable,
  input: Pick<ExportInput, 'from' | 'to' | 'format'>,
): Promise<ReportFile> {
  // The owner finds the file by the dates they picked, written as they read them; the cells keep ISO dates, which
  // spreadsheets read as dates whatever their locale.
  const base = `galla-${table.name}-${shopDate(input.from)}-to-${shopDate(input.to)}`;
  if (input.format === 'csv') {
    const csv = Papa.unparse({
      fields: table.columns.map((column) => column.label),
      data: (table.rows as Record<string, unknown>[]).map((row) =>
        table.columns.map((column) => cellText(column, row[column.key])),
      ),
    });
    return { filename: `${base}.csv`, contentType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name);
  sheet.columns = table.columns.map((column) => ({
    header: column.label,
    key: column.key,
    width: Math.max(12, column.label.length + 2),
    style: column.kind === 'paise' ? { numFmt: '#,##0.00' } : {},
  }));
  for (const row of table.rows as Record<string, unknown>[]) {
    sheet.addRow(Object.fromEntries(table.columns.map((column) => [column.key, cellValue(column, row[column.key])])));
  }
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer).toString('base64'),
  };
}
