// The supplier bill on screen kept in this counter's storage as it changes, and put back when the screen opens again:
// going to another screen, a logout, a reload or a restart never loses a bill half entered.
import { useEffect, useReducer, useState } from 'react';
import {
  emptyPurchaseDraft,
  loadStoredDraft,
  purchaseDraftReducer,
  storeDraft,
  type PurchaseDraft,
  type PurchaseDraftAction,
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
