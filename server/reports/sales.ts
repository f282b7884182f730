// Sales over a date range from the hourly and payment summaries: totals and breakdowns by day, hour, counter, staff and mode.
import { sql } from 'drizzle-orm';
import type { ReportRange } from '../../src-shared/contracts/reports';
import type { PaymentsByMode, SalesFigures, SalesReport } from '../../src-shared/contracts/owner-reports';
import type { ServerDb } from '../db/connection';
import { reportRows } from './query';

const FIGURES = [
  'invoices',
  'salesPaise',
  'taxablePaise',
  'taxPaise',
  'costPaise',
  'returns',
  'returnsPaise',
  'returnTaxablePaise',
  'returnCostPaise',
] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

const sums = sql.raw(`
  SUM(invoices) AS "invoices", SUM(total_paise) AS "salesPaise", SUM(taxable_paise) AS "taxablePaise", SUM(tax_paise) AS "taxPaise",
  SUM(cost_paise) AS "costPaise", SUM(returns) AS "returns", SUM(return_total_paise) AS "returnsPaise",
  SUM(return_taxable_paise) AS "returnTaxablePaise", SUM(return_cost_paise) AS "returnCostPaise"`);

function withDerived<T extends Figures>(row: T): T & SalesFigures {
  return {
    ...row,
    netPaise: row.salesPaise - row.returnsPaise,
    grossProfitPaise: row.taxablePaise - row.returnTaxablePaise - (row.costPaise - row.returnCostPaise),
  };
}

async function grouped<T extends object>(
  tx: ServerDb,
  shopId: string,
  range: ReportRange,
  by: string,
  extraNumeric: string[] = [],
) {
  const rows = await reportRows<Figures & T>(
    tx,
    sql`SELECT ${sql.raw(by)}, ${sums} FROM report_sales_hourly s WHERE s.shop_id = ${shopId} AND s.business_date BETWEEN ${range.from} AND ${range.to} GROUP BY 1 ORDER BY 1`,
    [...FIGURES, ...extraNumeric] as never,
  );
  return rows.map(withDerived);
}

export async function salesTotals(tx: ServerDb, shopId: string, range: ReportRange): Promise<SalesFigures> {
  const [row] = await reportRows<Figures>(
    tx,
    sql`SELECT ${sums} FROM report_sales_hourly WHERE shop_id = ${shopId} AND business_date BETWEEN ${range.from} AND ${range.to}`,
    [...FIGURES],
  );
  return withDerived(row!);
}

export const salesByDay = (tx: ServerDb, shopId: string, range: ReportRange) =>
  grouped<{ date: string }>(tx, shopId, range, `to_char(s.business_date, 'YYYY-MM-DD') AS "date"`);
export const salesByHour = (tx: ServerDb, shopId: string, range: ReportRange) =>
  grouped<{ hour: number }>(tx, shopId, range, 's.hour AS "hour"', ['hour']);
export async function salesByStaff(tx: ServerDb, shopId: string, range: ReportRange) {
  const rows = await grouped<{ staffId: string }>(tx, shopId, range, 's.staff_id AS "staffId"');
  const names = await staffNames(tx, shopId);
  return rows.map((row) => ({ staffName: names.get(row.staffId) ?? '', ...row }));
}

/** Names of the counters' staff, as their bills last signed them (report_staff, kept by sync apply). */
async function staffNames(tx: ServerDb, shopId: string): Promise<Map<string, string>> {
  const rows = await reportRows<{ staffId: string; name: string }>(
    tx,
    sql`SELECT staff_id AS "staffId", name FROM report_staff WHERE shop_id = ${shopId}`,
    [],
  );
  return new Map(rows.map((row) => [row.staffId, row.name]));
}

export async function salesByCounter(tx: ServerDb, shopId: string, range: ReportRange) {
  const rows = await grouped<{ counterId: string }>(tx, shopId, range, 's.counter_id AS "counterId"');
  const names = await reportRows<{ id: string; name: string; counterCode: string }>(
    tx,
    sql`SELECT id, name, counter_code AS "counterCode" FROM counters WHERE shop_id = ${shopId}`,
    [],
  );
  const byId = new Map(names.map((counter) => [counter.id, counter]));
  return rows.map((row) => ({
    ...row,
    counterName: byId.get(row.counterId)?.name ?? 'Removed counter',
    counterCode: byId.get(row.counterId)?.counterCode ?? '',
  }));
}

/** Sales by ISO weekday (1 = Monday) and hour: the heat-map of when the shop is busy. */
export async function salesHeatmap(tx: ServerDb, shopId: string, range: ReportRange) {
  return reportRows<{ weekday: number; hour: number; invoices: number; salesPaise: number }>(
    tx,
    sql`SELECT extract(isodow FROM business_date)::int AS "weekday", hour AS "hour", SUM(invoices) AS "invoices", SUM(total_paise) AS "salesPaise"
        FROM report_sales_hourly WHERE shop_id = ${shopId} AND business_date BETWEEN ${range.from} AND ${range.to} GROUP BY 1, 2 ORDER BY 1, 2`,
    ['weekday', 'hour', 'invoices', 'salesPaise'],
  );
}

