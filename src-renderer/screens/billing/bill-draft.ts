// The open bill kept in the ledger as it changes (a moment after each change), and brought back when the billing
// screen opens: a logout, a reload, a renderer crash or an app restart never loses a bill in progress.
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import { useTRPCClient } from '../../app/trpc';
import { draftInput, type Cart, type CartAction } from './cart';
import { cartFromSaved } from './saved-cart';

const SAVE_AFTER_MS = 250;

export interface BillDraftState {
  /** The bill left open earlier and put back on screen, if one was. */
  restoredBillId: string | null;
  error: unknown;
}

/** Whether the bill on screen is in the ledger yet (shown as data-draft on the screen, for tests and support). */
export type DraftSaveState = 'reading' | 'saving' | 'saved';

export function useBillDraft(
  cart: Cart,
  dispatch: Dispatch<CartAction>,
): BillDraftState & { saveState: DraftSaveState } {
  const client = useTRPCClient();
  // Nothing is saved before the earlier draft (if any) is read: an empty screen must not overwrite it.
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<BillDraftState>({ restoredBillId: null, error: null });
  const [saving, setSaving] = useState(false);
  const lastSaved = useRef<string | null>(null);
  const pending = useRef<string | null>(null);
  const inFlight = useRef(0);
  const settle = useCallback(() => {
    if (pending.current === null && inFlight.current === 0) setSaving(false);
  }, []);

  useEffect(() => {
    let cancelled = false;
    const restore = async () => {
      const draft = await client.drafts.mine.query();
      if (!draft || cancelled) return;
      const saved = await cartFromSaved(client, draft.cart, draft);
      if (cancelled) return;
      lastSaved.current = JSON.stringify(draftInput(saved));
      dispatch({ type: 'restore', cart: saved });
      setState({ restoredBillId: saved.billId, error: null });
    };
    restore()
      .catch((error: unknown) => !cancelled && setState({ restoredBillId: null, error }))
      .finally(() => !cancelled && setReady(true));
    return () => {
      cancelled = true;
    };
  }, [client, dispatch]);

  const flush = useCallback(() => {
    const body = pending.current;
    if (body === null) return;
    pending.current = null;
    lastSaved.current = body;
    inFlight.current += 1;
    client.drafts.save
      .mutate(JSON.parse(body) as ReturnType<typeof draftInput>)
      .catch(() => {
        // Not saved (the session ended, the bridge dropped): the next change tries again with the whole bill.
        lastSaved.current = null;
      })
      .finally(() => {
        inFlight.current -= 1;
        settle();
      });
  }, [client, settle]);

  const body = useMemo(() => JSON.stringify(draftInput(cart)), [cart]);
  useEffect(() => {
    if (!ready) return;
    // A bill changed and changed back before its save went out has nothing left to send.
    pending.current = body === lastSaved.current ? null : body;
    if (pending.current === null) return settle();
    setSaving(true);
    const timer = setTimeout(flush, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [ready, body, flush, settle]);

  // Leaving the screen, logging out or closing the page sends what is still waiting.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { ...state, saveState: !ready ? 'reading' : saving ? 'saving' : 'saved' };
}
