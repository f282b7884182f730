// Column definitions of every report table, in the screen's language: amounts in rupees, quantities in units, rates in per cent.
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { formatQuantity, formatRupees } from '../../../src-shared/money';
import type { Outputs } from '../../app/trpc';
import { shopDate, shopDateTime } from '../../../src-shared/shop-time';

type Reports = Outputs['reports'];
export type DayRow = Reports['sales']['byDay'][number];
export type ModeRow = Reports['sales']['byMode'][number];
export type HourRow = Reports['byHour'][number];
export type ItemRow = Reports['items']['rows'][number];
export type RateRow = Reports['gst']['byRate'][number];
export type HsnRow = Reports['gst']['byHsn'][number];
export type ReturnRow = Reports['returns'][number];
export type LowStockRow = Reports['lowStock'][number];
export type ShiftRow = Reports['cashSessions'][number];

const numeric = { numeric: true };
const money = <Row>(key: keyof Row & string, header: string): ColumnDef<Row> => ({
  accessorKey: key,
  header,
  cell: (cell) => formatRupees(cell.getValue<number>()),
  meta: numeric,
});
const maybeMoney = <Row>(key: keyof Row & string, header: string): ColumnDef<Row> => ({
  accessorKey: key,
  header,
  cell: (cell) => (cell.getValue<number | null>() === null ? '—' : formatRupees(cell.getValue<number>())),
  meta: numeric,
});
const count = <Row>(key: keyof Row & string, header: string): ColumnDef<Row> => ({
  accessorKey: key,
  header,
  meta: numeric,
});
const rate = <Row>(header: string): ColumnDef<Row> => ({
  accessorKey: 'gstRateBp',
  header,
  cell: (cell) => `${cell.getValue<number>() / 100}%`,
  meta: numeric,
});
const time = (iso: string | null) => (iso ? shopDateTime(iso) : '—');
const taxColumns = <Row extends RateRow | HsnRow>(t: TFunction): ColumnDef<Row>[] => [
  money<Row>('taxablePaise', t('reports.taxable')),
  money<Row>('cgstPaise', 'CGST'),
  money<Row>('sgstPaise', 'SGST'),
  money<Row>('igstPaise', 'IGST'),
  money<Row>('cessPaise', t('reports.cess')),
  money<Row>('taxPaise', t('reports.tax')),
];

export const dayColumns = (t: TFunction): ColumnDef<DayRow>[] => [
  { accessorKey: 'date', header: t('reports.date'), cell: (cell) => shopDate(cell.getValue<string>()) },
  count<DayRow>('invoiceCount', t('reports.bills')),
  money<DayRow>('salesPaise', t('reports.sales')),
  money<DayRow>('returnsPaise', t('reports.returns')),
  {
    id: 'net',
    header: t('reports.net'),
    accessorFn: (row) => row.salesPaise - row.returnsPaise,
    cell: (cell) => formatRupees(cell.getValue<number>()),
    meta: numeric,
  },
];

export const hourColumns = (t: TFunction): ColumnDef<HourRow>[] => [
  {
    accessorKey: 'hour',
    header: t('reports.hour'),
    cell: (cell) =>
      `${String(cell.getValue<number>()).padStart(2, '0')}:00–${String(cell.getValue<number>() + 1).padStart(2, '0')}:00`,
  },
  count<HourRow>('invoiceCount', t('reports.bills')),
  money<HourRow>('salesPaise', t('reports.sales')),
  money<HourRow>('returnsPaise', t('reports.returns')),
  money<HourRow>('netPaise', t('reports.net')),
];

export const modeColumns = (t: TFunction): ColumnDef<ModeRow>[] => [
  { accessorKey: 'mode', header: t('reports.mode'), cell: (cell) => t(`payment.${cell.getValue<string>()}`) },
  money<ModeRow>('paise', t('reports.amount')),
];

