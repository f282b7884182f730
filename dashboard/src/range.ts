// The report range and the page shown, both kept in the URL hash so a view can be bookmarked, shared and navigated back to.
import { useSyncExternalStore } from 'react';
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
