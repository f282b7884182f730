// One report row on both sides: what two counters report of their own trade adds up, field for field, to what the
// owner's server reports of the whole shop, because both routers give the rows declared in src-shared/contracts.
import { afterEach, describe, expect, it } from 'vitest';
import { reportShop, type ReportShop } from '../../support/report-shop';

let shop: ReportShop | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
});

/** Every seeded day, whatever the machine's time zone. */
const recent = () => ({
  from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
  to: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
});

type Row = Record<string, unknown>;

/**
 * Rows of both counters merged on their identifying fields: other numbers add, other text is taken from the first row;
 * a text field the counters disagree on is named in `disagreements`.
 */
function summed<T extends object>(rows: T[], identity: (keyof T & string)[], disagreements: string[]) {
  const merged: Record<string, Row> = {};
  for (const row of rows as Row[]) {
    const id = identity.map((field) => String(row[field])).join('|');
    const into = merged[id];
    if (!into) {
      merged[id] = { ...row };
      continue;
    }
    for (const [field, value] of Object.entries(row)) {
      if (typeof value === 'number' && !identity.includes(field as keyof T & string))
        into[field] = (into[field] as number) + value;
      else if (into[field] !== value) disagreements.push(`${id}.${field}`);
    }
  }
  return merged;
}

const byKey = <T extends object>(rows: T[], identity: (keyof T & string)[]) =>
  Object.fromEntries(rows.map((row) => [identity.map((field) => String((row as Row)[field])).join('|'), row]));

describe('a report row reads the same on a counter and on the owner’s server', () => {
  it('GST by rate, by HSN and in total: the server’s rows are the two counters’ rows added up', async () => {
    shop = await reportShop({ days: 3 });
    const range = recent();
    const onCounters = await Promise.all(shop.counters.map((counter) => counter.manager.reports.gst(range)));
    const onServer = await shop.owner.reports.gst(range);
    const disagreements: string[] = [];
    const byRate = summed(
      onCounters.flatMap((report) => report.byRate),
      ['gstRateBp'],
      disagreements,
    );
    const byHsn = summed(
      onCounters.flatMap((report) => report.byHsn),
      ['hsn', 'unit', 'gstRateBp'],
      disagreements,
    );
    const totals = summed(
      onCounters.map((report) => report.totals),
      [],
      disagreements,
    );

    expect(disagreements).toEqual([]);
    expect(onServer.byRate.length).toBeGreaterThan(1);
    expect(byKey(onServer.byRate, ['gstRateBp'])).toEqual(byRate);
    expect(byKey(onServer.byHsn, ['hsn', 'unit', 'gstRateBp'])).toEqual(byHsn);
    expect({ '': onServer.totals }).toEqual(totals);
  });

  it('item-wise sales and gross profit: the same fields, and the server’s figures are the counters’ added up', async () => {
    shop = await reportShop({ days: 3 });
    const range = recent();
    const onCounters = await Promise.all(shop.counters.map((counter) => counter.manager.reports.items(range)));
    const onServer = await shop.owner.reports.items(range);

    const { rice, soap, oil } = shop.itemIds;
    expect(Object.fromEntries(onServer.rows.map((row) => [row.itemId, row.unit]))).toEqual({
      [rice]: 'pcs',
      [soap]: 'pcs',
      [oil]: 'l',
    });
    const disagreements: string[] = [];
    const rows = summed(
      onCounters.flatMap((report) => report.rows),
      ['itemId'],
      disagreements,
    );
    const totals = summed(
      onCounters.map((report) => report.totals),
      [],
      disagreements,
    );
    expect(disagreements).toEqual([]);
    expect(byKey(onServer.rows, ['itemId'])).toEqual(rows);
    expect({ '': onServer.totals }).toEqual(totals);
  });

  it('low stock and returns: the counter that knows the whole shop lists the same rows as the server', async () => {
    shop = await reportShop({ days: 3 });
    const range = recent();
    const c1 = shop.counters[0]!;

    const lowOnServer = await shop.owner.reports.lowStock();
    expect(lowOnServer.map((row) => row.name)).toEqual(['Groundnut Oil 1l']);
    expect(lowOnServer).toEqual(await c1.manager.reports.lowStock());

    const returnsOnServer = await shop.owner.reports.returns(range);
    const returnsOnCounter = await c1.manager.reports.returns(range);
    expect(returnsOnServer).toHaveLength(1);
    expect(returnsOnServer[0]).toMatchObject({
      reason: 'Damaged',
      partyName: 'Mehta Traders',
      staffName: expect.stringMatching(/\S/),
    });
    // The counter also names who approved the return; everything the server knows of it, it knows the same.
    const { approvedByName, ...asOnServer } = returnsOnCounter[0]!;
    expect(approvedByName).not.toBe('');
    expect(asOnServer).toEqual(returnsOnServer[0]);
  });
});
