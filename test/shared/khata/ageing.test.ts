import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../../../src-shared/errors';
import { ageBalance, ageingTotals } from '../../../src-shared/khata/ageing';
import type { KhataMovement } from '../../../src-shared/khata/ageing';

const AS_OF = new Date(2026, 5, 30, 18, 0, 0);

/** A movement `daysAgo` calendar days before AS_OF, at 11:00 local time. */
function movement(daysAgo: number, amountPaise: number): KhataMovement {
  const at = new Date(2026, 5, 30 - daysAgo, 11, 0, 0);
  return { at: at.toISOString(), amountPaise };
}

describe('ageBalance', () => {
  it('puts each unpaid sale in the bucket of its age in days', () => {
    const ageing = ageBalance(
      [
        movement(0, 100),
        movement(30, 200),
        movement(31, 300),
        movement(60, 400),
        movement(61, 500),
        movement(90, 600),
        movement(91, 700),
      ],
      AS_OF,
    );
    expect(ageing).toEqual({
      d0to30Paise: 300,
      d31to60Paise: 700,
      d61to90Paise: 1100,
      d90plusPaise: 700,
      totalPaise: 2800,
      oldestUnpaidAt: movement(91, 700).at,
    });
  });

  it('lets a payment settle the oldest sales first, even when it came later', () => {
    const ageing = ageBalance([movement(10, 5000), movement(100, 3000), movement(45, 2000), movement(5, -4000)], AS_OF);
    // The 3000 (100 days) is cleared and 1000 of the 2000 (45 days) too.
    expect(ageing).toMatchObject({
      d0to30Paise: 5000,
      d31to60Paise: 1000,
      d61to90Paise: 0,
      d90plusPaise: 0,
      totalPaise: 6000,
    });
    expect(ageing.oldestUnpaidAt).toBe(movement(45, 2000).at);
  });

  it('applies an advance to sales made after it', () => {
    const ageing = ageBalance([movement(80, -1000), movement(70, 1500), movement(20, 700)], AS_OF);
    expect(ageing).toMatchObject({
      d61to90Paise: 500,
      d0to30Paise: 700,
      totalPaise: 1200,
      oldestUnpaidAt: movement(70, 1500).at,
    });
  });

  it('shows an advance only in the total, with empty buckets', () => {
    const ageing = ageBalance([movement(40, 1000), movement(3, -2500)], AS_OF);
    expect(ageing).toEqual({
      d0to30Paise: 0,
      d31to60Paise: 0,
      d61to90Paise: 0,
      d90plusPaise: 0,
      totalPaise: -1500,
      oldestUnpaidAt: null,
    });
  });

  it('is all zeros for a settled or empty khata', () => {
    const empty = {
      d0to30Paise: 0,
      d31to60Paise: 0,
      d61to90Paise: 0,
      d90plusPaise: 0,
      totalPaise: 0,
      oldestUnpaidAt: null,
    };
    expect(ageBalance([], AS_OF)).toEqual(empty);
    expect(ageBalance([movement(50, 1000), movement(10, -1000)], AS_OF)).toEqual(empty);
  });

  it('counts calendar days in India, so a sale late last night is one day old this morning', () => {
    const lateNight = { at: '2026-06-29T23:59:00+05:30', amountPaise: 100 };
    const thirtyOneDaysBack = { at: '2026-05-30T23:59:00+05:30', amountPaise: 100 };
    const ageing = ageBalance([lateNight, thirtyOneDaysBack], new Date('2026-06-30T00:01:00+05:30'));
    expect(ageing).toMatchObject({ d0to30Paise: 100, d31to60Paise: 100 });
  });

  it('ages by India’s days whatever the time zone of the process (the server runs in UTC)', () => {
    // 00:30 in India on 01-10 is still 30-09 in UTC; as of the end of 31-10 in India it is 30 days old, not 31.
    const justAfterMidnight = [{ at: '2026-10-01T00:30:00+05:30', amountPaise: 100 }];
    const endOf31October = new Date('2026-10-31T23:59:59.999+05:30');
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Asia/Kolkata', 'America/New_York', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(ageBalance(justAfterMidnight, endOf31October), tz).toMatchObject({ d0to30Paise: 100, d31to60Paise: 0 });
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('settles equal timestamps in the order given', () => {
    const at = movement(40, 0).at;
    const ageing = ageBalance([{ at, amountPaise: 300 }, { at, amountPaise: 200 }, movement(1, -300)], AS_OF);
    expect(ageing).toMatchObject({ d31to60Paise: 200, totalPaise: 200 });
  });

  it('rejects a timestamp that is not ISO and an amount that is not whole paise', () => {
    expect(() => ageBalance([{ at: 'yesterday', amountPaise: 100 }], AS_OF)).toThrow(Invalid);
    expect(() => ageBalance([movement(1, 10.5)], AS_OF)).toThrow(Invalid);
    // The message names the movement by its place in the list, counting from 1 as a person reads it.
    expect(() => ageBalance([movement(2, 100), { at: 'yesterday', amountPaise: 100 }], AS_OF)).toThrow(
      new Invalid('Khata movement 2: "yesterday" is not an ISO timestamp'),
    );
    expect(() => ageBalance([movement(2, 100), movement(1, 10.5)], AS_OF)).toThrow(
      new Invalid('Khata movement 2: amount must be whole paise, got 10.5'),
    );
  });

  it('buckets add up to what is owed, and the total is the running balance', () => {
    const movements = fc.array(
      fc
        .record({
          daysAgo: fc.integer({ min: 0, max: 400 }),
          amountPaise: fc.integer({ min: -1_000_000, max: 1_000_000 }),
        })
        .map(({ daysAgo, amountPaise }) => movement(daysAgo, amountPaise)),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(movements, (list) => {
        const ageing = ageBalance(list, AS_OF);
        const balance = list.reduce((sum, m) => sum + m.amountPaise, 0);
        const buckets = [ageing.d0to30Paise, ageing.d31to60Paise, ageing.d61to90Paise, ageing.d90plusPaise];
        expect(ageing.totalPaise).toBe(balance);
        expect(buckets.reduce((a, b) => a + b, 0)).toBe(Math.max(0, balance));
        for (const bucket of buckets) expect(bucket).toBeGreaterThanOrEqual(0);
        expect(ageing.oldestUnpaidAt === null).toBe(balance <= 0);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to age against a date that is not a date', () => {
    expect(() => ageBalance([movement(1, 100)], new Date(Number.NaN))).toThrow(
      new Invalid('The ageing date is not a valid date'),
    );
  });
});

describe('ageingTotals', () => {
  it("adds every bucket and the total across the report's parties, each column on its own", () => {
    const rows = [
      { d0to30Paise: 1, d31to60Paise: 20, d61to90Paise: 300, d90plusPaise: 4_000, totalPaise: 4_321 },
      { d0to30Paise: 50_000, d31to60Paise: 600_000, d61to90Paise: 7_000_000, d90plusPaise: 80_000_000, totalPaise: -5 },
    ];
    expect(ageingTotals(rows)).toEqual({
      d0to30Paise: 50_001,
      d31to60Paise: 600_020,
      d61to90Paise: 7_000_300,
      d90plusPaise: 80_004_000,
      totalPaise: 4_316,
    });
  });

  it('is all zeros for no parties', () => {
    expect(ageingTotals([])).toEqual({
      d0to30Paise: 0,
      d31to60Paise: 0,
      d61to90Paise: 0,
      d90plusPaise: 0,
      totalPaise: 0,
    });
  });
});
