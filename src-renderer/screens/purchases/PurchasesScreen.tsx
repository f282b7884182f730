// Purchases: the supplier bills of a date range (by supplier, or searched by number), newest first; ↑/↓ and Enter open
// one, F2 starts a new bill (a bill left half entered comes back).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { subDays } from 'date-fns';
import { useTRPC } from '../../app/trpc';
import { useHotkeys } from '../../app/hotkeys';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';
import { shopBusinessDate, shopDate } from '../../../src-shared/shop-time';
import type { Me } from '../../app/App';
import { pickListKeys, type PickOption } from '../billing/PickList';
import { rangeProblem } from '../reports/range';
import { PurchaseBillForm } from './PurchaseBillForm';
import { PurchaseDetail } from './PurchaseDetail';
import { hasStoredDraft } from './use-purchase-draft';
import type { PurchaseBillPrefill } from '../purchase-orders/receive-prefill';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'detail'; id: string };

export function PurchasesScreen({
  me,
  receiving = null,
  onReceiving,
}: {
  me: Me;
  /** A purchase order being received (from the Orders screen): the new bill starts from it. */
  receiving?: PurchaseBillPrefill | null;
  onReceiving?: () => void;
}) {
  const [view, setView] = useState<View>({ kind: receiving ? 'new' : 'list' });
  const toList = () => setView({ kind: 'list' });
  if (view.kind === 'new')
    return <PurchaseBillForm me={me} onBack={toList} receiving={receiving} onReceiving={onReceiving} />;
  if (view.kind === 'detail') return <PurchaseDetail id={view.id} me={me} onBack={toList} />;
  return (
    <PurchaseList me={me} onNew={() => setView({ kind: 'new' })} onOpen={(id) => setView({ kind: 'detail', id })} />
  );
}

function PurchaseList({ me, onNew, onOpen }: { me: Me; onNew: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [range, setRange] = useState({
    from: shopBusinessDate(subDays(new Date(), 30)),
    to: shopBusinessDate(new Date()),
  });
  const [supplierId, setSupplierId] = useState('');
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const canRecord = me.role !== 'cashier';
  const problem = rangeProblem(range);
  const suppliers = useQuery(trpc.parties.list.queryOptions({ kind: 'supplier', limit: 200 }));
  const list = useQuery({
    ...trpc.purchases.list.queryOptions({
      ...range,
      ...(supplierId ? { supplierId } : {}),
      ...(search.trim() ? { search: search.trim() } : {}),
    }),
    enabled: problem === null,
    placeholderData: (previous) => previous,
  });
  const rows = list.data?.rows ?? [];
  const options: PickOption[] = rows.map((bill) => ({
    key: bill.id,
    label: bill.number,
    onPick: () => onOpen(bill.id),
  }));
  useHotkeys(canRecord ? { F2: onNew } : {});
  const waiting = canRecord && hasStoredDraft(me.id);
  return (
    <div className="purchases" data-testid="purchases">
      <div className="toolbar">
        <h1>{t('purchases.title')}</h1>
        {canRecord && (
          <button type="button" onClick={onNew} data-testid="purchase-new">
            {waiting ? t('purchases.continueBill') : t('purchases.newBill')} <kbd>F2</kbd>
          </button>
        )}
        <span className="spacer" />
        <span className="muted">{t('purchases.count', { count: rows.length })}</span>
      </div>
      {waiting && (
        <div className="notice" data-testid="purchase-draft-waiting">
          {t('purchases.draftWaiting')}
        </div>
      )}
      <div className="toolbar">
        <input
          autoFocus
          data-testid="purchase-search"
          placeholder={t('purchases.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => pickListKeys(event, options, active, setActive)}
        />
        <label>
          {t('purchases.supplier')}{' '}
          <select
            data-testid="purchase-filter-supplier"
            value={supplierId}
            onChange={(event) => setSupplierId(event.target.value)}
          >
            <option value="">{t('purchases.allSuppliers')}</option>
            {suppliers.data?.rows.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('khata.from')}{' '}
          <input
            type="date"
            data-testid="purchase-from"
            value={range.from}
            onChange={(event) => setRange({ ...range, from: event.target.value })}
          />
        </label>
        <label>
          {t('khata.to')}{' '}
          <input
            type="date"
            data-testid="purchase-to"
            value={range.to}
            onChange={(event) => setRange({ ...range, to: event.target.value })}
          />
        </label>
      </div>
      {problem && <div className="warning">{t(`reports.problems.${problem}`)}</div>}
      <table className="grid" data-testid="purchase-list">
        <thead>
          <tr>
            <th>{t('purchases.number')}</th>
            <th>{t('purchases.invoiceDate')}</th>
            <th>{t('purchases.supplier')}</th>
            <th>{t('purchases.invoiceNumber')}</th>
            <th className="num">{t('billing.total')}</th>
            <th className="num">{t('purchases.paid')}</th>
            <th className="num">{t('purchases.onCredit')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((bill, index) => (
            <tr
              key={bill.id}
              className={index === active ? 'selected' : ''}
              aria-selected={index === active}
              onClick={() => onOpen(bill.id)}
              data-testid="purchase-row"
            >
              <td>{bill.number}</td>
              <td>{shopDate(bill.supplierInvoiceDate)}</td>
              <td>{bill.supplierName}</td>
              <td>{bill.supplierInvoiceNumber}</td>
              <td className="num">{formatRupees(bill.totalPaise)}</td>
              <td className="num">{formatRupees(bill.paidPaise)}</td>
              <td className="num">{formatRupees(bill.payablePaise)}</td>
            </tr>
          ))}
        </tbody>
        {list.data && rows.length > 0 && (
          <tfoot>
            <tr>
              <th colSpan={4}>{t('billing.total')}</th>
              <th className="num" data-testid="purchase-list-total">
                {formatRupees(rows.reduce((sum, bill) => sum + bill.totalPaise, 0))}
              </th>
              <th className="num">{formatRupees(rows.reduce((sum, bill) => sum + bill.paidPaise, 0))}</th>
              <th className="num">{formatRupees(rows.reduce((sum, bill) => sum + bill.payablePaise, 0))}</th>
            </tr>
          </tfoot>
        )}
      </table>
      {list.data && rows.length === 0 && <p className="muted">{t('purchases.none')}</p>}
      <p className="hint">{t('common.pickHint')}</p>
      <ErrorNote error={list.error} />
    </div>
  );
}
