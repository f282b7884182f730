// The date ranges a report screen offers (today, yesterday, this month, custom), as days in India like the ledger's business dates.
import { subDays } from 'date-fns';
import { shopBusinessDate } from '../../../src-shared/shop-time';

export const PRESETS = ['today', 'yesterday', 'month', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface DayRange {
  from: string;
  to: string;
}

const day = shopBusinessDate;

/** A preset's range on the given day; "custom" keeps whatever range was last shown. */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: Date): DayRange {
  if (preset === 'yesterday') return { from: day(subDays(today, 1)), to: day(subDays(today, 1)) };
  if (preset === 'month') return { from: `${day(today).slice(0, 8)}01`, to: day(today) };
  return { from: day(today), to: day(today) };
}

/** Checked before asking the ledger, so a half-typed date shows a message instead of an error round-trip. */
export function rangeProblem(range: DayRange): 'incomplete' | 'backwards' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to)) return 'incomplete';
  return range.from > range.to ? 'backwards' : null;
}
