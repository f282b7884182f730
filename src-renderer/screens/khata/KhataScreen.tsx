// Khata: customers with balances (↑/↓, Enter opens one), a new customer, the overdue ageing of who owes what, and the
// suppliers' side (what the shop owes them).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees } from '../../../src-shared/money';
import type { Me } from '../../app/App';
import { pickListKeys, type PickOption } from '../billing/PickList';
import { PartyDetail } from './PartyDetail';
import { AgeingTable } from './AgeingTable';
import { PartyForm } from './PartyForm';
import { SuppliersTab } from './SuppliersTab';
import { SupplierDetail } from './SupplierDetail';

export function KhataScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [tab, setTab] = useState<'parties' | 'ageing' | 'suppliers'>('parties');
  const parties = useQuery({
    ...trpc.parties.list.queryOptions({ query, limit: 200 }),
    placeholderData: (previous) => previous,
  });
  const rows = parties.data?.rows ?? [];
  const options: PickOption[] = rows.map((party) => ({
    key: party.id,
    label: party.name,
    onPick: () => setOpenId(party.id),
  }));

  if (openId) return <PartyDetail partyId={openId} me={me} onBack={() => setOpenId(null)} />;
  if (supplierId) return <SupplierDetail partyId={supplierId} me={me} onBack={() => setSupplierId(null)} />;
  return (
    <div className="khata">
      <div className="toolbar">
        <h1>{t('khata.title')}</h1>
        <button type="button" className={tab === 'parties' ? 'active' : ''} onClick={() => setTab('parties')}>
          {t('khata.parties')}
        </button>
        <button
          type="button"
          className={tab === 'ageing' ? 'active' : ''}
          onClick={() => setTab('ageing')}
          data-testid="ageing-tab"
        >
          {t('khata.ageing')}
        </button>
        <button
          type="button"
          className={tab === 'suppliers' ? 'active' : ''}
          onClick={() => setTab('suppliers')}
          data-testid="suppliers-tab"
        >
          {t('suppliers.tab')}
        </button>
      </div>
      {tab === 'suppliers' ? (
        <SuppliersTab me={me} onOpen={setSupplierId} />
      ) : tab === 'ageing' ? (
        <AgeingTable />
      ) : (
        <div className="split">
          <section>
            <input
              autoFocus
              data-testid="party-search"
              placeholder={t('khata.search')}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
              }}
              onKeyDown={(event) => pickListKeys(event, options, active, setActive)}
            />
            <table className="grid" data-testid="party-list">
              <thead>
                <tr>
                  <th>{t('khata.name')}</th>
                  <th>{t('khata.phone')}</th>
                  <th className="num">{t('khata.creditLimit')}</th>
                  <th className="num">{t('khata.balance')}</th>
                  <th className="num">{t('suppliers.weOwe')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((party, index) => (
                  <tr
                    key={party.id}
                    className={index === active ? 'selected' : ''}
                    aria-selected={index === active}
                    onClick={() => setOpenId(party.id)}
                    data-testid="party-row"
                  >
                    <td>{party.name}</td>
                    <td>{party.phone}</td>
                    <td className="num">
                      {party.creditLimitPaise === null ? '—' : formatRupees(party.creditLimitPaise)}
                    </td>
                    <td className={party.balancePaise > 0 ? 'num owing' : 'num'} data-testid="party-balance">
                      {formatRupees(party.balancePaise)}
                    </td>
                    <td className="num" data-testid="party-payable">
                      {party.payablePaise ? formatRupees(party.payablePaise) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="hint">{t('common.pickHint')}</p>
            <ErrorNote error={parties.error} />
          </section>
          <section className="card" data-testid="new-party">
            <h3>{t('khata.newParty')}</h3>
            <PartyForm party={null} canEditCredit onSaved={() => undefined} testId="new-party-form" autoFocus={false} />
          </section>
        </div>
      )}
    </div>
  );
}
