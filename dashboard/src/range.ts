// The report range and the page shown, both kept in the URL hash so a view can be bookmarked, shared and navigated back to.
import { useSyncExternalStore } from 'react';
import { addDays, endOfMonth, format, parseISO, startOfMonth, subMonths, type Locale } from 'date-fns';
import { readShopDate } from '../../src-shared/shop-time';
import { shopToday } from './format';

export interface Range {
  from: string;
  to: string;
}

export interface Route {
  page: string;
  /** The rest of the path: a date, an invoice id. */
  arg: string | null;
  range: Range;
  params: URLSearchParams;
}

export function defaultRange(): Range {
  return { from: shopToday(-6), to: shopToday() };
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const [page = 'overview', arg = null] = path.split('/').filter(Boolean);
  const fallback = defaultRange();
  return {
    page,
    arg,
    params,
    range: { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to },
  };
}

export function href(page: string, range: Range, extra: Record<string, string> = {}, arg?: string): string {
  const params = new URLSearchParams({ from: range.from, to: range.to, ...extra });
  return `#/${page}${arg ? `/${arg}` : ''}?${params.toString()}`;
}

export function navigate(to: string): void {
  window.location.hash = to;
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

/** The month before the one `today` (YYYY-MM-DD) falls in, as YYYY-MM: the GSTR-1 period a shop usually files. */
export function lastMonth(today: string = shopToday()): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** What is wrong with a typed From or To, said beside that box. */
export type RangeProblems = Partial<Record<keyof Range, string>>;

/** In English; the range picker says them in the page's language by their key (`range.problems.*`). */
export const RANGE_PROBLEMS = {
  unreadable: 'Type the date as dd-mm-yyyy, like 05-12-2026',
  'no-such-day': 'There is no such day in the calendar',
  'to-before-from': 'To is before From: pick the same day or a later one',
} as const;
const ENTRY_PROBLEMS = RANGE_PROBLEMS;

/** The range a person typed as dd-mm-yyyy, or what to tell them beside each box; a range is never read half-valid. */
export function readRange(typed: Range): { range: Range } | { problems: RangeProblems } {
  const from = readShopDate(typed.from);
  const to = readShopDate(typed.to);
  const problems: RangeProblems = {};
  if ('problem' in from) problems.from = ENTRY_PROBLEMS[from.problem];
  if ('problem' in to) problems.to = ENTRY_PROBLEMS[to.problem];
  if ('date' in from && 'date' in to) {
    if (from.date <= to.date) return { range: { from: from.date, to: to.date } };
    problems.to = RANGE_PROBLEMS['to-before-from'];
  }
  return { problems };
}

const isoDate = (day: Date) => format(day, 'yyyy-MM-dd');

/** The ranges a shop owner asks for most, counted from the shop's today (YYYY-MM-DD). */
export function quickRanges(today: string = shopToday()): { id: string; label: string; range: Range }[] {
  // Calendar arithmetic on the local midnight of each business date: no time zone can move a day here.
  const day = parseISO(today);
  const lastMonthDay = subMonths(day, 1);
  return [
    { id: 'today', label: 'Today', range: { from: today, to: today } },
    { id: 'yesterday', label: 'Yesterday', range: { from: isoDate(addDays(day, -1)), to: isoDate(addDays(day, -1)) } },
    { id: 'last7', label: 'Last 7 days', range: { from: isoDate(addDays(day, -6)), to: today } },
    { id: 'thisMonth', label: 'This month', range: { from: isoDate(startOfMonth(day)), to: today } },
    {
      id: 'lastMonth',
      label: 'Last month',
      range: { from: isoDate(startOfMonth(lastMonthDay)), to: isoDate(endOfMonth(lastMonthDay)) },
    },
  ];
}

/**
 * The months a GSTR-1 may be downloaded for, this one first, named in words ("November 2026") so no browser's
 * locale can turn 11-2026 into a day; in Hindi with date-fns's `hi` months ("नवंबर 2026").
 */
export function filingMonths(
  today: string = shopToday(),
  count = 24,
  locale?: Locale,
): { month: string; label: string }[] {
  const thisMonth = startOfMonth(parseISO(today));
  return Array.from({ length: count }, (_, back) => {
    const first = subMonths(thisMonth, back);
    return { month: format(first, 'yyyy-MM'), label: format(first, 'MMMM yyyy', locale ? { locale } : undefined) };
  });
}
