// Billing: the scan box keeps focus; a scanner's fast keystrokes + Enter add a line; F-keys do the rest (shown on screen).
import { useCallback, useEffect, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient, type Outputs } from '../../app/trpc';
import { useHotkeys } from '../../app/hotkeys';
import { ErrorNote } from '../../app/ErrorNote';
import { errorCode } from '../../app/errors';
import { Invalid } from '../../../src-shared/errors';
import { parseQuantity } from '../../../src-shared/money';
import type { Me } from '../../app/App';
import type { ScreenId } from '../../app/Shell';
import { cartReducer, cartTotals, deliveryNeeded, emptyCart, holdInput, type CartItem } from './cart';
import { BillLines, SCAN_MARKS } from './BillLines';
import { BillSummary, KeyLegend } from './BillSummary';
import { PaymentDialog, type FinishedBill } from './PaymentDialog';
import { CustomerDialog } from './CustomerDialog';
import { DiscountDialog, LineDiscountDialog, PriceDialog, QuantityDialog, WeightDialog } from './LineEditDialog';
import { useBillDraft } from './bill-draft';
import { lineProblemText } from './line-entry';
import { isLoose, quantityProblem } from '../../../src-shared/sales/line-bounds';
import { RecallDialog } from './RecallDialog';
import { SearchDialog } from './SearchDialog';
import { LastBill } from './LastBill';
import { shopTime } from '../../../src-shared/shop-time';

type DialogKind = 'pay' | 'customer' | 'discount' | 'recall' | 'qty' | 'price' | 'line-discount' | 'search' | 'weight';

/** "3*8901234567890" scans three at once; a plain code scans one. */
function splitQuantity(text: string): { qtyMilli: number | null; code: string } {
  const match = /^(\d+(?:\.\d+)?)\*(.+)$/.exec(text.trim());
  return match ? { qtyMilli: parseQuantity(match[1]!), code: match[2]!.trim() } : { qtyMilli: null, code: text.trim() };
}

