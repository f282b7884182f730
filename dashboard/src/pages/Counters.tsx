// Counters: every counter enrolled with the shop (series, last sync, app version, active or revoked); "Add counter"
// gives a one-time enrolment code to type on the counter (Settings → Sync), with a QR code for a 2D scanner; and a
// counter is revoked here, after a confirmation.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createEnrolmentCodeInput } from '../../../src-shared/contracts/accounts';
import { enrolmentLink } from '../../../src-shared/sync/enrol-link';
import { useTRPC, type Outputs } from '../trpc';
import { ago, dateTime } from '../format';
import { useChecked } from '../form';
import { DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { QrCode } from '../components/QrCode';

type CounterRow = Outputs['counters']['list'][number];
interface Enrolment {
  code: string;
  expiresAt: string;
  name: string;
  counterCode: string;
}

/**
 * How far the server has checked this counter's tamper-evident journal: each push carries the chain's head, and the
 * server accepts it only if it extends the last one (server/sync/journal.ts).
 */
function JournalCell({ journal }: { journal: CounterRow['journal'] }) {
  if (journal.refused)
    return (
      <span className="flagged" data-testid="journal-refused">
        Refused: the journal does not continue the one verified{' '}
        {journal.verifiedTo === null ? '' : `up to document ${journal.verifiedTo}`}
      </span>
    );
  if (journal.verifiedTo === null) return <span>Not verified yet</span>;
  return (
    <span title={journal.verifiedAt ? dateTime(journal.verifiedAt) : undefined} data-testid="journal-verified">
      Journal verified up to document {journal.verifiedTo}
    </span>
  );
}

/** The first C1, C2… that no active counter bills as: what a new counter is most likely set to. */
function nextSeries(counters: CounterRow[]): string {
  const used = new Set(counters.filter((counter) => counter.state === 'active').map((counter) => counter.counterCode));
  let n = 1;
  while (used.has(`C${n}`)) n++;
  return `C${n}`;
}

function AddCounterForm({ series, onCreated }: { series: string; onCreated: (enrolment: Enrolment) => void }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState({ name: `Counter ${series.slice(1)}`, counterCode: series });
  const { problems, check } = useChecked(createEnrolmentCodeInput, draft);
  const create = useMutation(trpc.counters.createEnrolmentCode.mutationOptions());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check()) create.mutate(draft, { onSuccess: (result) => onCreated({ ...result, ...draft }) });
  };
  return (
    <form className="card form-card" onSubmit={submit} noValidate data-testid="add-counter-form">
      <h2>Add counter</h2>
      <Field label="Counter name" problem={problems.name} hint="What you call it, such as “Front desk”.">
        <input value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
      </Field>
      <Field
        label="Series"
        problem={problems.counterCode}
        hint="The counter’s “Counter series” in its Settings → Counter and billing (a new counter is C1)."
      >
        <input
          value={draft.counterCode}
          maxLength={8}
          autoComplete="off"
          onChange={(event) => setDraft({ ...draft, counterCode: event.target.value.toUpperCase() })}
        />
      </Field>
      {create.error && <p className="error">{create.error.message}</p>}
      <button type="submit" disabled={create.isPending}>
        Get enrolment code
      </button>
    </form>
  );
}

function EnrolmentCard({ enrolment, onDone }: { enrolment: Enrolment; onDone: () => void }) {
  const serverUrl = window.location.origin;
  return (
    <section className="card enrolment" data-testid="enrolment">
      <h2>
        Enrol {enrolment.name} ({enrolment.counterCode})
      </h2>
      <div className="enrolment-body">
        <ol className="steps">
          <li>
            On the counter, log in as the owner and open <strong>Settings → Sync</strong>.
          </li>
          <li>
            Type the server address: <code data-testid="enrolment-url">{serverUrl}</code>
          </li>
          <li>
            Type the one-time code:
            <span className="code" data-testid="enrolment-code">
              {enrolment.code}
            </span>
            <span className="muted" data-testid="enrolment-expiry">
              Works once, until {dateTime(enrolment.expiresAt)}.
            </span>
          </li>
          <li>
            Press <strong>Enrol this counter</strong>. Its counter series must be{' '}
            <strong>{enrolment.counterCode}</strong>.
          </li>
        </ol>
        <figure>
          <QrCode text={enrolmentLink(serverUrl, enrolment.code)} label="QR code with the server address and code" />
          <figcaption className="muted">Or scan this into the Server address box with a 2D barcode scanner.</figcaption>
        </figure>
      </div>
      <div className="row">
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}

function RevokeCell({ row, canRevoke }: { row: CounterRow; canRevoke: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.counters.revoke.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.counters.list.queryKey() }),
    }),
  );
  if (row.state === 'revoked' || !canRevoke) return null;
  if (!confirming)
    return (
      <button type="button" className="small secondary" onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={`Revoke ${row.counterCode}?`}>
      <span>Stop {row.counterCode} syncing?</span>
      <button
        type="button"
        className="small danger"
        disabled={revoke.isPending}
        onClick={() => revoke.mutate({ counterId: row.id })}
      >
        Yes, revoke
      </button>
      <button type="button" className="small link" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {revoke.error && <span className="error">{revoke.error.message}</span>}
    </span>
  );
}

export function CountersPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.accounts.me.queryOptions());
  const [adding, setAdding] = useState(false);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  // While a code waits to be typed in, the list refreshes often so the new counter shows up as soon as it enrols.
  const counters = useQuery({ ...trpc.counters.list.queryOptions(), refetchInterval: enrolment ? 3_000 : 30_000 });
  const rows = counters.data ?? [];
  const isOwner = me.data?.role === 'owner';
  return (
    <div className="page">
      {counters.error && <p className="error">{counters.error.message}</p>}
      {enrolment ? (
        <EnrolmentCard enrolment={enrolment} onDone={() => setEnrolment(null)} />
      ) : adding ? (
        <AddCounterForm
          series={nextSeries(rows)}
          onCreated={(created) => {
            setAdding(false);
            setEnrolment(created);
          }}
        />
      ) : null}
      <DataTable
        testId="counters"
        title="Counters"
        rows={rows}
        actions={
          !adding &&
          !enrolment && (
            <button type="button" className="small" onClick={() => setAdding(true)}>
              Add counter
            </button>
          )
        }
        columns={[
          { key: 'counterCode', label: 'Series' },
          { key: 'name', label: 'Name' },
          {
            key: 'state',
            label: 'State',
            render: (row) => (
              <span className={`state ${row.state}`}>{row.state === 'active' ? 'Active' : 'Revoked'}</span>
            ),
          },
          {
            key: 'lastSyncAt',
            label: 'Last sync',
            render: (row) => <span title={dateTime(row.lastSyncAt)}>{ago(row.lastSyncAt)}</span>,
          },
          { key: 'appVersion', label: 'App version', render: (row) => (row.appVersion ? `v${row.appVersion}` : '—') },
          { key: 'journal', label: 'Journal', render: (row) => <JournalCell journal={row.journal} /> },
          { key: 'enrolledAt', label: 'Enrolled', render: (row) => dateTime(row.enrolledAt) },
          { key: 'id', label: '', render: (row) => <RevokeCell row={row} canRevoke={isOwner} /> },
        ]}
        empty={counters.isPending ? 'Loading…' : 'No counter yet: press “Add counter” to enrol the first one.'}
      />
    </div>
  );
}
