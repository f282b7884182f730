// A counter's random day of work, generated from a seed so a killed counter replays exactly the same plan.
import fc from 'fast-check';

export type PlannedOp =
  | { kind: 'sale'; id: string; item: number; qty: number; party: number | null; khataShare: number }
  | { kind: 'return'; id: string; ofOp: number }
  | { kind: 'payment'; id: string; party: number; amountPaise: number; mode: 'cash' | 'upi' | 'card' };

const opArb = (parties: number, items: number) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('sale' as const),
        id: fc.uuid({ version: 4 }),
        item: fc.nat(items - 1),
        qty: fc.integer({ min: 1, max: 3 }),
        party: fc.option(fc.nat(parties - 1), { nil: null }),
        khataShare: fc.integer({ min: 0, max: 50 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('return' as const), id: fc.uuid({ version: 4 }), ofOp: fc.nat() }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('payment' as const),
        id: fc.uuid({ version: 4 }),
        party: fc.nat(parties - 1),
        amountPaise: fc.integer({ min: 100, max: 5_000 }),
        mode: fc.constantFrom('cash' as const, 'upi' as const, 'card' as const),
      }),
    },
  );

export function planFor(seed: number, length: number, parties: number, items: number): PlannedOp[] {
  return fc.sample(fc.array(opArb(parties, items), { minLength: length, maxLength: length }), { seed, numRuns: 1 })[0]!;
}
