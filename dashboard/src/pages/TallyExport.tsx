// The Tally export for the shop's accountant: a date range typed as dd-mm-yyyy, the ledger mapping (which ledger in
// their Tally company each of Galla's accounts posts to, kept per shop) and the download of the range's vouchers as XML.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endOfMonth, format, parseISO, startOfMonth, subMonths } from 'date-fns';
import { tallyAccountLabel, tallyRangeProblem, type TallyLedgerRow } from '../../../src-shared/contracts/tally';
import { fillTemplate, SHOP_MESSAGES_EN, SHOP_MESSAGES_HI, type ShopMessage } from '../../../src-shared/shop-messages';
import { readShopDate } from '../../../src-shared/shop-time';
import { useTRPC } from '../trpc';
import { date, shopToday } from '../format';
import { Field } from '../components/Field';
import { DateBox } from '../components/RangePicker';
import { saveFile } from '../components/ExportButtons';

/** A shop-language message in English with the Hindi beneath it. */
function BothLanguages({ message }: { message: ShopMessage }) {
  return (
    <>
      {fillTemplate(SHOP_MESSAGES_EN[message.key], message.params)}
      <span lang="hi" className="hindi">
        {fillTemplate(SHOP_MESSAGES_HI[message.key], message.params)}
      </span>
    </>
  );
}

/** A refusal from the server: English, and Hindi beneath it when it is a shop-language message. */
function ServerProblem({ error }: { error: { message: string; data?: unknown } | null }) {
  if (!error) return null;
  const shop = (error.data as { shop?: ShopMessage | null } | undefined)?.shop ?? null;
  return (
    <div className="error" role="alert" data-testid="tally-problem">
      <p>{error.message}</p>
      {shop && <p lang="hi">{fillTemplate(SHOP_MESSAGES_HI[shop.key], shop.params)}</p>}
    </div>
  );
}

type Problems = { from?: ShopMessage; to?: ShopMessage };

function readTyped(typed: { from: string; to: string }): { range: { from: string; to: string } } | Problems {
  const problems: Problems = {};
  const entry = (text: string): ShopMessage | string => {
    const read = readShopDate(text);
    if ('date' in read) return read.date;
    return { key: read.problem === 'unreadable' ? 'dateUnreadable' : 'dateNoSuchDay' };
  };
  const from = entry(typed.from);
  const to = entry(typed.to);
  if (typeof from !== 'string') problems.from = from;
  if (typeof to !== 'string') problems.to = to;
  if (typeof from === 'string' && typeof to === 'string') {
    const problem = tallyRangeProblem({ from, to });
    if (!problem) return { range: { from, to } };
    if (problem.key === 'tallyRangeBeforeGst') problems.from = problem;
    else problems.to = problem;
  }
  return problems;
}

/** Last month, the range an accountant usually imports. */
function lastMonthTyped() {
  const first = startOfMonth(subMonths(parseISO(shopToday()), 1));
  return { from: date(format(first, 'yyyy-MM-dd')), to: date(format(endOfMonth(first), 'yyyy-MM-dd')) };
}

function ExportForm() {
  const trpc = useTRPC();
  const [typed, setTyped] = useState(lastMonthTyped);
  const [problems, setProblems] = useState<Problems>({});
  const exporting = useMutation(trpc.tally.export.mutationOptions({ onSuccess: saveFile }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    exporting.reset();
    const read = readTyped(typed);
    if (!('range' in read)) return setProblems(read);
    setProblems({});
    exporting.mutate(read.range);
  };
  const problem = (message: ShopMessage | undefined) => (message ? <BothLanguages message={message} /> : undefined);
  return (
    <form className="card form-card" onSubmit={submit} noValidate data-testid="tally-export">
      <h2>Export vouchers for Tally</h2>
      <p className="muted">
        Sales, credit notes, purchases, debit notes, khata receipts and supplier payments of these days, as vouchers
        Tally imports (Gateway of Tally → Import → Transactions). The ledgers must exist in the company first.
      </p>
      <div className="row">
        <Field label="From" problem={problem(problems.from)}>
          <DateBox value={typed.from} onChange={(from) => setTyped({ ...typed, from })} />
        </Field>
        <Field label="To" problem={problem(problems.to)}>
          <DateBox value={typed.to} onChange={(to) => setTyped({ ...typed, to })} />
        </Field>
      </div>
      <ServerProblem error={exporting.error} />
      <button type="submit" disabled={exporting.isPending}>
        {exporting.isPending ? 'Preparing…' : 'Download Tally XML'}
      </button>
    </form>
  );
}

function LedgerTable({ rows, canEdit }: { rows: TallyLedgerRow[]; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(rows);
  const save = useMutation(
    trpc.tally.saveLedgers.mutationOptions({
      onSuccess: (saved) => {
        setDraft(saved.rows);
        queryClient.setQueryData(trpc.tally.ledgers.queryKey(), saved);
      },
    }),
  );
  const setLedger = (index: number, ledger: string) => {
    save.reset();
    setDraft((now) => now.map((row, at) => (at === index ? { ...row, ledger } : row)));
  };
  return (
    <form
      className="card"
      data-testid="tally-ledgers"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ rows: draft });
      }}
    >
      <h2>Ledger mapping</h2>
      <p className="muted">
        Each account of Galla&apos;s books and the ledger it posts to in Tally, named exactly as in the Tally company.
        Customers and suppliers post to a ledger of their own name; bills without a customer to the walk-in ledger.
      </p>
      <table className="ledger-map">
        <thead>
          <tr>
            <th>Galla account</th>
            <th>Tally ledger</th>
          </tr>
        </thead>
        <tbody>
          {draft.map((row, index) => {
            const label = tallyAccountLabel(row.account, row.rateBp);
            return (
              <tr key={`${row.account}@${row.rateBp ?? ''}`}>
                <th scope="row">{label}</th>
                <td>
                  <input
                    aria-label={`Tally ledger for ${label}`}
                    value={row.ledger}
                    maxLength={100}
                    disabled={!canEdit}
                    onChange={(event) => setLedger(index, event.target.value)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {save.error && <p className="error">{save.error.message}</p>}
      {canEdit ? (
        <div className="row">
          <button type="submit" disabled={save.isPending}>
            Save ledgers
          </button>
          {save.isSuccess && <span role="status">Saved.</span>}
        </div>
      ) : (
        <p className="muted">Only the shop&apos;s owner changes the ledgers.</p>
      )}
    </form>
  );
}

export function TallyExportPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.accounts.me.queryOptions());
  const ledgers = useQuery(trpc.tally.ledgers.queryOptions());
  return (
    <div className="page grid">
      <ExportForm />
      {ledgers.data && <LedgerTable rows={ledgers.data.rows} canEdit={me.data?.role === 'owner'} />}
    </div>
  );
}
