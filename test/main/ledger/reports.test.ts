// The counter's own reports agree with the bills and returns they were made from, to the paisa: each expected figure
// is summed here from the documents the test made, not read back through the report's own code.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { RANGE, reportDays, type ReportDays } from '../../support/counter-report-days';
import { allocateProportionally } from '../../../src-shared/money';

let shop: Shop;

describe('counter sales report', () => {
  afterEach(() => shop?.t.cleanup());

  it('sums bills by day and payment mode, nets returns, and leaves out days outside the range', async () => {
    let now = new Date('2026-08-01T10:00:00');
    shop = await shopWithStaff({ clock: () => now });
    const item = await shop.manager.catalogue.create(
      // Sold by weight: a bill of 2.5 is a real quantity of a loose item (a piece is sold whole).
      itemInput({ unit: 'kg', pricePaise: 10_000, priceIncludesTax: false, gstRateBp: 500 }),
    );
    const bills: { day: string; qty: number; mode: 'cash' | 'upi' }[] = [
      { day: '2026-08-01', qty: 1000, mode: 'cash' },
      { day: '2026-08-01', qty: 2500, mode: 'upi' },
      { day: '2026-08-02', qty: 3000, mode: 'cash' },
      { day: '2026-08-05', qty: 1000, mode: 'upi' },
    ];
    const totals = [];
    for (const bill of bills) {
      now = new Date(`${bill.day}T12:00:00`);
      const total = Math.round(((bill.qty / 1000) * 10_500) / 100) * 100;
      const sale = await shop.cashier.sales.finalize({
        id: randomUUID(),
        lines: [{ itemId: item.id, qtyMilli: bill.qty }],
        payments: [{ mode: bill.mode, amountPaise: bill.mode === 'cash' ? total + 1_000 : total }],
      });
      totals.push(sale.invoice.totalPaise);
      if (bill.day === '2026-08-02')
        await shop.manager.returns.create({
          id: randomUUID(),
          invoiceId: sale.invoice.id,
          lines: [{ invoiceLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
          refundMode: 'cash',
          reason: 'x',
        });
    }
    expect(totals).toEqual([10_500, 26_300, 31_500, 10_500]);

    const report = await shop.manager.reports.sales({ from: '2026-08-01', to: '2026-08-02' });
    expect(report).toMatchObject({
      invoiceCount: 3,
      salesPaise: 10_500 + 26_300 + 31_500,
      taxablePaise: 65_000,
      taxPaise: 3_250,
      returnCount: 1,
      returnsPaise: 10_500,
      netPaise: 68_300 - 10_500,
    });
    expect(report.byMode).toEqual([
      { mode: 'cash', paise: 10_500 + 31_500 },
      { mode: 'upi', paise: 26_300 },
    ]);
    expect(report.byDay).toEqual([
      { date: '2026-08-01', invoiceCount: 2, salesPaise: 36_800, returnsPaise: 0 },
      { date: '2026-08-02', invoiceCount: 1, salesPaise: 31_500, returnsPaise: 10_500 },
    ]);
    await expect(shop.cashier.reports.sales({ from: '2026-08-01', to: '2026-08-02' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe("the counter's own reports over a range", () => {
  let days: ReportDays;
  beforeAll(async () => {
    days = await reportDays();
  });
  afterAll(() => days?.shop.t.cleanup());

  const soldLines = () => days.inRange.flatMap(({ sale }) => sale.lines);
  const returnedLines = () => days.returnsInRange.flatMap(({ note }) => note.lines);
  const soldLine = (id: string) => days.inRange.flatMap(({ sale }) => sale.lines).find((line) => line.id === id)!;
  const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const cost = (qtyMilli: number, unitCostPaise: number) => Math.round((qtyMilli * unitCostPaise) / 1000);
  /** A line's part of its document's round-off: proportional to the line totals, largest remainder, lines in bill order. */
  const roundOffShare = (lineId: string): number => {
    const documents = [
      ...days.inRange.map(({ sale }) => ({ roundOff: sale.invoice.roundOffPaise, lines: sale.lines })),
      ...days.returnsInRange.map(({ note }) => ({
        roundOff: note.creditNote.roundOffPaise,
        lines: [...note.lines].sort((a, b) => soldLine(a.invoiceLineId).lineNo - soldLine(b.invoiceLineId).lineNo),
      })),
    ];
    const document = documents.find(({ lines }) => lines.some((line) => line.id === lineId))!;
    const shares = allocateProportionally(
      document.roundOff,
      document.lines.map((line) => line.totalPaise),
    );
    return shares[document.lines.findIndex((line) => line.id === lineId)]!;
  };

  it('sales by hour put each bill and return at the local hour it was made, and leave out other days', async () => {
    const byHour = await days.shop.manager.reports.byHour(RANGE);
    const expected = new Map<
      number,
      { invoiceCount: number; salesPaise: number; returnCount: number; returnsPaise: number }
    >();
    const slot = (hour: number) =>
      expected.get(hour) ??
      expected.set(hour, { invoiceCount: 0, salesPaise: 0, returnCount: 0, returnsPaise: 0 }).get(hour)!;
    for (const { sale, hour } of days.inRange)
      Object.assign(slot(hour), {
        invoiceCount: slot(hour).invoiceCount + 1,
        salesPaise: slot(hour).salesPaise + sale.invoice.totalPaise,
      });
    for (const { note, hour } of days.returnsInRange)
      Object.assign(slot(hour), {
        returnCount: slot(hour).returnCount + 1,
        returnsPaise: slot(hour).returnsPaise + note.creditNote.totalPaise,
      });
    expect(byHour.map((row) => row.hour)).toEqual([9, 14, 18, 19]);
    for (const row of byHour)
      expect(row).toEqual({
        hour: row.hour,
        ...expected.get(row.hour),
        netPaise: expected.get(row.hour)!.salesPaise - expected.get(row.hour)!.returnsPaise,
      });
    expect(sum(byHour, (row) => row.netPaise)).toBe((await days.shop.manager.reports.sales(RANGE)).netPaise);
  });

  it('item-wise quantity, sales and gross profit are net of returns, at the cost recorded on each bill', async () => {
    const report = await days.shop.manager.reports.items(RANGE);
    for (const [name, item] of Object.entries(days.items)) {
      const sold = soldLines().filter((line) => line.itemId === item.id);
      const returned = returnedLines().filter((line) => line.itemId === item.id);
      const row = report.rows.find((candidate) => candidate.itemId === item.id);
      if (sold.length === 0 && returned.length === 0) {
        expect(row, name).toBeUndefined();
        continue;
      }
      const netTaxable = sum(sold, (line) => line.taxablePaise) - sum(returned, (line) => line.taxablePaise);
      const netCost =
        sum(sold, (line) => cost(line.qtyMilli, line.unitCostPaise)) -
        sum(returned, (line) => cost(line.qtyMilli, soldLine(line.invoiceLineId).unitCostPaise));
      expect(row, name).toMatchObject({
        qtyMilli: sum(sold, (line) => line.qtyMilli),
        returnQtyMilli: sum(returned, (line) => line.qtyMilli),
        netQtyMilli: sum(sold, (line) => line.qtyMilli) - sum(returned, (line) => line.qtyMilli),
        netSalesPaise:
          sum(sold, (line) => line.totalPaise + roundOffShare(line.id)) -
          sum(returned, (line) => line.totalPaise + roundOffShare(line.id)),
        netTaxablePaise: netTaxable,
        netCostPaise: netCost,
        grossProfitPaise: netTaxable - netCost,
      });
    }
    // By hand: 6 bags of rice sold, 1 back: 5 × (₹100 − ₹70) = ₹150 profit; 1.333 kg sugar costs ₹51.99 (rounded once, per line).
    expect(report.rows.find((row) => row.itemId === days.items.rice.id)).toMatchObject({
      netQtyMilli: 5000,
      grossProfitPaise: 15_000,
    });
    expect(report.rows.find((row) => row.itemId === days.items.sugar.id)).toMatchObject({ costPaise: 5_199 });
    expect(report.totals.grossProfitPaise).toBe(sum(report.rows, (row) => row.grossProfitPaise));
    // Each document's round-off is spread over its lines, so the item table adds up to net sales to the paisa.
    expect(days.inRange.some(({ sale }) => sale.invoice.roundOffPaise !== 0)).toBe(true);
    expect(report.totals.netSalesPaise).toBe((await days.shop.manager.reports.sales(RANGE)).netPaise);
  });

  it('GST by rate and by HSN: taxable, CGST, SGST, IGST and cess of the bills, less the credit notes', async () => {
    const gst = await days.shop.manager.reports.gst(RANGE);
    const figures = ['taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const;
    const expectedFor = (match: (line: ReturnType<typeof soldLine>) => boolean) =>
      Object.fromEntries(
        figures.map((key) => [
          key,
          sum(soldLines().filter(match), (line) => line[key]) -
            sum(
              returnedLines().filter((line) => match(soldLine(line.invoiceLineId))),
              (line) => line[key],
            ),
        ]),
      );
    const rates = [...new Set(soldLines().map((line) => line.gstRateBp))].sort((a, b) => a - b);
    expect(gst.byRate.map((row) => row.gstRateBp)).toEqual(rates);
    for (const row of gst.byRate)
      expect(row, `rate ${row.gstRateBp}`).toMatchObject(expectedFor((line) => line.gstRateBp === row.gstRateBp));
    expect(gst.byHsn.map((row) => row.hsn)).toEqual(['1006', '1701', '2202', '3401']);
    for (const row of gst.byHsn)
      expect(row, `HSN ${row.hsn}`).toMatchObject(expectedFor((line) => line.hsn === row.hsn));
    // By hand: only the Karnataka bill is inter-state: IGST 5% of ₹100 + 28% of ₹200 = ₹61; cess 12% on three colas = ₹36.
    expect(gst.totals).toMatchObject({ igstPaise: 6_100, cessPaise: 3_600 });
    const sales = await days.shop.manager.reports.sales(RANGE);
    const returnedTax = sum(
      days.returnsInRange,
      ({ note }) =>
        note.creditNote.cgstPaise + note.creditNote.sgstPaise + note.creditNote.igstPaise + note.creditNote.cessPaise,
    );
    expect(gst.totals.taxPaise).toBe(sales.taxPaise - returnedTax);
  });

  it('lists the returns of the range with their bill, reason and refund mode', async () => {
    const returns = await days.shop.manager.reports.returns(RANGE);
    expect(returns.map((row) => row.number)).toEqual(
      days.returnsInRange.map(({ note }) => note.creditNote.number).reverse(),
    );
    const [first] = days.returnsInRange;
    expect(returns.at(-1)).toMatchObject({
      invoiceNumber: days.inRange[0]!.sale.invoice.number,
      reason: 'torn bag',
      refundMode: 'cash',
      totalPaise: first!.note.creditNote.totalPaise,
      staffName: 'Manoj (manager)',
    });
    expect(await days.shop.manager.reports.returns({ from: '2026-08-03', to: '2026-08-03' })).toMatchObject([
      { number: days.outside.note.creditNote.number },
    ]);
  });

  it('low stock lists active items at or below their reorder level, the furthest below first', async () => {
    const low = await days.shop.manager.reports.lowStock();
    // Ghee: none of 5 wanted. Soap: 21 − 2 sold + 1 back = 20, exactly its reorder level. Tea has 50 of 5; rice has no level.
    expect(low.map((row) => [row.name, row.stockMilli, row.reorderLevelMilli])).toEqual([
      ['Ghee', 0, 5_000],
      ['Soap', 20_000, 20_000],
    ]);
  });

  it("khata ageing is the khata screen's own, as of the date asked", async () => {
    const report = await days.shop.manager.reports.khata({ asOf: '2026-08-02' });
    expect(report).toEqual(await days.shop.manager.khata.ageing({ asOf: '2026-08-02' }));
    expect(report.totals).toMatchObject({ totalPaise: 10_000, d0to30Paise: 10_000 });
  });

  it('cash-session reconciliation shows each shift of the range with expected, counted and the difference', async () => {
    const [shift, ...others] = await days.shop.manager.reports.cashSessions(RANGE);
    expect(others).toEqual([]);
    const payments = days.inRange.flatMap(({ sale }) => sale.payments);
    const cashTaken =
      sum(
        payments.filter((payment) => payment.mode === 'cash'),
        (payment) => payment.amountPaise,
      ) - sum(days.inRange, ({ sale }) => sale.invoice.changePaise);
    const cashRefunds = sum(
      days.returnsInRange.filter(({ note }) => note.creditNote.refundMode === 'cash'),
      ({ note }) => note.creditNote.totalPaise,
    );
    const expected = 100_000 + cashTaken - cashRefunds + days.firstShift.cashInPaise;
    expect(shift).toMatchObject({
      id: days.firstShift.id,
      openingFloatPaise: 100_000,
      invoiceCount: 4,
      returnCount: 2,
      expectedCashPaise: expected,
      countedPaise: expected - 300,
      differencePaise: -300,
      openedByName: 'Chetan (cashier)',
    });
    expect(shift!.salesByMode.upi).toBe(
      sum(
        payments.filter((payment) => payment.mode === 'upi'),
        (payment) => payment.amountPaise,
      ),
    );
    const [openShift] = await days.shop.manager.reports.cashSessions({ from: '2026-08-03', to: '2026-08-03' });
    expect(openShift).toMatchObject({
      openingFloatPaise: 50_000,
      invoiceCount: 1,
      closedAt: null,
      countedPaise: null,
      differencePaise: null,
    });
  });

  it('is for managers and owners only, and refuses a range that runs backwards', async () => {
    for (const name of ['byHour', 'items', 'gst', 'returns', 'cashSessions'] as const) {
      await expect(days.shop.cashier.reports[name](RANGE), name).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(days.shop.owner.reports[name]({ from: '2026-08-02', to: '2026-08-01' }), name).rejects.toMatchObject(
        { code: 'BAD_REQUEST', message: expect.stringContaining('"from" must not be after "to"') },
      );
    }
    await expect(days.shop.cashier.reports.lowStock()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(days.shop.cashier.reports.khata({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(days.shop.owner.reports.items({ from: '2020-01-01', to: '2026-08-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
