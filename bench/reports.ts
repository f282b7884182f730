// Owner-report speed row: reports over a shop with 1,000,000 invoices, read from the summary tables that sync apply
// keeps. The summaries for two years of trade (3 counters, 4 staff, 14 open hours, 1,000 items sold a day) are
// written straight into a fresh database on the real PostgreSQL (DATABASE_URL) by bulk SQL; without it the row is skipped.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../server/db/connection';
import { inShop } from '../server/db/tenant';
import { gstSummary } from '../server/reports/gst';
import { itemSales } from '../server/reports/items';
import { salesReport } from '../server/reports/sales';
import { measureAsync, type BenchRow } from './stats';

const INVOICES = Number(process.env.GALLA_BENCH_REPORT_INVOICES ?? 1_000_000);
const DAYS = 730;
const COUNTERS = 3;
const STAFF = 4;
const HOURS = 14;
const ITEMS_PER_DAY = 1_000;
const TARGET_MS = 200;

const CELLS = DAYS * HOURS * COUNTERS * STAFF;
/** Invoices per (day, hour, counter, staff) cell: the first INVOICES % CELLS cells take one more, so they add up exactly. */
const perCell = Math.floor(INVOICES / CELLS);
const extraCells = INVOICES % CELLS;

async function seedSummaries(
  db: Awaited<ReturnType<typeof openPostgres>>['db'],
  shopId: string,
  counterIds: string[],
): Promise<number> {
  const counters = sql.raw(`ARRAY[${counterIds.map((id) => `'${id}'::uuid`).join(',')}]`);
  const start = sql.raw(`DATE '2025-01-01'`);
  await db.execute(sql`
    INSERT INTO report_sales_hourly (shop_id, business_date, hour, counter_id, staff_id, invoices, taxable_paise, tax_paise, total_paise, cost_paise, returns, return_taxable_paise, return_total_paise, return_cost_paise)
    SELECT ${shopId}::uuid, ${start} + d, 9 + h, (${counters})[c], 'staff-' || s, n, n * 42000, n * 5040, n * 47040, n * 36000, CASE WHEN (d + h) % 50 = 0 THEN 1 ELSE 0 END, 0, 0, 0
    FROM generate_series(0, ${DAYS - 1}) d, generate_series(0, ${HOURS - 1}) h, generate_series(1, ${COUNTERS}) c, generate_series(1, ${STAFF}) s,
      LATERAL (SELECT ${perCell} + CASE WHEN ((d * ${HOURS} + h) * ${COUNTERS} + c - 1) * ${STAFF} + s - 1 < ${extraCells} THEN 1 ELSE 0 END AS n) cell`);
  await db.execute(sql`
    INSERT INTO report_payments_daily (shop_id, business_date, counter_id, mode, in_paise, out_paise, count)
    SELECT ${shopId}::uuid, ${start} + d, (${counters})[c], m, 1000000, 0, 100
    FROM generate_series(0, ${DAYS - 1}) d, generate_series(1, ${COUNTERS}) c, unnest(ARRAY['cash','upi','card','khata']) m`);
  await db.execute(sql`
    INSERT INTO items (shop_id, id, sku, name, active, payload, change_seq)
    SELECT ${shopId}::uuid, md5('item' || i)::uuid, 'SKU' || i, 'Item ' || i, true, jsonb_build_object('reorderLevelMilli', 5000), i FROM generate_series(1, 5000) i`);
  await db.execute(sql`
    INSERT INTO report_items_daily (shop_id, business_date, item_id, qty_milli, taxable_paise, total_paise, cost_paise)
    SELECT ${shopId}::uuid, ${start} + d, md5('item' || ((d * 7 + i) % 5000 + 1))::uuid, 3000, 126000, 141120, 108000
    FROM generate_series(0, ${DAYS - 1}) d, generate_series(1, ${ITEMS_PER_DAY}) i`);
  await db.execute(sql`
    INSERT INTO report_gst_daily (shop_id, business_date, supply, place_of_supply, inter_state, hsn, unit, gst_rate_bp, qty_milli, value_paise, taxable_paise, igst_paise, cgst_paise, sgst_paise, cess_paise)
    SELECT ${shopId}::uuid, ${start} + d, 'b2c', '27', false, (1000 + r * 100)::text, 'pcs', (ARRAY[0, 500, 1200, 1800, 2800])[r + 1], 1000, 100000, 90000, 0, 5000, 5000, 0
    FROM generate_series(0, ${DAYS - 1}) d, generate_series(0, 4) r`);
  await db.execute(sql`ANALYZE`);
  const result = (await db.execute(
    sql`SELECT SUM(invoices) AS n FROM report_sales_hourly WHERE shop_id = ${shopId}`,
  )) as unknown as { rows: { n: string }[] };
  return Number(result.rows[0]!.n);
}

export async function reportsBench(log: (line: string) => void): Promise<BenchRow[]> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    log(
      'reports bench: skipped (set DATABASE_URL to a PostgreSQL server to measure owner reports over 1,000,000 invoices)',
    );
    return [];
  }
  const name = `galla_bench_reports_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 4);
  try {
    const inserted = (await database.db.execute(
      sql`INSERT INTO shops (name) VALUES ('Bench Kirana') RETURNING id`,
    )) as unknown as { rows: { id: string }[] };
    const shopId = inserted.rows[0]!.id;
    const counterIds = Array.from({ length: COUNTERS }, () => randomUUID());
    for (const [index, id] of counterIds.entries())
      await database.db.execute(
        sql`INSERT INTO counters (id, shop_id, name, counter_code, device_token_hash) VALUES (${id}, ${shopId}, ${`Counter ${index + 1}`}, ${`C${index + 1}`}, ${randomUUID()})`,
      );
    const started = Date.now();
    const invoices = await seedSummaries(database.db, shopId, counterIds);
    log(
      `reports bench: summaries for ${invoices.toLocaleString('en-IN')} invoices over ${DAYS} days written in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const month = { from: '2026-11-01', to: '2026-11-30' };
    const year = { from: '2025-12-01', to: '2026-11-30' };
    const options = { runs: 50, warmup: 5, target: TARGET_MS };
    return [
      await measureAsync(
        `owner sales report, 1 month (${invoices.toLocaleString('en-IN')} invoices in the shop)`,
        options,
        () => month,
        (range) => inShop(database.db, shopId, (tx) => salesReport(tx, shopId, range)),
      ),
      await measureAsync(
        'owner sales report, 12 months (all breakdowns)',
        options,
        () => year,
        (range) => inShop(database.db, shopId, (tx) => salesReport(tx, shopId, range)),
      ),
      await measureAsync(
        'owner item-wise profit, 1 month',
        options,
        () => month,
        (range) => inShop(database.db, shopId, (tx) => itemSales(tx, shopId, range)),
      ),
      await measureAsync(
        'owner GST summary, 12 months',
        options,
        () => year,
        (range) => inShop(database.db, shopId, (tx) => gstSummary(tx, shopId, range)),
      ),
    ];
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}
