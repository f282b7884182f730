// A new supplier bill, keyboard first like billing: supplier, their invoice number and date, lines by scan or search
// (quantity, free quantity, rate, discount, GST and HSN from the item, all editable), freight, reverse charge, live
// totals by the ledger's own maths, and what is paid now (the rest goes on the supplier's khata). F2 saves it.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../../app/trpc';
import { useHotkeys } from '../../app/hotkeys';
import { shownError, errorCode, shopMessageOf } from '../../app/errors';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees, formatQuantity } from '../../../src-shared/money';
import { GST_RATES_BP } from '../../../src-shared/gst/rates';
import { shopBusinessDate, shopDate } from '../../../src-shared/shop-time';
import { purchaseBillTotals, type PurchaseBillTotals } from '../../../src-shared/purchases/totals';
import type { Me } from '../../app/App';
import { SearchDialog } from '../billing/SearchDialog';
import { SupplierPicker } from './SupplierPicker';
import { draftFromOrder } from './receive-order';
import type { PurchaseBillPrefill } from '../purchase-orders/receive-prefill';
import { usePurchaseDraft } from './use-purchase-draft';
import {
  PAY_MODES,
  fieldOfPath,
  fieldOfRefusal,
  readPurchaseDraft,
  type PayMode,
  type PurchaseItem,
  type PurchaseDraft,
} from './purchase-draft';

type Saved = { number: string; totalPaise: number; paidPaise: number; payablePaise: number; supplier: string };

function Figure({ label, paise, testId, strong }: { label: string; paise: number; testId?: string; strong?: boolean }) {
  return (
    <div className={strong ? 'figure strong' : 'figure'}>
      <span>{label}</span>
      <span className="num" data-testid={testId}>
        {formatRupees(paise)}
      </span>
    </div>
  );
}

/** The bill's figures, or why they cannot be worked out yet. */
function liveTotals(
  draft: PurchaseDraft,
  read: ReturnType<typeof readPurchaseDraft>,
  shopStateCode: string | null,
): { ok: true; totals: PurchaseBillTotals } | { ok: false; error: unknown } | null {
  if (draft.lines.length === 0 || !shopStateCode) return null;
  const lineProblem = Object.keys(read.problems).some((key) => key.startsWith('lines.') || key === 'freight');
  if (lineProblem) return null;
  try {
    return {
      ok: true,
      totals: purchaseBillTotals(
        {
          ratesIncludeTax: draft.ratesIncludeTax,
          reverseCharge: draft.reverseCharge,
          freightPaise: read.freightPaise,
          lines: read.lines,
        },
        { shopStateCode, supplierStateCode: draft.supplier?.stateCode ?? shopStateCode },
      ),
    };
  } catch (error) {
    return { ok: false, error };
  }
}