export const itemColumns = (t: TFunction): ColumnDef<ItemRow>[] => [
  { accessorKey: 'name', header: t('items.name') },
  {
    accessorKey: 'netQtyMilli',
    header: t('reports.qty'),
    cell: (cell) => `${formatQuantity(cell.getValue<number>())} ${cell.row.original.unit}`,
    meta: numeric,
  },
  money<ItemRow>('netSalesPaise', t('reports.sales')),
  money<ItemRow>('returnsPaise', t('reports.returns')),
  money<ItemRow>('netTaxablePaise', t('reports.taxable')),
  money<ItemRow>('netCostPaise', t('reports.cost')),
  money<ItemRow>('grossProfitPaise', t('reports.profit')),
  // No cost price entered (cost 0) would show a 100% margin that is not real: say so instead.
  {
    id: 'margin',
    header: t('reports.margin'),
    accessorFn: (row) => (row.netTaxablePaise && row.netCostPaise ? row.grossProfitPaise / row.netTaxablePaise : null),
    cell: (cell) =>
      cell.getValue<number | null>() === null ? t('reports.noCost') : `${(cell.getValue<number>() * 100).toFixed(1)}%`,
    meta: numeric,
  },
];

export const rateColumns = (t: TFunction): ColumnDef<RateRow>[] => [
  rate<RateRow>(t('reports.rate')),
  ...taxColumns<RateRow>(t),
];

export const hsnColumns = (t: TFunction): ColumnDef<HsnRow>[] => [
  { accessorKey: 'hsn', header: 'HSN', cell: (cell) => cell.getValue<string>() || '—' },
  rate<HsnRow>(t('reports.rate')),
  {
    accessorKey: 'qtyMilli',
    header: t('reports.qty'),
    cell: (cell) => `${formatQuantity(cell.getValue<number>())} ${cell.row.original.unit}`,
    meta: numeric,
  },
  ...taxColumns<HsnRow>(t),
];

export const returnColumns = (t: TFunction): ColumnDef<ReturnRow>[] => [
  { accessorKey: 'number', header: t('reports.creditNote') },
  { accessorKey: 'createdAt', header: t('reports.when'), cell: (cell) => time(cell.getValue<string>()) },
  { accessorKey: 'invoiceNumber', header: t('reports.bill') },
  { accessorKey: 'reason', header: t('reports.reason') },
  { accessorKey: 'refundMode', header: t('reports.refund'), cell: (cell) => t(`payment.${cell.getValue<string>()}`) },
  money<ReturnRow>('totalPaise', t('reports.amount')),
];

export const lowStockColumns = (t: TFunction): ColumnDef<LowStockRow>[] => [
  { accessorKey: 'name', header: t('items.name') },
  { accessorKey: 'sku', header: t('items.sku') },
  {
    accessorKey: 'stockMilli',
    header: t('items.stock'),
    cell: (cell) => `${formatQuantity(cell.getValue<number>())} ${cell.row.original.unit}`,
    meta: numeric,
  },
  {
    accessorKey: 'reorderLevelMilli',
    header: t('items.reorder'),
    cell: (cell) => formatQuantity(cell.getValue<number>()),
    meta: numeric,
  },
];

export const shiftColumns = (t: TFunction): ColumnDef<ShiftRow>[] => [
  { accessorKey: 'openedAt', header: t('reports.opened'), cell: (cell) => time(cell.getValue<string>()) },
  { accessorKey: 'closedAt', header: t('reports.closed'), cell: (cell) => time(cell.getValue<string | null>()) },
  { accessorKey: 'openedByName', header: t('reports.staff') },
  { accessorKey: 'closedByName', header: t('reports.closedBy') },
  {
    id: 'cashiers',
    header: t('reports.cashiers'),
    accessorFn: (row) => row.cashiers.map((cashier) => cashier.name).join(', '),
  },
  money<ShiftRow>('salesPaise', t('reports.sales')),
  money<ShiftRow>('expectedCashPaise', t('cash.expected')),
  maybeMoney<ShiftRow>('countedPaise', t('cash.counted')),
  maybeMoney<ShiftRow>('differencePaise', t('cash.difference')),
];
