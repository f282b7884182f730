// One supplier bill as recorded: its lines and figures, the returns already made against it (debit notes), and a
// return to the supplier of part of what is still on hand (Enter) for managers and owners.
import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../app/trpc';
import { useHotkeys } from '../../app/hotkeys';
import { ErrorNote } from '../../app/ErrorNote';
import { shownError } from '../../app/errors';
import { formatQuantity, formatRupees, parseQuantity } from '../../../src-shared/money';
import { shopDate, shopDateTime } from '../../../src-shared/shop-time';
import type { Me } from '../../app/App';

type Detail = Outputs['purchases']['get'];

export function PurchaseDetail({ id, me, onBack }: { id: string; me: Me; onBack: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const detail = useQuery(trpc.purchases.get.queryOptions({ id }));
  useHotkeys({ Escape: onBack });
  const bill = detail.data?.bill;
  return (
    <div className="purchase-detail" data-testid="purchase-detail">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          ← {t('common.back')} <kbd>Esc</kbd>
        </button>
        <h1 data-testid="purchase-detail-number">{bill ? bill.number : '…'}</h1>
        {bill && (
          <span className="muted">
            {bill.supplierName} · {t('purchases.invoiceNumber')} {bill.supplierInvoiceNumber} ·{' '}
            {shopDate(bill.supplierInvoiceDate)}
            {bill.reverseCharge ? ` · ${t('purchases.reverseCharge')}` : ''}
          </span>
        )}
        <span className="spacer" />
        {bill && (
          <span className="big-figure">
            {t('billing.total')}: <strong data-testid="purchase-detail-total">{formatRupees(bill.totalPaise)}</strong>
          </span>
        )}
      </div>
      <ErrorNote error={detail.error} />
      {detail.data && (
        <div className="split wide-left">
          <section>
            <BillLines detail={detail.data} />
            <DebitNotes detail={detail.data} />
          </section>
          {me.role !== 'cashier' ? <ReturnToSupplier detail={detail.data} /> : <span />}
        </div>
      )}
    </div>
  );
}

function BillLines({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const { bill } = detail;
  return (
    <table className="grid" data-testid="purchase-detail-lines">
      <thead>
        <tr>
          <th>{t('purchases.columns.item')}</th>
          <th>{t('purchases.columns.hsn')}</th>
          <th className="num">{t('purchases.columns.qty')}</th>
          <th className="num">{t('purchases.columns.freeQty')}</th>
          <th className="num">{t('purchases.columns.rate')}</th>
          <th className="num">{t('purchases.columns.taxable')}</th>
          <th className="num">{t('purchases.columns.tax')}</th>
          <th className="num">{t('purchases.columns.total')}</th>
          <th className="num">{t('purchases.returned')}</th>
        </tr>
      </thead>
      <tbody>
        {detail.lines.map((line) => (
          <tr key={line.id} data-testid="purchase-detail-line">
            <td>{line.name}</td>
            <td>{line.hsn}</td>
            <td className="num">{formatQuantity(line.qtyMilli)}</td>
            <td className="num">{line.freeQtyMilli ? formatQuantity(line.freeQtyMilli) : ''}</td>
            <td className="num">{formatRupees(line.ratePaise)}</td>
            <td className="num">{formatRupees(line.taxablePaise)}</td>
            <td className="num">{formatRupees(line.cgstPaise + line.sgstPaise + line.igstPaise + line.cessPaise)}</td>
            <td className="num">{formatRupees(line.totalPaise)}</td>
            <td className="num">{line.returnedQtyMilli ? formatQuantity(line.returnedQtyMilli) : ''}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={5}>{t('purchases.freight')}</th>
          <th colSpan={4} className="num">
            {formatRupees(bill.freightPaise)}
          </th>
        </tr>
        <tr>
          <th colSpan={5}>{t('billing.total')}</th>
          <th colSpan={4} className="num">
            {formatRupees(bill.totalPaise)}
          </th>
        </tr>
      </tfoot>
    </table>
  );
}

function DebitNotes({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  if (detail.debitNotes.length === 0) return null;
  return (
    <>
      <h3>{t('purchases.debitNotes')}</h3>
      <table className="grid" data-testid="debit-notes">
        <thead>
          <tr>
            <th>{t('purchases.number')}</th>
            <th>{t('khata.date')}</th>
            <th className="num">{t('billing.total')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.debitNotes.map((note) => (
            <tr key={note.id} data-testid="debit-note-row">
              <td>{note.number}</td>
              <td>{shopDateTime(note.createdAt)}</td>
              <td className="num">{formatRupees(note.totalPaise)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Quantities to send back per line (at most what is still returnable); the debit note lowers what the shop owes. */
function ReturnToSupplier({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [qty, setQty] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  // One id per return being entered: a retry after a lost answer is the same debit note, never a second one.
  const [returnId, setReturnId] = useState(() => crypto.randomUUID());
  const create = useMutation(
    trpc.purchases.returnToSupplier.mutationOptions({
      onSuccess: (result) => {
        setDone(t('purchases.returnDone', { number: result.number, total: formatRupees(result.totalPaise) }));
        setQty({});
        setReturnId(crypto.randomUUID());
        void queryClient.invalidateQueries();
      },
    }),
  );
  /** The line ids of the return last sent, in order, so a refusal naming "lines.1" lands beside the right box. */
  const sentLines = useRef<string[]>([]);
  const open = detail.lines.filter((line) => line.returnableQtyMilli > 0);
  const ledgerError = shownError(create.error);
  const ledgerProblems: Record<string, string> = {};
  for (const detailRow of ledgerError?.details ?? []) {
    const index = /^lines\.(\d+)/.exec(detailRow.path)?.[1];
    const line = index === undefined ? undefined : sentLines.current[Number(index)];
    if (line) ledgerProblems[line] ??= detailRow.message;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    const lines: { purchaseBillLineId: string; qtyMilli: number }[] = [];
    for (const line of open) {
      const text = (qty[line.id] ?? '').trim();
      if (!text) continue;
      let qtyMilli: number;
      try {
        qtyMilli = parseQuantity(text);
      } catch {
        found[line.id] = t('purchases.problems.qty');
        continue;
      }
      if (qtyMilli <= 0) found[line.id] = t('purchases.problems.qtyAboveZero');
      else if (qtyMilli > line.returnableQtyMilli)
        found[line.id] = t('purchases.problems.returnTooMuch', { qty: formatQuantity(line.returnableQtyMilli) });
      else lines.push({ purchaseBillLineId: line.id, qtyMilli });
    }
    if (lines.length === 0 && Object.keys(found).length === 0) found.none = t('purchases.problems.returnNothing');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    sentLines.current = lines.map((line) => line.purchaseBillLineId);
    create.mutate({ id: returnId, purchaseBillId: detail.bill.id, lines });
  };
  if (open.length === 0)
    return (
      <div className="card muted" data-testid="purchase-all-returned">
        {done ?? t('purchases.allReturned')}
      </div>
    );
  const shown = { ...ledgerProblems, ...problems };
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="purchase-return-form" noValidate>
      <h3>{t('purchases.returnTitle')}</h3>
      {open.map((line, index) => (
        <label key={line.id} className={shown[line.id] ? 'field invalid' : 'field'}>
          <span>
            {line.name}{' '}
            <span className="muted">({t('invoices.canReturn', { qty: formatQuantity(line.returnableQtyMilli) })})</span>
          </span>
          <input
            autoFocus={index === 0}
            inputMode="decimal"
            data-testid="purchase-return-qty"
            placeholder="0"
            value={qty[line.id] ?? ''}
            onChange={(event) => setQty({ ...qty, [line.id]: event.target.value })}
          />
          {shown[line.id] && (
            <span className="field-error" role="alert" data-testid="purchase-return-error">
              {shown[line.id]}
            </span>
          )}
        </label>
      ))}
      <button type="submit" disabled={create.isPending} data-testid="purchase-return-submit">
        {t('purchases.returnSubmit')} <kbd>Enter</kbd>
      </button>
      {shown.none && (
        <div className="field-error" role="alert" data-testid="purchase-return-error">
          {shown.none}
        </div>
      )}
      {done && (
        <div className="notice" data-testid="purchase-return-done">
          {done}
        </div>
      )}
      {ledgerError && Object.keys(ledgerProblems).length === 0 && <ErrorNote error={create.error} />}
    </form>
  );
}
