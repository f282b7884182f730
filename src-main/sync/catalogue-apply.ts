// Writes another counter's item or party into this ledger (last writer by server order), settling SKU/PLU/barcode clashes.
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { type Ledger, nowIso } from '../ledger/ledger';
import { itemBarcodes, items } from '../ledger/catalogue/schema';
import { parties } from '../ledger/parties/schema';
import { outbox } from '../ledger/outbox/schema';
import type { RemoteItem, RemoteParty } from './remote-rows';

export interface Conflict {
  entity: string;
  entityId: string;
  note: string;
  at: string;
}

/** A change this counter made and has not yet sent will reach the server later, so it is the later writer: keep it. */
export function hasUnsentChange(ledger: Ledger, entity: 'item' | 'party', entityId: string): boolean {
  return (
    ledger.db
      .select({ seq: outbox.seq })
      .from(outbox)
      .where(and(eq(outbox.entity, entity), eq(outbox.entityId, entityId), isNull(outbox.sentAt)))
      .get() !== undefined
  );
}

const renamed = (sku: string, id: string) => `${sku}~${id.slice(0, 8)}`.slice(-64);

/**
 * Two counters offline can give different items the same SKU, PLU or barcode. Every counter settles it the same way,
 * so they converge without talking: the item with the smaller id keeps the code; the other is renamed (SKU) or loses it.
 */
function settleClashes(ledger: Ledger, item: RemoteItem, conflicts: Conflict[]): RemoteItem {
  const at = nowIso(ledger);
  const note = (entityId: string, text: string) => conflicts.push({ entity: 'item', entityId, note: text, at });
  let settled = { ...item };
  const skuOwner = ledger.db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.sku, item.sku), ne(items.id, item.id)))
    .get();
  if (skuOwner) {
    if (item.id < skuOwner.id) {
      ledger.db
        .update(items)
        .set({ sku: renamed(item.sku, skuOwner.id) })
        .where(eq(items.id, skuOwner.id))
        .run();
      note(skuOwner.id, `SKU ${item.sku} was also used by another counter's item; this one was renamed.`);
    } else {
      settled = { ...settled, sku: renamed(item.sku, item.id) };
      note(item.id, `SKU ${item.sku} was already used here; the pulled item was renamed.`);
    }
  }
  if (item.plu) {
    const pluOwner = ledger.db
      .select({ id: items.id })
      .from(items)
      .where(and(eq(items.plu, item.plu), ne(items.id, item.id)))
      .get();
    if (pluOwner && item.id < pluOwner.id)
      ledger.db.update(items).set({ plu: null }).where(eq(items.id, pluOwner.id)).run();
    if (pluOwner && item.id > pluOwner.id) settled = { ...settled, plu: null };
    if (pluOwner) note(item.id, `Scale PLU ${item.plu} was on two items; the item with the smaller id keeps it.`);
  }
  if (item.barcodes.length) {
    const owners = ledger.db
      .select()
      .from(itemBarcodes)
      .where(and(inArray(itemBarcodes.barcode, item.barcodes), ne(itemBarcodes.itemId, item.id)))
      .all();
    for (const owner of owners) {
      if (item.id < owner.itemId) ledger.db.delete(itemBarcodes).where(eq(itemBarcodes.barcode, owner.barcode)).run();
      else settled = { ...settled, barcodes: settled.barcodes.filter((code) => code !== owner.barcode) };
      note(item.id, `Barcode ${owner.barcode} was on two items; the item with the smaller id keeps it.`);
    }
  }
  return settled;
}

/** Upserts by id; stock is never taken from the payload, it stays the sum of this ledger's movements. */
export function applyRemoteItem(ledger: Ledger, pulled: RemoteItem, conflicts: Conflict[]): void {
  const { barcodes, ...fields } = settleClashes(ledger, pulled, conflicts);
  const exists = ledger.db.select({ id: items.id }).from(items).where(eq(items.id, fields.id)).get();
  if (exists) ledger.db.update(items).set(fields).where(eq(items.id, fields.id)).run();
  else
    ledger.db
      .insert(items)
      .values({ ...fields, stockMilli: 0 })
      .run();
  ledger.db.delete(itemBarcodes).where(eq(itemBarcodes.itemId, fields.id)).run();
  if (barcodes.length)
    ledger.db
      .insert(itemBarcodes)
      .values(barcodes.map((barcode) => ({ barcode, itemId: fields.id })))
      .run();
}

/** Upserts by id; the balance is never taken from the payload, it stays the sum of this ledger's khata entries. */
export function applyRemoteParty(ledger: Ledger, pulled: RemoteParty): void {
  const exists = ledger.db.select({ id: parties.id }).from(parties).where(eq(parties.id, pulled.id)).get();
  if (exists) ledger.db.update(parties).set(pulled).where(eq(parties.id, pulled.id)).run();
  else
    ledger.db
      .insert(parties)
      .values({ ...pulled, balancePaise: 0, payablePaise: 0 })
      .run();
}
