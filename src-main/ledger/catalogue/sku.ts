// A SKU for an item saved without one: a stem from its name plus the next free number, e.g. "TOOR-DAL-1KG-1".
import { like } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import { items } from './schema';

const MAX_STEM = 24;

/** Latin letters and digits of the first three words, upper-cased; a name with none (such as "चीनी") gets "ITEM". */
export function skuStem(name: string): string {
  const words = name
    .normalize('NFKD')
    .toUpperCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Z0-9]/g, ''))
    .filter(Boolean)
    .slice(0, 3);
  const stem = words.join('-').slice(0, MAX_STEM).replace(/-$/, '');
  return stem || 'ITEM';
}

/** The stem with the lowest number after those already taken; call inside the transaction that inserts the item. */
export function generateSku(ledger: Ledger, name: string): string {
  const stem = skuStem(name);
  const taken = ledger.db
    .select({ sku: items.sku })
    .from(items)
    .where(like(items.sku, `${stem}-%`))
    .all()
    .map((row) => Number(row.sku.slice(stem.length + 1)))
    .filter((n) => Number.isSafeInteger(n));
  return `${stem}-${Math.max(0, ...taken) + 1}`;
}
