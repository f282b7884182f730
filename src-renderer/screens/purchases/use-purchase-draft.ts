// The supplier bill on screen kept in this counter's storage as it changes, and put back when the screen opens again:
// going to another screen, a logout, a reload or a restart never loses a bill half entered.
import { useEffect, useReducer, useState } from 'react';
import { formatQuantity } from '../../../src-shared/money';
import {
  emptyPurchaseDraft,
  loadStoredDraft,
  purchaseDraftReducer,
  storeDraft,
  type PurchaseDraft,
  type PurchaseDraftAction,
  type PurchaseItem,
  type PurchaseSupplier,
} from './purchase-draft';

export function usePurchaseDraft(staffId: string): {
  draft: PurchaseDraft;
  dispatch: (action: PurchaseDraftAction) => void;
  /** The id of the bill brought back from an earlier visit, if one was. */
  restoredId: string | null;
} {
  const [restoredId] = useState(() => loadStoredDraft(window.localStorage, staffId)?.id ?? null);
  const [draft, dispatch] = useReducer(
    purchaseDraftReducer,
    undefined,
    () => loadStoredDraft(window.localStorage, staffId) ?? emptyPurchaseDraft(crypto.randomUUID()),
  );
  useEffect(() => storeDraft(window.localStorage, staffId, draft), [draft, staffId]);
  return { draft, dispatch, restoredId };
}

/** Whether a bill is waiting to be finished (shown on the list). */
export function hasStoredDraft(staffId: string): boolean {
  return loadStoredDraft(window.localStorage, staffId) !== null;
}

/**
 * Receiving a purchase order: the bill is started from the order (its supplier, its lines still to come) and kept as
 * the draft, so the Purchases screen opens on it. Returns false, changing nothing, when another bill is half entered.
 */
export function startBillFromOrder(
  staffId: string,
  order: { purchaseOrderId: string; supplier: PurchaseSupplier; lines: { item: PurchaseItem; qtyMilli: number }[] },
): boolean {
  if (hasStoredDraft(staffId)) return false;
  let draft: PurchaseDraft = {
    ...emptyPurchaseDraft(crypto.randomUUID()),
    supplier: order.supplier,
    purchaseOrderId: order.purchaseOrderId,
  };
  for (const line of order.lines)
    draft = purchaseDraftReducer(draft, { type: 'add', item: line.item, qty: formatQuantity(line.qtyMilli) });
  storeDraft(window.localStorage, staffId, draft);
  return true;
}