export function BillingScreen({ me, goTo }: { me: Me; goTo: (screen: ScreenId) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [cart, dispatch] = useReducer(cartReducer, undefined, () => emptyCart(crypto.randomUUID()));
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [scanText, setScanText] = useState('');
  const [scanError, setScanError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [searchHits, setSearchHits] = useState<{
    query: string;
    qtyMilli: number | null;
    items: Outputs['catalogue']['search'];
  }>({ query: '', qtyMilli: null, items: [] });
  const [lastBill, setLastBill] = useState<FinishedBill | null>(null);
  /** A loose item waiting for its weight before it goes on the bill. */
  const [weighing, setWeighing] = useState<CartItem | null>(null);
  const [scanSeq, setScanSeq] = useState(0);
  const scanBox = useRef<HTMLInputElement>(null);
  const draft = useBillDraft(cart, dispatch);
  const settings = useQuery(trpc.settings.all.queryOptions());
  const shift = useQuery(trpc.cashSessions.current.queryOptions());
  // An update installs only while no bill is open (src-main/updates): tell the app when a bill starts and ends.
  const billOpen = cart.lines.length > 0;
  useEffect(() => {
    void client.updates.billState.mutate({ open: billOpen }).catch(() => undefined);
  }, [billOpen, client]);
  const totals = cartTotals(cart, {
    shopStateCode: settings.data?.shop?.stateCode ?? null,
    roundOff: settings.data?.billing.roundOff ?? true,
    taxScheme: settings.data?.shop?.taxScheme ?? 'regular',
  });
  const needsDelivery = deliveryNeeded(cart, totals, settings.data?.shop?.taxScheme ?? 'regular');
  const okTotals = totals?.ok ? totals.totals : null;

  const focusScan = useCallback(() => requestAnimationFrame(() => scanBox.current?.focus()), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  // After the dialog's own cleanup has closed it (a modal makes the page inert until then), the scan box takes focus back.
  // Blur first: Chromium can leave the box as activeElement yet not take typing after a modal closes over it.
  useEffect(() => {
    if (dialog !== null) return;
    scanBox.current?.blur();
    scanBox.current?.focus();
  }, [dialog]);

  const putOnBill = useCallback((item: CartItem, qtyMilli: number, weighed: boolean) => {
    for (const mark of Object.values(SCAN_MARKS)) performance.clearMarks(mark);
    performance.mark(SCAN_MARKS.itemKnown);
    dispatch({ type: 'add', item, qtyMilli, weighed });
    setScanSeq((seq) => seq + 1);
    setLastBill(null);
    setScanError(null);
  }, []);

  /** A packed item goes on at 1 (or the scanned count); a loose one asks for its weight unless the label gave it. */
  const addItem = (item: CartItem, qtyMilli: number | null, weighed: boolean) => {
    if (qtyMilli === null && isLoose(item.unit)) {
      setWeighing(item);
      setDialog('weight');
      return;
    }
    const problem = quantityProblem(qtyMilli ?? 1000, item.unit);
    if (problem) return setScanError(new Invalid(`${item.name}: ${lineProblemText(t, problem, item.unit)}`));
    putOnBill(item, qtyMilli ?? 1000, weighed);
  };

  const scan = async (text: string) => {
    setScanError(null);
    setNotice(null);
    let parsed: { qtyMilli: number | null; code: string };
    try {
      parsed = splitQuantity(text);
    } catch (error) {
      setScanError(error);
      return;
    }
    if (!parsed.code) return;
    try {
      const found = await client.catalogue.lookup.query({ code: parsed.code });
      addItem(found.item, found.qtyMilli ?? parsed.qtyMilli, found.qtyMilli !== null);
      return;
    } catch (error) {
      if (errorCode(error) !== 'NOT_FOUND') return setScanError(error);
    }
    const items = await client.catalogue.search.query({ query: parsed.code, limit: 20 }).catch((error: unknown) => {
      setScanError(error);
      return null;
    });
    if (!items) return;
    if (items.length === 1) return addItem(items[0]!, parsed.qtyMilli, false);
    if (items.length === 0) return setScanError(new Invalid(t('billing.notFound', { code: parsed.code })));
    setSearchHits({ query: parsed.code, qtyMilli: parsed.qtyMilli, items });
    setDialog('search');
  };

  const hold = async () => {
    if (cart.lines.length === 0) return;
    const label = cart.party?.name ?? `${t('billing.bill')} ${shopTime(new Date())}`;
    try {
      await client.sales.hold.mutate(holdInput(cart, label));
      // A recalled bill that is held again leaves its old copy behind; drop it so the list shows one.
      if (cart.heldBillId) await client.sales.discardHeld.mutate({ id: cart.heldBillId }).catch(() => undefined);
      dispatch({ type: 'reset', billId: crypto.randomUUID() });
      setScanError(null);
      setNotice(t('billing.held', { label }));
      void queryClient.invalidateQueries({ queryKey: trpc.sales.held.queryKey() });
    } catch (error) {
      setScanError(error);
    }
  };

  const open = (kind: DialogKind) => () => {
    if ((kind === 'qty' || kind === 'price' || kind === 'line-discount') && !cart.lines[cart.selected]) return;
    // The payment dialog needs totals; without them it would never open and every key would be taken from the bill.
    if (kind === 'pay' && !okTotals) return;
    setDialog(kind);
  };

  useHotkeys(
    {
      F2: open('pay'),
      F3: open('customer'),
      F4: open('discount'),
      F5: open('line-discount'),
      F6: open('qty'),
      F7: open('price'),
      F8: () => void hold(),
      F9: open('recall'),
    },
    dialog === null,
  );

  const onScanKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const empty = scanText === '';
    const keys: Record<string, () => void> = {
      Enter: () => {
        const text = scanText;
        setScanText('');
        void scan(text);
      },
      ArrowUp: () => dispatch({ type: 'move', by: -1 }),
      ArrowDown: () => dispatch({ type: 'move', by: 1 }),
      Escape: () => setScanText(''),
      ...(empty
        ? {
            '+': () => dispatch({ type: 'bump-qty', by: 1 }),
            '-': () => dispatch({ type: 'bump-qty', by: -1 }),
            Delete: () => dispatch({ type: 'remove' }),
          }
        : {}),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const finished = (bill: FinishedBill) => {
    setLastBill(bill);
    setScanError(null);
    dispatch({ type: 'reset', billId: crypto.randomUUID() });
    closeDialog();
    void queryClient.invalidateQueries();
  };

  const blocked = !settings.data?.shop ? t('billing.noShop') : shift.data === null ? t('billing.noShift') : null;
  const selectedLine = cart.lines[cart.selected];
  return (
    <div className="billing" data-draft={draft.saveState}>
      <section className="bill-main">
        <input
          ref={scanBox}
          className="scan-box"
          data-testid="scan-box"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder={t('billing.scanPlaceholder')}
          value={scanText}
          onChange={(event) => setScanText(event.target.value)}
          onKeyDown={onScanKey}
          onBlur={() => {
            if (dialog === null) focusScan();
          }}
        />
        {blocked && (
          <div className="warning" data-testid="billing-blocked">
            {blocked}{' '}
            <button type="button" tabIndex={-1} onClick={() => goTo(settings.data?.shop ? 'cash' : 'settings')}>
              {settings.data?.shop ? t('nav.cash') : t('nav.settings')}
            </button>
          </div>
        )}
        <ErrorNote error={scanError} testId="scan-error" />
        <ErrorNote error={draft.error} testId="draft-error" />
        {draft.restoredBillId === cart.billId && cart.lines.length > 0 && (
          <div className="notice" data-testid="draft-restored">
            {t('billing.draftRestored')}
          </div>
        )}
        {notice && (
          <div className="notice" data-testid="notice">
            {notice}
          </div>
        )}
        {lastBill && <LastBill bill={lastBill} />}
        <div className="bill-scroll">
          <BillLines lines={cart.lines} selected={cart.selected} totals={okTotals} scanSeq={scanSeq} />
        </div>
      </section>
      <aside className="bill-side">
        <BillSummary cart={cart} totals={totals} needsDelivery={needsDelivery} />
        <KeyLegend />
        <p className="muted small">{me.name}</p>
      </aside>
      {dialog === 'pay' && okTotals && (
        <PaymentDialog
          cart={cart}
          totals={okTotals}
          onClose={closeDialog}
          onFinished={finished}
          isCashier={me.role === 'cashier'}
        />
      )}
      {dialog === 'customer' && (
        <CustomerDialog
          current={cart.party}
          deliveryAddress={cart.deliveryAddress}
          needsDelivery={(party) =>
            deliveryNeeded({ ...cart, party }, totals, settings.data?.shop?.taxScheme ?? 'regular')
          }
          onClose={closeDialog}
          onChoose={(party, deliveryAddress) => {
            dispatch({ type: 'party', party });
            dispatch({ type: 'delivery-address', address: deliveryAddress });
            closeDialog();
          }}
        />
      )}
      {dialog === 'discount' && (
        <DiscountDialog
          current={cart.billDiscount}
          basePaise={
            okTotals
              ? okTotals.lines.reduce((sum, line) => sum + line.grossPaise - line.lineDiscountPaise, 0)
              : Number.MAX_SAFE_INTEGER
          }
          onClose={closeDialog}
          onApply={(discount) => {
            dispatch({ type: 'bill-discount', discount });
            closeDialog();
          }}
        />
      )}
      {dialog === 'qty' && selectedLine && (
        <QuantityDialog
          line={selectedLine}
          onClose={closeDialog}
          onApply={(qtyMilli) => {
            dispatch({ type: 'set-qty', qtyMilli });
            closeDialog();
          }}
        />
      )}
      {dialog === 'weight' && weighing && (
        <WeightDialog
          item={weighing}
          onClose={closeDialog}
          onApply={(qtyMilli) => {
            putOnBill(weighing, qtyMilli, true);
            closeDialog();
          }}
        />
      )}
      {dialog === 'price' && selectedLine && (
        <PriceDialog
          line={selectedLine}
          onClose={closeDialog}
          onApply={(unitPricePaise) => {
            dispatch({ type: 'set-price', unitPricePaise });
            closeDialog();
          }}
        />
      )}
      {dialog === 'line-discount' && selectedLine && (
        <LineDiscountDialog
          line={selectedLine}
          onClose={closeDialog}
          onApply={(discount) => {
            dispatch({ type: 'line-discount', discount });
            closeDialog();
          }}
        />
      )}
      {dialog === 'recall' && (
        <RecallDialog
          onClose={closeDialog}
          onRecall={(recalled) => {
            dispatch({ type: 'load', cart: recalled });
            setScanError(null);
            closeDialog();
          }}
        />
      )}
      {dialog === 'search' && (
        <SearchDialog
          query={searchHits.query}
          items={searchHits.items}
          onClose={closeDialog}
          onChoose={(item) => {
            addItem(item, searchHits.qtyMilli, false);
            closeDialog();
          }}
        />
      )}
    </div>
  );
}
