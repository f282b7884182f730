// Items: create and edit with barcodes, and the counter's lookups (barcode, weighing-scale code, SKU, name prefix).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, lte, type SQL } from 'drizzle-orm';
import { Conflict, Invalid, NotFound, shopDetail } from '../../../src-shared/errors';
import type { ShopMessage } from '../../../src-shared/shop-messages';
import { hasValidCheckDigit, looksLikeGs1, normalizeBarcode, parseScaleBarcode } from '../../../src-shared/barcode';
import { divRound } from '../../../src-shared/money';
import type { CreateItemInput, UpdateItemInput } from '../../../src-shared/contracts/catalogue';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { enqueue } from '../outbox/service';
import { moveStock } from '../stock/service';
import { getBilling } from '../settings/service';
import { itemBarcodes, items, type Item } from './schema';
import { generateSku } from './sku';
import { pageOf } from '../page';

export type ItemWithBarcodes = Item & { barcodes: string[] };

export function normalizeBarcodes(raw: string[]): string[] {
  const codes = [...new Set(raw.map(normalizeBarcode))];
  const bad = codes.find((code) => looksLikeGs1(code) && !hasValidCheckDigit(code));
  if (bad) {
    const message: ShopMessage = { key: 'barcodeCheckDigit', params: { barcode: bad } };
    throw new Invalid(message, [shopDetail('barcodes', message)]);
  }
  return codes;
}

/** A taken SKU, PLU or barcode, named against its field so the item form can show it there. */
function conflictOn(path: string, message: ShopMessage): Conflict {
  return new Conflict(message, [shopDetail(path, message)]);
}

function assertFree(
  ledger: Ledger,
  itemId: string,
  fields: { sku?: string; plu?: string | null; barcodes?: string[] },
): void {
  if (fields.sku !== undefined) {
    const other = ledger.db
      .select({ id: items.id, name: items.name })
      .from(items)
      .where(eq(items.sku, fields.sku))
      .get();
    if (other && other.id !== itemId)
      throw conflictOn('sku', { key: 'skuTaken', params: { sku: fields.sku, name: other.name } });
  }
  if (fields.plu) {
    const other = ledger.db
      .select({ id: items.id, name: items.name })
      .from(items)
      .where(eq(items.plu, fields.plu))
      .get();
    if (other && other.id !== itemId)
      throw conflictOn('plu', { key: 'pluTaken', params: { plu: fields.plu, name: other.name } });
  }
  if (fields.barcodes?.length) {
    const taken = ledger.db
      .select()
      .from(itemBarcodes)
      .where(inArray(itemBarcodes.barcode, fields.barcodes))
      .all()
      .find((row) => row.itemId !== itemId);
    if (taken) throw conflictOn('barcodes', { key: 'barcodeTaken', params: { barcode: taken.barcode } });
  }
}

/** Inserts an item inside the caller's transaction. */
export function insertItem(ledger: Ledger, actor: Actor | null, input: CreateItemInput): ItemWithBarcodes {
  const barcodes = normalizeBarcodes(input.barcodes);
  const id = randomUUID();
  const sku = input.sku || generateSku(ledger, input.name);
  assertFree(ledger, id, { sku, plu: input.plu, barcodes });
  const at = nowIso(ledger);
  const { openingStockMilli, barcodes: _raw, ...fields } = { ...input, sku };
  const row: Item = { ...fields, id, stockMilli: 0, active: true, createdAt: at, updatedAt: at };
  ledger.db.insert(items).values(row).run();
  if (barcodes.length)
    ledger.db
      .insert(itemBarcodes)
      .values(barcodes.map((barcode) => ({ barcode, itemId: id })))
      .run();
  // The item goes into the outbox before its opening stock: other counters must know an item before its movements.
  enqueue(ledger, 'item', id, { ...row, barcodes });
  const stockMilli = openingStockMilli
    ? moveStock(ledger, { itemId: id, qtyMilli: openingStockMilli, reason: 'opening', staffId: actor?.staffId ?? null })
    : 0;
  return { ...row, stockMilli, barcodes };
}

export function createItem(ledger: Ledger, actor: Actor, input: CreateItemInput): ItemWithBarcodes {
  return ledger.transaction(() => insertItem(ledger, actor, input));
}

