// Owner reports: every figure equals the same sum worked out here, independently, from the raw synced invoices.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { reportShop, type ReportShop } from '../../support/report-shop';
import { asOwner } from '../../support/server';
import { itemInput } from '../../support/ledger';
import { shopDate } from '../../../src-shared/shop-time';
import { shopDayAgo } from '../../support/shop-days';

let shop: ReportShop | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
});

interface RawLine {
  itemId: string;
  qtyMilli: number;
  unitCostPaise: number;
  gstRateBp: number;
  hsn: string;
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
  totalPaise: number;
}
interface RawInvoice {
  id: string;
  counter_id: string;
  staff_id: string;
  business_date: string;
  total_paise: string;
  payload: { invoice: { createdAt: string; partyGstin: string | null; changePaise: number }; lines: RawLine[] };
}

async function raw<T>(shop: ReportShop, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await asOwner(shop.server.database, (db) => db.execute(query))) as unknown as { rows: T[] }).rows;
}

const sumBy = <T>(rows: T[], key: (row: T) => string, value: (row: T) => number) => {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return Object.fromEntries([...sums].sort(([a], [b]) => (a < b ? -1 : 1)));
};
/** The last month up to tomorrow: every seeded day, whatever the machine's time zone. */
const recent = () => ({
  from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
  to: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
});
const istHour = (iso: string) => new Date(Date.parse(iso) + 330 * 60_000).getUTCHours();
/** Cost of a line in paise, rounded half away from zero, worked out here on its own. */
const cost = (line: RawLine) =>
  Math.sign(line.qtyMilli * line.unitCostPaise) * Math.round(Math.abs(line.qtyMilli * line.unitCostPaise) / 1000);