export async function paymentsByMode(tx: ServerDb, shopId: string, range: ReportRange): Promise<PaymentsByMode[]> {
  return reportRows<PaymentsByMode>(
    tx,
    sql`SELECT mode, SUM(in_paise) AS "inPaise", SUM(out_paise) AS "outPaise", SUM(count) AS "count", SUM(in_paise) - SUM(out_paise) AS "netPaise"
        FROM report_payments_daily WHERE shop_id = ${shopId} AND business_date BETWEEN ${range.from} AND ${range.to} GROUP BY mode ORDER BY mode`,
    ['inPaise', 'outPaise', 'count', 'netPaise'],
  );
}

/**
 * The whole sales report in one pass over the summaries: GROUPING SETS gives the totals and every breakdown from a
 * single scan, which keeps a year's report fast however many invoices it covers.
 */
export async function salesReport(tx: ServerDb, shopId: string, range: ReportRange): Promise<SalesReport> {
  type Row = Figures & {
    gDate: number;
    gHour: number;
    gCounter: number;
    gStaff: number;
    gWeekday: number;
    date: string;
    hour: number;
    counterId: string;
    staffId: string;
    weekday: number;
  };
  const rows = await reportRows<Row>(
    tx,
    sql`SELECT GROUPING(s.business_date) AS "gDate", GROUPING(s.hour) AS "gHour", GROUPING(s.counter_id) AS "gCounter", GROUPING(s.staff_id) AS "gStaff",
          GROUPING(extract(isodow FROM s.business_date)) AS "gWeekday", to_char(s.business_date, 'YYYY-MM-DD') AS "date", s.hour AS "hour",
          s.counter_id AS "counterId", s.staff_id AS "staffId", extract(isodow FROM s.business_date)::int AS "weekday", ${sums}
        FROM report_sales_hourly s WHERE s.shop_id = ${shopId} AND s.business_date BETWEEN ${range.from} AND ${range.to}
        GROUP BY GROUPING SETS ((), (s.business_date), (s.hour), (s.counter_id), (s.staff_id), (extract(isodow FROM s.business_date), s.hour))`,
    [...FIGURES, 'gDate', 'gHour', 'gCounter', 'gStaff', 'gWeekday', 'hour', 'weekday'],
  );
  const figures = (row: Row): SalesFigures =>
    withDerived(Object.fromEntries(FIGURES.map((name) => [name, row[name]])) as Figures);
  const only = (grouped: 'gDate' | 'gHour' | 'gCounter' | 'gStaff' | 'gWeekday', alsoHour = false) =>
    rows.filter(
      (row) =>
        row[grouped] === 0 &&
        (['gDate', 'gHour', 'gCounter', 'gStaff', 'gWeekday'] as const).every(
          (other) => other === grouped || row[other] === 1 || (alsoHour && other === 'gHour' && row[other] === 0),
        ),
    );
  const total = rows.find((row) => row.gDate + row.gHour + row.gCounter + row.gStaff + row.gWeekday === 5);
  const names = await reportRows<{ id: string; name: string; counterCode: string }>(
    tx,
    sql`SELECT id, name, counter_code AS "counterCode" FROM counters WHERE shop_id = ${shopId}`,
    [],
  );
  const counterById = new Map(names.map((counter) => [counter.id, counter]));
  const staffById = await staffNames(tx, shopId);
  const byKey = <T>(list: T[], key: (item: T) => string | number) =>
    [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    range,
    totals: total ? figures(total) : withDerived(Object.fromEntries(FIGURES.map((name) => [name, 0])) as Figures),
    byDay: byKey(
      only('gDate').map((row) => ({ date: row.date, ...figures(row) })),
      (row) => row.date,
    ),
    byHour: byKey(
      only('gHour').map((row) => ({ hour: row.hour, ...figures(row) })),
      (row) => row.hour,
    ),
    byCounter: byKey(
      only('gCounter').map((row) => ({
        counterId: row.counterId,
        counterName: counterById.get(row.counterId)?.name ?? 'Removed counter',
        counterCode: counterById.get(row.counterId)?.counterCode ?? '',
        ...figures(row),
      })),
      (row) => row.counterCode,
    ),
    byStaff: byKey(
      only('gStaff').map((row) => ({
        staffId: row.staffId,
        staffName: staffById.get(row.staffId) ?? '',
        ...figures(row),
      })),
      (row) => row.staffName || row.staffId,
    ),
    byMode: await paymentsByMode(tx, shopId, range),
    heatmap: byKey(
      only('gWeekday', true).map((row) => ({
        weekday: row.weekday,
        hour: row.hour,
        invoices: row.invoices,
        salesPaise: row.salesPaise,
      })),
      (row) => row.weekday * 100 + row.hour,
    ),
  };
}