/** Updates an item inside the caller's transaction; stock is never set here, only moved. */
export function patchItem(ledger: Ledger, input: UpdateItemInput): ItemWithBarcodes {
  const existing = getItem(ledger, input.id);
  const barcodes = input.barcodes ? normalizeBarcodes(input.barcodes) : undefined;
  assertFree(ledger, input.id, { sku: input.sku, plu: input.plu, barcodes });
  const { id, barcodes: _raw, ...fields } = input;
  ledger.db
    .update(items)
    .set({ ...fields, updatedAt: nowIso(ledger) })
    .where(eq(items.id, id))
    .run();
  if (barcodes) {
    ledger.db.delete(itemBarcodes).where(eq(itemBarcodes.itemId, id)).run();
    if (barcodes.length)
      ledger.db
        .insert(itemBarcodes)
        .values(barcodes.map((barcode) => ({ barcode, itemId: id })))
        .run();
  }
  const updated = getItem(ledger, id);
  if (JSON.stringify(updated) !== JSON.stringify(existing)) enqueue(ledger, 'item', id, updated);
  return updated;
}

export function updateItem(ledger: Ledger, _actor: Actor, input: UpdateItemInput): ItemWithBarcodes {
  return ledger.transaction(() => patchItem(ledger, input));
}

export function getItem(ledger: Ledger, id: string): ItemWithBarcodes {
  const row = ledger.db.select().from(items).where(eq(items.id, id)).get();
  if (!row) throw new NotFound({ key: 'noSuchItem' });
  const barcodes = ledger.db
    .select({ barcode: itemBarcodes.barcode })
    .from(itemBarcodes)
    .where(eq(itemBarcodes.itemId, id))
    .all();
  return { ...row, barcodes: barcodes.map((b) => b.barcode) };
}

export interface LookupResult {
  item: Item;
  /** Set when the code carried a weight or price (a weighing-scale label). */
  qtyMilli: number | null;
}

/** What the scanner read: a barcode, a weighing-scale label, or a SKU typed at the counter. */
export function lookupCode(ledger: Ledger, raw: string): LookupResult {
  const code = normalizeBarcode(raw);
  const byBarcode = ledger.db
    .select({ item: items })
    .from(itemBarcodes)
    .innerJoin(items, eq(items.id, itemBarcodes.itemId))
    .where(eq(itemBarcodes.barcode, code))
    .get();
  if (byBarcode) return { item: byBarcode.item, qtyMilli: null };
  const scale = parseScaleBarcode(code, getBilling(ledger).scale);
  if (scale) {
    const item =
      ledger.db
        .select()
        .from(items)
        .where(eq(items.plu, scale.plu.replace(/^0+(?=\d)/, '')))
        .get() ?? ledger.db.select().from(items).where(eq(items.plu, scale.plu)).get();
    if (item) return { item, qtyMilli: scale.qtyMilli ?? qtyForPrice(item, scale.pricePaise ?? 0) };
  }
  const bySku = ledger.db.select().from(items).where(eq(items.sku, raw.trim())).get();
  if (bySku) return { item: bySku, qtyMilli: null };
  throw new NotFound(`No item has the code ${raw.trim()}.`);
}

/** A price-embedded label: the quantity is what that price buys at the item's rate. */
function qtyForPrice(item: Item, pricePaise: number): number {
  if (item.pricePaise === 0) throw new Invalid(`"${item.name}" has no price, so its scale label cannot be read.`);
  return Math.max(1, divRound(pricePaise * 1000, item.pricePaise));
}

/** Each word of the query is a prefix: "bas ric" finds "Basmati Rice 5kg". */
function ftsQuery(query: string): string | null {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return words?.length ? words.map((word) => `"${word}"*`).join(' ') : null;
}

export function searchItems(ledger: Ledger, query: string, limit: number): Item[] {
  const match = ftsQuery(query);
  if (!match) return [];
  const ids = ledger.sqlite
    .prepare('SELECT item_id AS id FROM items_fts WHERE items_fts MATCH ? ORDER BY rank LIMIT ?')
    .all(match, limit) as { id: string }[];
  if (ids.length === 0) return [];
  const found = ledger.db
    .select()
    .from(items)
    .where(
      and(
        inArray(
          items.id,
          ids.map((row) => row.id),
        ),
        eq(items.active, true),
      ),
    )
    .all();
  const order = new Map(ids.map((row, index) => [row.id, index]));
  return found.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

export function listItems(
  ledger: Ledger,
  input: { limit: number; offset: number; category?: string; lowStockOnly: boolean },
): { rows: Item[]; total: number } {
  const filters: SQL[] = [eq(items.active, true)];
  if (input.category) filters.push(eq(items.category, input.category));
  // An item with no reorder level (0) is never low, however little is left.
  if (input.lowStockOnly) filters.push(gt(items.reorderLevelMilli, 0), lte(items.stockMilli, items.reorderLevelMilli));
  return pageOf(ledger, items, and(...filters), asc(items.name), input);
}
