// Purchase orders: the list with each order's state; a new order from low-stock suggestions; one order to edit,
// send, cancel or receive. Cashiers may look; making, sending and cancelling is for a manager.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { useHotkeys } from '../../app/hotkeys';
import type { Me } from '../../app/App';
import { formatRupees } from '../../../src-shared/money';
import { shopDate } from '../../../src-shared/shop-time';
import { PURCHASE_ORDER_STATES, type PurchaseOrderState } from '../../../src-shared/contracts/purchase-orders';
import { pickListKeys, type PickOption } from '../billing/PickList';
import { OrderEditor } from './OrderEditor';
import { OrderDetail } from './OrderDetail';
import type { PurchaseBillPrefill } from './receive-prefill';
import { canOrder } from './order-rights';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'detail'; id: string };

export function PurchaseOrdersScreen({
  me,
  onReceive,
}: {
  me: Me;
  onReceive?: (prefill: PurchaseBillPrefill) => void;
}) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const list = () => setView({ kind: 'list' });
  if (view.kind === 'new') return <OrderEditor onDone={(id) => setView({ kind: 'detail', id })} onBack={list} />;
  if (view.kind === 'edit')
    return (
      <OrderEditor
        id={view.id}
        onDone={(id) => setView({ kind: 'detail', id })}
        onBack={() => setView({ kind: 'detail', id: view.id })}
      />
    );
  if (view.kind === 'detail')
    return (
      <OrderDetail
        id={view.id}
        me={me}
        onBack={list}
        onEdit={() => setView({ kind: 'edit', id: view.id })}
        onReceive={onReceive}
      />
    );
  return <OrderList me={me} onNew={() => setView({ kind: 'new' })} onOpen={(id) => setView({ kind: 'detail', id })} />;
}

function OrderList({ me, onNew, onOpen }: { me: Me; onNew: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [state, setState] = useState<PurchaseOrderState | ''>('');
  const [active, setActive] = useState(0);
  const orders = useQuery(trpc.purchaseOrders.list.queryOptions(state ? { state } : {}));
  const rows = orders.data ?? [];
  const options: PickOption[] = rows.map((order) => ({
    key: order.id,
    label: order.number,
    onPick: () => onOpen(order.id),
  }));
  useHotkeys(canOrder(me) ? { F2: onNew } : {});
  return (
    <div className="purchase-orders" data-testid="purchase-orders">
      <div className="toolbar">
        <h1>{t('purchaseOrders.title')}</h1>
        <label className="field inline">
          <span>{t('purchaseOrders.state')}</span>
          <select
            data-testid="po-state-filter"
            value={state}
            onChange={(event) => setState(event.target.value as PurchaseOrderState | '')}
          >
            <option value="">{t('purchaseOrders.allStates')}</option>
            {PURCHASE_ORDER_STATES.map((value) => (
              <option key={value} value={value}>
                {t(`purchaseOrders.states.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        {canOrder(me) && (
          <button type="button" className="active" onClick={onNew} data-testid="po-new">
            {t('purchaseOrders.new')} <kbd>F2</kbd>
          </button>
        )}
      </div>
      <table
        className="grid"
        data-testid="po-list"
        tabIndex={0}
        ref={(table) => table?.focus({ preventScroll: true })}
        onKeyDown={(event) => pickListKeys(event, options, active, setActive)}
      >
        <thead>
          <tr>
            <th>{t('purchaseOrders.number')}</th>
            <th>{t('purchaseOrders.date')}</th>
            <th>{t('purchaseOrders.supplier')}</th>
            <th>{t('purchaseOrders.state')}</th>
            <th className="num">{t('purchaseOrders.expectedValue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((order, index) => (
            <tr
              key={order.id}
              className={index === active ? 'selected' : ''}
              aria-selected={index === active}
              onClick={() => onOpen(order.id)}
              data-testid="po-row"
            >
              <td>{order.number}</td>
              <td>{shopDate(order.createdAt)}</td>
              <td>{order.supplierName}</td>
              <td>
                <span className={`badge po-${order.state}`} data-testid="po-row-state">
                  {t(`purchaseOrders.states.${order.state}`)}
                </span>
              </td>
              <td className="num">{formatRupees(order.expectedTotalPaise)}</td>
            </tr>
          ))}
          {rows.length === 0 && !orders.isPending && (
            <tr>
              <td colSpan={5} className="muted">
                {t('purchaseOrders.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="hint">{t('common.pickHint')}</p>
      <ErrorNote error={orders.error} />
    </div>
  );
}
