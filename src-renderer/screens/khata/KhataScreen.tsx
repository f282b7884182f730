// Khata: customers with balances (↑/↓, Enter opens one), a new party, and the overdue ageing of who owes what.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { formatRupees, parseRupees } from '../../../src-shared/money';
import { pickListKeys, type PickOption } from '../billing/PickList';
import { PartyDetail } from './PartyDetail';
import { AgeingTable } from './AgeingTable';

function NewParty({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', phone: '', gstin: '', creditLimit: '' });
  const [localError, setLocalError] = useState<unknown>(null);
  const create = useMutation(
    trpc.parties.create.mutationOptions({
      onSuccess: (party) => {
        void queryClient.invalidateQueries({ queryKey: trpc.parties.list.queryKey() });
        setForm({ name: '', phone: '', gstin: '', creditLimit: '' });
        onCreated(party.id);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      const creditLimitPaise = form.creditLimit.trim() ? parseRupees(form.creditLimit) : null;
      setLocalError(null);
      create.mutate({ name: form.name, phone: form.phone, gstin: form.gstin.trim() || null, creditLimitPaise });
    } catch (error) {
      setLocalError(error);
    }
  };
  const input = (key: keyof typeof form, label: string) => (
    <label>
      {label}
      <input
        value={form[key]}
        data-testid={`party-${key}`}
        onChange={(event) => setForm({ ...form, [key]: event.target.value })}
      />
    </label>
  );
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="new-party">
      <h3>{t('khata.newParty')}</h3>
      {input('name', t('khata.name'))}
      {input('phone', t('khata.phone'))}
      {input('gstin', t('settings.gstin'))}
      {input('creditLimit', t('khata.creditLimit'))}
      <button type="submit">{t('common.create')}</button>
      <ErrorNote error={localError ?? create.error} />
    </form>
  );
}

export function KhataScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [tab, setTab] = useState<'parties' | 'ageing'>('parties');
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

  if (openId) return <PartyDetail partyId={openId} onBack={() => setOpenId(null)} />;
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
      </div>
      {tab === 'ageing' ? (
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
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="hint">{t('common.pickHint')}</p>
            <ErrorNote error={parties.error} />
          </section>
          <NewParty onCreated={() => undefined} />
        </div>
      )}
    </div>
  );
}