export function PurchaseBillForm({
  me,
  onBack,
  receiving = null,
  onReceiving,
}: {
  me: Me;
  onBack: () => void;
  receiving?: PurchaseBillPrefill | null;
  onReceiving?: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { draft, dispatch: change, restoredId } = usePurchaseDraft(me.id);
  const [clearArmed, setClearArmed] = useState(false);
  const dispatch: typeof change = (action) => {
    setClearArmed(false);
    change(action);
  };
  const settings = useQuery(trpc.settings.all.queryOptions());
  const shopStateCode = settings.data?.shop?.stateCode ?? null;
  const [scanText, setScanText] = useState('');
  const [scanError, setScanError] = useState<unknown>(null);
  const [hits, setHits] = useState<{ query: string; items: PurchaseItem[] } | null>(null);
  const [shown, setShown] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const scanBox = useRef<HTMLInputElement>(null);
  const supplierBox = useRef<HTMLInputElement>(null);
  const lineRow = useRef<HTMLTableSectionElement>(null);
  const today = shopBusinessDate(new Date());
  const read = useMemo(() => readPurchaseDraft(draft, today), [draft, today]);
  const totals = liveTotals(draft, read, shopStateCode);
  const okTotals = totals?.ok ? totals.totals : null;
  const [notice, setNotice] = useState<string | null>(null);

  // An order being received starts the bill, unless another bill is half entered: that one is never thrown away.
  useEffect(() => {
    if (!receiving) return;
    onReceiving?.();
    if (draft.purchaseOrderId === receiving.purchaseOrderId) return;
    if (draft.supplier || draft.lines.length > 0) {
      setNotice(t('purchases.orderWaits', { order: receiving.purchaseOrderNumber }));
      return;
    }
    draftFromOrder(client, receiving)
      .then((fromOrder) => dispatch({ type: 'load', draft: fromOrder }))
      .catch((error: unknown) => setScanError(error));
    // Once, when the screen opens on an order.
  }, []);

  const finalise = useMutation(
    trpc.purchases.finalise.mutationOptions({
      onSuccess: (result) => {
        setSaved({
          number: result.number,
          totalPaise: result.totalPaise,
          paidPaise: result.paidPaise,
          payablePaise: result.payablePaise,
          supplier: draft.supplier?.name ?? '',
        });
        setShown(false);
        dispatch({ type: 'reset', id: crypto.randomUUID() });
        void queryClient.invalidateQueries();
      },
    }),
  );
  const ledgerError = shownError(finalise.error);

  // Beside each field: what the screen found itself (after a first try to save), else what the ledger said.
  const problems: Record<string, string> = {};
  for (const detail of ledgerError?.details ?? []) problems[fieldOfPath(detail.path)] ??= detail.message;
  // A refusal of the whole bill (its maths, a duplicate bill number) still has a box it is about.
  const refusedField =
    ledgerError && ledgerError.details.length === 0 ? fieldOfRefusal(shopMessageOf(finalise.error)) : null;
  if (refusedField && ledgerError) problems[refusedField] ??= ledgerError.message;
  const liveField = totals?.ok === false ? fieldOfRefusal(shopMessageOf(totals.error)) : null;
  if (liveField && totals?.ok === false) problems[liveField] ??= shownError(totals.error)?.message ?? '';
  if (shown)
    for (const [field, problem] of Object.entries(read.problems)) problems[field] = t(problem.key, problem.values);
  const placed = ledgerError && (ledgerError.details.length > 0 || refusedField !== null);

  const focusScan = () => requestAnimationFrame(() => scanBox.current?.focus());
  // A line just put on the bill takes the keyboard at its quantity, once it is on screen.
  const newLine = useRef(false);
  useEffect(() => {
    if (!newLine.current) return;
    newLine.current = false;
    const last = draft.lines.length - 1;
    const box = lineRow.current?.querySelector<HTMLInputElement>(`[data-line="${last}"][data-field="qty"]`);
    box?.focus();
    box?.select();
  }, [draft.lines.length]);

  const addItem = (item: PurchaseItem, qty = '1') => {
    newLine.current = true;
    dispatch({ type: 'add', item, qty });
    setScanError(null);
    setSaved(null);
  };

  const scan = async (text: string) => {
    setScanError(null);
    const code = text.trim();
    if (!code) return;
    try {
      const found = await client.catalogue.lookup.query({ code });
      return addItem(found.item, found.qtyMilli ? formatQuantity(found.qtyMilli) : '1');
    } catch (error) {
      if (errorCode(error) !== 'NOT_FOUND') return setScanError(error);
    }
    try {
      const items = await client.catalogue.search.query({ query: code, limit: 20 });
      if (items.length === 1) return addItem(items[0]!);
      if (items.length === 0) return setScanError(new Error(t('billing.notFound', { code })));
      setHits({ query: code, items });
    } catch (error) {
      setScanError(error);
    }
  };

  const save = () => {
    setShown(true);
    setSaved(null);
    if (Object.keys(read.problems).length > 0 || !okTotals || !draft.supplier || !read.invoiceDate) return;
    finalise.mutate({
      id: draft.id,
      supplierId: draft.supplier.id,
      supplierInvoiceNumber: draft.invoiceNumber.trim(),
      supplierInvoiceDate: read.invoiceDate,
      reverseCharge: draft.reverseCharge,
      ratesIncludeTax: draft.ratesIncludeTax,
      freightPaise: read.freightPaise,
      lines: read.lines,
      payments:
        read.payPaise > 0
          ? [
              {
                mode: draft.payMode,
                amountPaise: read.payPaise,
                reference: draft.payReference.trim(),
                chequeDate: draft.payMode === 'cheque' ? read.chequeDate : null,
              },
            ]
          : [],
      ...(draft.purchaseOrderId ? { purchaseOrderId: draft.purchaseOrderId } : {}),
    });
  };

  /** F8 twice: the bill on screen is thrown away (the first press only asks). */
  const clear = () => {
    if (!clearArmed) return setClearArmed(true);
    setClearArmed(false);
    setNotice(null);
    setShown(false);
    finalise.reset();
    dispatch({ type: 'reset', id: crypto.randomUUID() });
  };

  useHotkeys(
    {
      F2: save,
      F8: clear,
      F3: () => {
        dispatch({ type: 'supplier', supplier: null });
        requestAnimationFrame(() => supplierBox.current?.focus());
      },
      Escape: onBack,
    },
    hits === null,
  );

  const onScanKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const text = scanText;
    setScanText('');
    void scan(text);
  };

  /** In a line's box: Enter goes back to the scan box for the next item; Ctrl+Delete takes the line off. */
  const onLineKey = (index: number) => (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      focusScan();
    } else if (event.key === 'Delete' && event.ctrlKey) {
      event.preventDefault();
      dispatch({ type: 'remove', index });
      focusScan();
    }
  };

  const field = (key: string, label: string, control: ReactNode, testId = key) => (
    <label className={problems[key] ? 'field invalid' : 'field'}>
      <span>{label}</span>
      {control}
      {problems[key] && (
        <span className="field-error" role="alert" data-testid={`purchase-error-${testId}`}>
          {problems[key]}
        </span>
      )}
    </label>
  );

  const lineInput = (index: number, name: 'qty' | 'freeQty' | 'rate' | 'discount' | 'hsn', value: string) => {
    const key = `lines.${index}.${name}`;
    return (
      <td className={problems[key] ? 'invalid' : undefined}>
        <input
          className="cell-input"
          inputMode={name === 'hsn' ? 'numeric' : 'decimal'}
          data-line={index}
          data-field={name}
          data-testid={`line-${name}`}
          aria-label={t(`purchases.columns.${name}`)}
          aria-invalid={problems[key] ? true : undefined}
          value={value}
          onFocus={() => dispatch({ type: 'select', index })}
          onChange={(event) => dispatch({ type: 'line', index, field: name, value: event.target.value })}
          onKeyDown={onLineKey(index)}
        />
        {problems[key] && (
          <span className="field-error" role="alert" data-testid={`purchase-error-line-${name}`}>
            {problems[key]}
          </span>
        )}
      </td>
    );
  };

  const payPaise = read.payPaise;
  const creditPaise = okTotals ? Math.max(0, okTotals.totalPaise - payPaise) : 0;
  return (
    <div className="purchase-form billing" data-testid="purchase-form">
      <section className="bill-main">
        <div className="toolbar">
          <button type="button" onClick={onBack} tabIndex={-1}>
            ← {t('purchases.backToList')} <kbd>Esc</kbd>
          </button>
          <h1>{t('purchases.newBill')}</h1>
        </div>
        {restoredId === draft.id && (
          <div className="notice" data-testid="purchase-draft-restored">
            {t('purchases.draftRestored')}
          </div>
        )}
        {draft.purchaseOrderNumber && (
          <div className="notice" data-testid="purchase-receiving">
            {t('purchases.receiving', { order: draft.purchaseOrderNumber })}
          </div>
        )}
        {notice && (
          <div className="warning" data-testid="purchase-notice">
            {notice}
          </div>
        )}
        {clearArmed && (
          <div className="warning" data-testid="purchase-clear-armed">
            {t('purchases.clearAsk')}
          </div>
        )}
        {saved && (
          <div className="notice" data-testid="purchase-saved">
            {t('purchases.saved', {
              number: saved.number,
              supplier: saved.supplier,
              total: formatRupees(saved.totalPaise),
              paid: formatRupees(saved.paidPaise),
              credit: formatRupees(saved.payablePaise),
            })}
          </div>
        )}
        <div className="field-grid purchase-head">
          <SupplierPicker
            supplier={draft.supplier}
            onChoose={(supplier) => {
              dispatch({ type: 'supplier', supplier });
              if (supplier)
                requestAnimationFrame(() =>
                  document.querySelector<HTMLInputElement>('[data-testid="purchase-invoice-number"]')?.focus(),
                );
            }}
            error={problems.supplier}
            inputRef={supplierBox}
            autoFocus={!draft.supplier}
          />
          {field(
            'invoiceNumber',
            t('purchases.invoiceNumber'),
            <input
              data-testid="purchase-invoice-number"
              autoComplete="off"
              value={draft.invoiceNumber}
              aria-invalid={problems.invoiceNumber ? true : undefined}
              onChange={(event) => dispatch({ type: 'field', field: 'invoiceNumber', value: event.target.value })}
            />,
          )}
          {field(
            'invoiceDate',
            t('purchases.invoiceDate'),
            <input
              data-testid="purchase-invoice-date"
              autoComplete="off"
              placeholder={t('purchases.datePlaceholder')}
              value={draft.invoiceDate}
              aria-invalid={problems.invoiceDate ? true : undefined}
              onChange={(event) => dispatch({ type: 'field', field: 'invoiceDate', value: event.target.value })}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                focusScan();
              }}
            />,
          )}
          {field(
            'freight',
            t('purchases.freight'),
            <input
              data-testid="purchase-freight"
              inputMode="decimal"
              placeholder="0.00"
              value={draft.freight}
              aria-invalid={problems.freight ? true : undefined}
              onChange={(event) => dispatch({ type: 'field', field: 'freight', value: event.target.value })}
            />,
          )}
          <label className="field check">
            <span>
              <input
                type="checkbox"
                data-testid="purchase-rates-include-tax"
                checked={draft.ratesIncludeTax}
                onChange={(event) => dispatch({ type: 'flag', field: 'ratesIncludeTax', value: event.target.checked })}
              />{' '}
              {t('purchases.ratesIncludeTax')}
            </span>
            {problems.ratesIncludeTax && (
              <span className="field-error" role="alert" data-testid="purchase-error-ratesIncludeTax">
                {problems.ratesIncludeTax}
              </span>
            )}
          </label>
          <label className="field check">
            <span>
              <input
                type="checkbox"
                data-testid="purchase-reverse-charge"
                checked={draft.reverseCharge}
                onChange={(event) => dispatch({ type: 'flag', field: 'reverseCharge', value: event.target.checked })}
              />{' '}
              {t('purchases.reverseCharge')}
            </span>
          </label>
        </div>
        <input
          ref={scanBox}
          className="scan-box"
          data-testid="purchase-scan"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('purchases.scanPlaceholder')}
          value={scanText}
          onChange={(event) => setScanText(event.target.value)}
          onKeyDown={onScanKey}
        />
        <ErrorNote error={scanError} testId="purchase-scan-error" />
        {problems.lines && (
          <div className="field-error" role="alert" data-testid="purchase-error-lines">
            {problems.lines}
          </div>
        )}
        <div className="bill-scroll">
          <table className="grid purchase-lines" data-testid="purchase-lines">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('purchases.columns.item')}</th>
                <th>{t('purchases.columns.hsn')}</th>
                <th className="num">{t('purchases.columns.qty')}</th>
                <th className="num">{t('purchases.columns.freeQty')}</th>
                <th className="num">{t('purchases.columns.rate')}</th>
                <th className="num">{t('purchases.columns.discount')}</th>
                <th>{t('purchases.columns.gst')}</th>
                <th className="num">{t('purchases.columns.taxable')}</th>
                <th className="num">{t('purchases.columns.tax')}</th>
                <th className="num">{t('purchases.columns.total')}</th>
                <th />
              </tr>
            </thead>
            <tbody ref={lineRow}>
              {draft.lines.map((line, index) => {
                const figures = okTotals?.lines[index];
                return (
                  <tr key={line.key} className={index === draft.selected ? 'selected' : ''} data-testid="purchase-line">
                    <td>{index + 1}</td>
                    <td>
                      {line.item.name} <span className="muted small">{line.item.unit}</span>
                    </td>
                    {lineInput(index, 'hsn', line.hsn)}
                    {lineInput(index, 'qty', line.qty)}
                    {lineInput(index, 'freeQty', line.freeQty)}
                    {lineInput(index, 'rate', line.rate)}
                    {lineInput(index, 'discount', line.discount)}
                    <td>
                      <select
                        data-line={index}
                        data-testid="line-gst"
                        aria-label={t('purchases.columns.gst')}
                        value={line.gstRateBp}
                        onFocus={() => dispatch({ type: 'select', index })}
                        onChange={(event) =>
                          dispatch({ type: 'line-gst', index, gstRateBp: Number(event.target.value) })
                        }
                        onKeyDown={onLineKey(index)}
                      >
                        {GST_RATES_BP.map((rate) => (
                          <option key={rate} value={rate}>
                            {rate / 100}%
                          </option>
                        ))}
                      </select>
                      {problems[`lines.${index}.gst`] && (
                        <span className="field-error" role="alert" data-testid="purchase-error-line-gst">
                          {problems[`lines.${index}.gst`]}
                        </span>
                      )}
                    </td>
                    <td className="num">{figures ? formatRupees(figures.taxablePaise) : '…'}</td>
                    <td className="num">{figures ? formatRupees(figures.taxPaise) : '…'}</td>
                    <td className="num" data-testid="line-total">
                      {figures ? formatRupees(figures.totalPaise) : '…'}
                    </td>
                    <td>
                      <button
                        type="button"
                        tabIndex={-1}
                        className="secondary small"
                        aria-label={t('purchases.removeLine')}
                        onClick={() => dispatch({ type: 'remove', index })}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="hint">{t('purchases.formHint')}</p>
      </section>
      <aside className="bill-side">
        <div className="summary" data-testid="purchase-summary">
          {totals?.ok === false && !liveField && (
            <div className="error" role="alert" data-testid="purchase-totals-error">
              {shownError(totals.error)?.message}
            </div>
          )}
          {okTotals && (
            <>
              <Figure label={t('billing.gross')} paise={okTotals.grossPaise} />
              {okTotals.discountPaise > 0 && <Figure label={t('billing.discount')} paise={-okTotals.discountPaise} />}
              <Figure label={t('billing.taxable')} paise={okTotals.taxablePaise} testId="purchase-taxable" />
              {okTotals.interState ? (
                <Figure label={t('purchases.igst')} paise={okTotals.igstPaise} testId="purchase-igst" />
              ) : (
                <>
                  <Figure label={t('purchases.cgst')} paise={okTotals.cgstPaise} testId="purchase-cgst" />
                  <Figure label={t('purchases.sgst')} paise={okTotals.sgstPaise} testId="purchase-sgst" />
                </>
              )}
              {okTotals.cessPaise > 0 && <Figure label={t('purchases.cess')} paise={okTotals.cessPaise} />}
              {okTotals.freightPaise > 0 && (
                <Figure label={t('purchases.freight')} paise={okTotals.freightPaise} testId="purchase-freight-total" />
              )}
              {okTotals.roundOffPaise !== 0 && <Figure label={t('billing.roundOff')} paise={okTotals.roundOffPaise} />}
              {okTotals.reverseCharge && (
                <div className="muted small" data-testid="purchase-rcm-note">
                  {t('purchases.reverseChargeNote', { tax: formatRupees(okTotals.reverseChargeTaxPaise) })}
                </div>
              )}
            </>
          )}
          <Figure label={t('billing.total')} paise={okTotals?.totalPaise ?? 0} testId="purchase-total" strong />
        </div>
        <div className="card inline-form" data-testid="purchase-pay">
          <h3>{t('purchases.payNow')}</h3>
          <label>
            {t('khata.mode')}
            <select
              value={draft.payMode}
              data-testid="purchase-pay-mode"
              onChange={(event) => dispatch({ type: 'pay-mode', mode: event.target.value as PayMode })}
            >
              {PAY_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`purchases.modes.${mode}`)}
                </option>
              ))}
            </select>
          </label>
          {field(
            'payAmount',
            t('khata.amount'),
            <input
              inputMode="decimal"
              data-testid="purchase-pay-amount"
              placeholder="0.00"
              value={draft.payAmount}
              onChange={(event) => dispatch({ type: 'field', field: 'payAmount', value: event.target.value })}
            />,
          )}
          {field(
            'payReference',
            draft.payMode === 'cheque' ? t('purchases.chequeNumber') : t('payment.reference'),
            <input
              data-testid="purchase-pay-reference"
              value={draft.payReference}
              onChange={(event) => dispatch({ type: 'field', field: 'payReference', value: event.target.value })}
            />,
          )}
          {draft.payMode === 'cheque' &&
            field(
              'chequeDate',
              t('purchases.chequeDate'),
              <input
                data-testid="purchase-cheque-date"
                placeholder={t('purchases.datePlaceholder')}
                value={draft.chequeDate}
                onChange={(event) => dispatch({ type: 'field', field: 'chequeDate', value: event.target.value })}
              />,
            )}
          <Figure label={t('purchases.onCredit')} paise={creditPaise} testId="purchase-on-credit" />
          <button type="button" onClick={save} disabled={finalise.isPending} data-testid="purchase-finalise">
            {t('purchases.finalise')} <kbd>F2</kbd>
          </button>
          <button type="button" className="secondary" onClick={clear} data-testid="purchase-clear">
            {t('purchases.clear')} <kbd>F8</kbd>
          </button>
          {ledgerError && (
            <div className="error" role="alert" data-testid="purchase-error">
              {placed ? t('purchases.fixFields') : ledgerError.message}
            </div>
          )}
          <p className="muted small">
            {t('purchases.today', { date: shopDate(today) })} · {me.name}
          </p>
        </div>
      </aside>
      {hits && (
        <SearchDialog
          query={hits.query}
          items={hits.items as Parameters<typeof SearchDialog>[0]['items']}
          onClose={() => {
            setHits(null);
            focusScan();
          }}
          onChoose={(item) => {
            setHits(null);
            addItem(item as unknown as PurchaseItem);
          }}
        />
      )}
    </div>
  );
}
