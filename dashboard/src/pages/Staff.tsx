// Staff: the people who log in to this dashboard (owner, managers, staff); the owner adds a login with its role and
// deactivates one, after a confirmation. Counter PINs are set on the counter itself (Settings → Staff and PINs).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addStaffInput } from '../../../src-shared/contracts/accounts';
import { useTRPC, type Outputs } from '../trpc';
import { useChecked } from '../form';
import { DataTable } from '../components/DataTable';
import { Field } from '../components/Field';

type StaffRow = Outputs['accounts']['listStaff'][number];

const ROLE_LABELS: Record<StaffRow['role'], string> = { owner: 'Owner', manager: 'Manager', staff: 'Staff' };
const EMPTY = { name: '', email: '', password: '', role: 'staff' as 'manager' | 'staff' };

function AddStaffForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const { problems, check } = useChecked(addStaffInput.required({ name: true }), draft);
  const add = useMutation(
    trpc.accounts.addStaff.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.accounts.listStaff.queryKey() });
        onDone();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check()) add.mutate(draft);
  };
  const emailTaken = add.error?.data?.code === 'CONFLICT' ? add.error.message : undefined;
  return (
    <form className="card form-card" onSubmit={submit} noValidate data-testid="add-staff-form">
      <h2>Add staff</h2>
      <Field label="Name" problem={problems.name}>
        <input value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
      </Field>
      <Field label="Email" problem={problems.email ?? emailTaken} hint="They log in to this dashboard with it.">
        <input
          type="email"
          autoComplete="off"
          value={draft.email}
          onChange={(event) => setDraft({ ...draft, email: event.target.value })}
        />
      </Field>
      <Field label="Password" problem={problems.password} hint="At least 10 characters; tell it to them yourself.">
        <input
          type="password"
          autoComplete="new-password"
          value={draft.password}
          onChange={(event) => setDraft({ ...draft, password: event.target.value })}
        />
      </Field>
      <Field
        label="Role"
        problem={problems.role}
        hint="A manager sees the reports and adds counters; staff only log in."
      >
        <select
          value={draft.role}
          onChange={(event) => setDraft({ ...draft, role: event.target.value as typeof draft.role })}
        >
          <option value="staff">Staff</option>
          <option value="manager">Manager</option>
        </select>
      </Field>
      {add.error && !emailTaken && <p className="error">{add.error.message}</p>}
      <div className="row">
        <button type="submit" disabled={add.isPending}>
          Add
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeactivateCell({ row, canManage, myId }: { row: StaffRow; canManage: boolean; myId: string | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const disable = useMutation(
    trpc.accounts.disableStaff.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.accounts.listStaff.queryKey() }),
    }),
  );
  if (!canManage || row.disabledAt || row.id === myId) return null;
  if (!confirming)
    return (
      <button type="button" className="small secondary" onClick={() => setConfirming(true)}>
        Deactivate
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={`Deactivate ${row.email}?`}>
      <span>Log {row.name ?? row.email} out everywhere?</span>
      <button
        type="button"
        className="small danger"
        disabled={disable.isPending}
        onClick={() => disable.mutate({ userId: row.id })}
      >
        Yes, deactivate
      </button>
      <button type="button" className="small link" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {disable.error && <span className="error">{disable.error.message}</span>}
    </span>
  );
}

export function StaffPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.accounts.me.queryOptions());
  const staff = useQuery(trpc.accounts.listStaff.queryOptions());
  const [adding, setAdding] = useState(false);
  const isOwner = me.data?.role === 'owner';
  return (
    <div className="page">
      {staff.error && <p className="error">{staff.error.message}</p>}
      {adding && <AddStaffForm onDone={() => setAdding(false)} />}
      <DataTable
        testId="staff"
        title="Staff"
        rows={staff.data ?? []}
        actions={
          isOwner &&
          !adding && (
            <button type="button" className="small" onClick={() => setAdding(true)}>
              Add staff
            </button>
          )
        }
        columns={[
          { key: 'name', label: 'Name', render: (row) => row.name ?? '—' },
          { key: 'email', label: 'Email' },
          { key: 'role', label: 'Role', render: (row) => ROLE_LABELS[row.role] },
          {
            key: 'disabledAt',
            label: 'State',
            render: (row) => (
              <span className={`state ${row.disabledAt ? 'revoked' : 'active'}`}>
                {row.disabledAt ? 'Deactivated' : 'Active'}
              </span>
            ),
          },
          {
            key: 'id',
            label: '',
            render: (row) => <DeactivateCell row={row} canManage={isOwner} myId={me.data?.userId} />,
          },
        ]}
        empty={staff.isPending ? 'Loading…' : 'Nobody yet.'}
      />
    </div>
  );
}
