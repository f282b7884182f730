// The dashboard's dates: the range typed as dd-mm-yyyy, the quick ranges, and the GSTR-1 period (last month by default).
import { describe, expect, it } from 'vitest';
import { filingMonths, lastMonth, quickRanges, readRange } from '../../dashboard/src/range';

describe('the default GSTR-1 period', () => {
  it('is the month before the current one', () => {
    expect(lastMonth('2026-07-01')).toBe('2026-06');
    expect(lastMonth('2026-07-31')).toBe('2026-06');
    expect(lastMonth('2026-11-15')).toBe('2026-10');
  });

  it('in January is December of the year before', () => {
    expect(lastMonth('2027-01-10')).toBe('2026-12');
  });
});

describe('the GSTR-1 periods offered', () => {
  it('are this month and the ones before it, named in words whatever the browser', () => {
    const months = filingMonths('2027-01-15', 3);
    expect(months).toEqual([
      { month: '2027-01', label: 'January 2027' },
      { month: '2026-12', label: 'December 2026' },
      { month: '2026-11', label: 'November 2026' },
    ]);
  });

  it('hold the default period', () => {
    expect(filingMonths('2026-07-31').map((period) => period.month)).toContain(lastMonth('2026-07-31'));
  });
});

describe('a range typed as dd-mm-yyyy', () => {
  it('is kept as ISO dates', () => {
    expect(readRange({ from: '01-11-2026', to: '02-12-2026' })).toEqual({
      range: { from: '2026-11-01', to: '2026-12-02' },
    });
    expect(readRange({ from: '02122026', to: '02-12-2026' })).toEqual({
      range: { from: '2026-12-02', to: '2026-12-02' },
    });
  });

  it('with From after To is refused beside To', () => {
    expect(readRange({ from: '03-12-2026', to: '02-12-2026' })).toEqual({
      problems: { to: 'To is before From: pick the same day or a later one' },
    });
  });

  it('across a year is compared by the calendar, not by the digits typed', () => {
    expect(readRange({ from: '31-12-2026', to: '01-01-2027' })).toEqual({
      range: { from: '2026-12-31', to: '2027-01-01' },
    });
  });

  it('with a day the calendar lacks is refused beside that box', () => {
    expect(readRange({ from: '29-02-2027', to: '31-04-2027' })).toEqual({
      problems: { from: 'There is no such day in the calendar', to: 'There is no such day in the calendar' },
    });
  });

  it('in another format is refused with an example of the right one', () => {
    expect(readRange({ from: '2026-12-01', to: '02-12-2026' })).toEqual({
      problems: { from: 'Type the date as dd-mm-yyyy, like 05-12-2026' },
    });
  });
});

describe('the quick ranges', () => {
  const byLabel = (today: string) => Object.fromEntries(quickRanges(today).map((quick) => [quick.label, quick.range]));

  it('count back from the shop’s today', () => {
    expect(byLabel('2026-12-02')).toEqual({
      Today: { from: '2026-12-02', to: '2026-12-02' },
      Yesterday: { from: '2026-12-01', to: '2026-12-01' },
      'Last 7 days': { from: '2026-11-26', to: '2026-12-02' },
      'This month': { from: '2026-12-01', to: '2026-12-02' },
      'Last month': { from: '2026-11-01', to: '2026-11-30' },
    });
  });

  it('cross into the year before in early January, and know February’s length', () => {
    expect(byLabel('2027-01-01')).toMatchObject({
      Yesterday: { from: '2026-12-31', to: '2026-12-31' },
      'Last 7 days': { from: '2026-12-26', to: '2027-01-01' },
      'Last month': { from: '2026-12-01', to: '2026-12-31' },
    });
    expect(byLabel('2028-03-10')['Last month']).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(byLabel('2027-03-10')['Last month']).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});
