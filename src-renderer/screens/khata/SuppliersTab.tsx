// Khata's other side: the suppliers with what the shop owes each (payables) and, for one who also buys, what they owe
// the shop (never netted); ↑/↓ and Enter open one; a new supplier; and the ageing of what the shop owes.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';
import type { Me } from '../../app/App';
import { pickListKeys, type PickOption } from '../billing/PickList';
import { PartyForm } from './PartyForm';
import { PayablesAgeing } from './PayablesAgeing';

export function SuppliersTab({ me, onOpen }: { me: Me; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [view, setView] = useState<'list' | 'ageing'>('list');
  const suppliers = useQuery({
    ...trpc.parties.list.queryOptions({ query, kind: 'supplier', limit: 200 }),
    placeholderData: (previous) => previous,
  });
  const summary = useQuery(trpc.payables.summary.queryOptions({}));
  const rows = suppliers.data?.rows ?? [];
  const options: PickOption[] = rows.map((party) => ({
    key: party.id,
    label: party.name,
    onPick: () => onOpen(party.id),
  }));
  return (
    <div className="split" data-testid="suppliers">
      <section>
        <div className="toolbar">
          <input
            autoFocus
            data-testid="supplier-search"
            placeholder={t('suppliers.search')}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => pickListKeys(event, options, active, setActive)}
          />
          <button
            type="button"
            className={view === 'list' ? 'active' : ''}
            onClick={() => setView('list')}
            data-testid="suppliers-list-view"
          >
            {t('suppliers.list')}
          </button>
          <button
            type="button"
            className={view === 'ageing' ? 'active' : ''}
            onClick={() => setView('ageing')}
            data-testid="suppliers-ageing-view"
          >
            {t('khata.ageing')}
          </button>
          <span className="spacer" />
          <span className="big-figure">
            {t('suppliers.dueTotal')}:{' '}
            <strong data-testid="suppliers-due-total">
              {summary.data ? formatRupees(summary.data.dueToSuppliersPaise) : '…'}
            </strong>
          </span>
        </div>
        {view === 'ageing' ? (
          <PayablesAgeing />
        ) : (
          <>
            <table className="grid" data-testid="supplier-list">
              <thead>
                <tr>
                  <th>{t('khata.name')}</th>
                  <th>{t('khata.phone')}</th>
                  <th>{t('settings.gstin')}</th>
                  <th className="num">{t('suppliers.weOwe')}</th>
                  <th className="num">{t('suppliers.theyOwe')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((party, index) => (
                  <tr
                    key={party.id}
                    className={index === active ? 'selected' : ''}
                    aria-selected={index === active}
                    onClick={() => onOpen(party.id)}
                    data-testid="supplier-row"
                  >
                    <td>{party.name}</td>
                    <td>{party.phone}</td>
                    <td>{party.gstin ?? ''}</td>
                    <td className={party.payablePaise > 0 ? 'num owing' : 'num'} data-testid="supplier-payable">
                      {formatRupees(party.payablePaise)}
                    </td>
                    <td className="num" data-testid="supplier-receivable">
                      {party.balancePaise ? formatRupees(party.balancePaise) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {suppliers.data && rows.length === 0 && <p className="muted">{t('suppliers.none')}</p>}
            <p className="hint">{t('common.pickHint')}</p>
          </>
        )}
        <ErrorNote error={suppliers.error ?? summary.error} />
      </section>
      <section className="card" data-testid="new-supplier">
        <h3>{t('suppliers.newSupplier')}</h3>
        <PartyForm
          party={null}
          kind="supplier"
          canEditCredit={me.role !== 'cashier'}
          onSaved={() => undefined}
          testId="new-supplier-form"
          autoFocus={false}
        />
      </section>
    </div>
  );
}
