// Invoices: newest first, search by number; ↑/↓ and Enter open one for reprint or return.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';
import type { Me } from '../../app/App';
import { pickListKeys, type PickOption } from '../billing/PickList';
import { InvoiceDetail } from './InvoiceDetail';
import { shopDateTime } from '../../../src-shared/shop-time';

export function InvoicesScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [number, setNumber] = useState('');
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.sales.list.queryOptions({ limit: 100, ...(number.trim() ? { number: number.trim() } : {}) }),
    placeholderData: (previous) => previous,
  });
  const rows = list.data?.rows ?? [];
  const options: PickOption[] = rows.map((invoice) => ({
    key: invoice.id,
    label: invoice.number,
    onPick: () => setOpenId(invoice.id),
  }));
  if (openId) return <InvoiceDetail id={openId} me={me} onBack={() => setOpenId(null)} />;
  return (
    <div className="invoices">
      <div className="toolbar">
        <h1>{t('invoices.title')}</h1>
        <input
          autoFocus
          data-testid="invoice-search"
          placeholder={t('invoices.search')}
          value={number}
          onChange={(event) => {
            setNumber(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => pickListKeys(event, options, active, setActive)}
        />
        <span className="muted">{t('invoices.count', { count: list.data?.total ?? 0 })}</span>
      </div>
      <table className="grid" data-testid="invoice-list">
        <thead>
          <tr>
            <th>{t('invoices.number')}</th>
            <th>{t('invoices.date')}</th>
            <th>{t('billing.customer')}</th>
            <th className="num">{t('payment.khata')}</th>
            <th className="num">{t('billing.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((invoice, index) => (
            <tr
              key={invoice.id}
              className={index === active ? 'selected' : ''}
              aria-selected={index === active}
              onClick={() => setOpenId(invoice.id)}
              data-testid="invoice-row"
            >
              <td>{invoice.number}</td>
              <td>{shopDateTime(invoice.createdAt)}</td>
              <td>{invoice.partyName || t('billing.walkIn')}</td>
              <td className="num">{invoice.khataPaise ? formatRupees(invoice.khataPaise) : ''}</td>
              <td className="num">{formatRupees(invoice.totalPaise)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('common.pickHint')}</p>
      <ErrorNote error={list.error} />
    </div>
  );
}