describe('owner reports over all counters', () => {
  it('sales by day, hour, counter, staff and mode, item-wise gross profit and GST equal sums over the raw invoices', async () => {
    shop = await reportShop({ days: 5 });
    const range = recent();
    const report = await shop.owner.reports.sales(range);
    const shopId = (await shop.owner.accounts.me()).shopId;
    const invoices = await raw<RawInvoice>(
      shop,
      sql`SELECT id, counter_id, staff_id, to_char(business_date, 'YYYY-MM-DD') AS business_date, total_paise, payload FROM invoices WHERE shop_id = ${shopId}`,
    );
    const notes = await raw<{ business_date: string; total_paise: string; taxable_paise: string }>(
      shop,
      sql`SELECT to_char(business_date, 'YYYY-MM-DD') AS business_date, total_paise, taxable_paise FROM credit_notes WHERE shop_id = ${shopId}`,
    );
    expect(invoices).toHaveLength(5 * 4 + 3);
    expect(notes).toHaveLength(1);

    const total = (row: RawInvoice) => Number(row.total_paise);
    const returned = notes.reduce((sum, note) => sum + Number(note.total_paise), 0);
    expect(report.totals.invoices).toBe(invoices.length);
    expect(report.totals.salesPaise).toBe(invoices.reduce((sum, row) => sum + total(row), 0));
    expect(report.totals.returnsPaise).toBe(returned);
    expect(report.totals.netPaise).toBe(report.totals.salesPaise - returned);
    expect(Object.fromEntries(report.byDay.map((day) => [day.date, day.salesPaise]))).toEqual(
      sumBy(invoices, (row) => row.business_date, total),
    );
    expect(
      Object.fromEntries(
        report.byHour.filter((hour) => hour.invoices > 0).map((hour) => [String(hour.hour), hour.salesPaise]),
      ),
    ).toEqual(sumBy(invoices, (row) => String(istHour(row.payload.invoice.createdAt)), total));
    expect(Object.fromEntries(report.byCounter.map((row) => [row.counterId, row.salesPaise]))).toEqual(
      sumBy(invoices, (row) => row.counter_id, total),
    );
    expect(report.byCounter.map((row) => row.counterCode).sort()).toEqual(['C1', 'C2']);
    expect(Object.fromEntries(report.byStaff.map((row) => [row.staffId, row.invoices]))).toEqual(
      sumBy(
        invoices,
        (row) => row.staff_id,
        () => 1,
      ),
    );
    // Staff live on the counters; the owner sees them by the names their bills were signed with, not by ids.
    const counterStaff = new Map<string, string>();
    for (const counter of shop.counters)
      for (const member of await counter.owner.staff.list()) counterStaff.set(member.id, member.name);
    expect(report.byStaff.length).toBeGreaterThan(0);
    expect(report.byStaff.map((row) => row.staffName)).toEqual(
      report.byStaff.map((row) => counterStaff.get(row.staffId)),
    );
    expect(report.heatmap.reduce((sum, cell) => sum + cell.salesPaise, 0)).toBe(report.totals.salesPaise);

    const payments = await raw<{ mode: string; doc_type: string; amount_paise: string }>(
      shop,
      sql`SELECT mode, doc_type, amount_paise FROM payments WHERE shop_id = ${shopId}`,
    );
    const received = sumBy(
      payments.filter((row) => row.doc_type !== 'credit_note'),
      (row) => row.mode,
      (row) => Number(row.amount_paise),
    );
    // Cash taken is what stayed in the drawer: the change handed back on each bill comes out of it.
    const changeGiven = invoices.reduce((sum, row) => sum + row.payload.invoice.changePaise, 0);
    expect(changeGiven).toBeGreaterThan(0);
    received.cash! -= changeGiven;
    expect(
      Object.fromEntries(report.byMode.filter((row) => row.inPaise > 0).map((row) => [row.mode, row.inPaise])),
    ).toEqual(received);
    expect(report.byMode.find((row) => row.mode === 'upi')!.outPaise).toBe(returned);
    expect(Object.keys(received).sort()).toEqual(['card', 'cash', 'khata', 'upi']);

    const lines = invoices.flatMap((row) => row.payload.lines);
    const items = (await shop.owner.reports.items(range)).rows;
    expect(Object.fromEntries(items.map((row) => [row.itemId, row.qtyMilli]))).toEqual(
      sumBy(
        lines,
        (line) => line.itemId,
        (line) => line.qtyMilli,
      ),
    );
    expect(Object.fromEntries(items.map((row) => [row.itemId, row.costPaise]))).toEqual(
      sumBy(lines, (line) => line.itemId, cost),
    );
    const soap = items.find((row) => row.itemId === shop!.itemIds.soap)!;
    expect(soap.returnQtyMilli).toBe(2000);
    const soapLines = lines.filter((line) => line.itemId === shop!.itemIds.soap);
    const soapUnitCost = soapLines[0]!.unitCostPaise;
    const soapReturnTaxable = Number(notes[0]!.taxable_paise);
    expect(soap.grossProfitPaise).toBe(
      soapLines.reduce((sum, line) => sum + line.taxablePaise - cost(line), 0) - soapReturnTaxable + 2 * soapUnitCost,
    );
    // The page shows cost and profit on the same footing: net of the two returned soaps, before GST.
    expect(soap.netCostPaise).toBe(soapLines.reduce((sum, line) => sum + cost(line), 0) - 2 * soapUnitCost);
    expect(soap.netTaxablePaise).toBe(soapLines.reduce((sum, line) => sum + line.taxablePaise, 0) - soapReturnTaxable);
    expect(soap.grossProfitPaise).toBe(soap.netTaxablePaise - soap.netCostPaise);
    expect(report.totals.grossProfitPaise).toBe(items.reduce((sum, row) => sum + row.grossProfitPaise, 0));

    const gst = await shop.owner.reports.gst(range);
    const soldTaxable = sumBy(
      lines,
      (line) => String(line.gstRateBp),
      (line) => line.taxablePaise,
    );
    soldTaxable['1800'] = (soldTaxable['1800'] ?? 0) - soapReturnTaxable;
    expect(Object.fromEntries(gst.byRate.map((row) => [String(row.gstRateBp), row.taxablePaise]))).toEqual(soldTaxable);
    expect(gst.byHsn.map((row) => row.hsn).sort()).toEqual(['1006', '1508', '3401']);
    expect(gst.byHsn.reduce((sum, row) => sum + row.igstPaise, 0)).toBeGreaterThan(0);
  });

  it('knows low stock, khata ageing, returns and each shift’s expected against counted cash', async () => {
    shop = await reportShop({ days: 3 });
    const today = shopDayAgo(new Date(), 0);
    // An item with no reorder level is never low, even with nothing on the shelf.
    const [c1] = shop.counters;
    await c1!.manager.catalogue.create(itemInput({ name: 'Gift Wrap', reorderLevelMilli: 0, openingStockMilli: 0 }));
    await c1!.engine().syncNow();
    expect((await shop.owner.reports.lowStock()).map((item) => item.name)).toEqual(['Groundnut Oil 1l']);
    const khata = await shop.owner.reports.khata({ asOf: today });
    const ramesh = khata.find((row) => row.partyId === shop!.partyIds.ramesh)!;
    expect(ramesh.totalPaise).toBe(3 * 5_900 - 5_000);
    expect(ramesh.d0to30Paise).toBe(ramesh.totalPaise);
    expect(ramesh.overdue).toBe(false);
    const later = await shop.owner.reports.khata({
      asOf: new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(later.find((row) => row.partyId === shop!.partyIds.ramesh)).toMatchObject({
      overdue: true,
      d31to60Paise: ramesh.totalPaise,
    });

    const range = recent();
    const returns = await shop.owner.reports.returns(range);
    expect(returns).toHaveLength(1);
    expect(returns[0]).toMatchObject({ refundMode: 'upi', reason: 'Damaged', totalPaise: 2 * 5_900 });
    const sessions = await shop.owner.reports.cashSessions(range);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.differencePaise).toBe(-5_000);
    expect(sessions[0]!.countedPaise! - sessions[0]!.expectedCashPaise!).toBe(-5_000);
    expect(sessions[0]!.counterCode).toBe('C1');
  });

  it('drills down from a day to its invoices and to one invoice, and exports any table as CSV or XLSX', async () => {
    shop = await reportShop({ days: 2 });
    const range = recent();
    const [day] = (await shop.owner.reports.sales(range)).byDay;
    const list = await shop.owner.reports.invoices({ from: day!.date, to: day!.date });
    expect(list.total).toBe(day!.invoices);
    expect(list.rows.reduce((sum, row) => sum + row.totalPaise, 0)).toBe(day!.salesPaise);
    const detail = await shop.owner.reports.invoice({ id: list.rows[0]!.id });
    expect(detail.number).toBe(list.rows[0]!.number);
    expect(detail.lines.length).toBeGreaterThan(0);
    expect(detail.payments.reduce((sum, payment) => sum + payment.amountPaise, 0)).toBeGreaterThanOrEqual(
      detail.totalPaise,
    );

    const csv = await shop.owner.reports.export({ ...range, table: 'sales-by-day', format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csv.filename).toBe(`galla-sales-by-day-${shopDate(range.from)}-to-${shopDate(range.to)}.csv`);
    expect(csv.filename).toMatch(/^galla-sales-by-day-\d\d-\d\d-\d{4}-to-\d\d-\d\d-\d{4}\.csv$/);
    const [header, ...rows] = text.trim().split(/\r?\n/);
    expect(header).toBe('Date,Invoices,Sales,Tax,Returns,Returned,Net sales,Gross profit');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.split(',')[2]).toBe(
      `${Math.floor(day!.salesPaise / 100)}.${String(day!.salesPaise % 100).padStart(2, '0')}`,
    );
    const xlsx = await shop.owner.reports.export({ ...range, table: 'items', format: 'xlsx' });
    expect(xlsx.filename).toMatch(/\.xlsx$/);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    await expect(
      shop.owner.reports.export({ from: '2026-02-01', to: '2026-01-01', table: 'items', format: 'csv' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
