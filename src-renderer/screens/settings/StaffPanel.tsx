// Staff and PINs: who may log in at this counter, their role, a new PIN, and deactivation, for those this person may manage.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { mayManageStaff, STAFF_ROLES, type StaffRole } from '../../../src-shared/contracts/staff';
import type { Me } from '../../app/App';

export function StaffPanel({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.staff.list.queryOptions());
  const [form, setForm] = useState<{ name: string; role: StaffRole; pin: string }>({
    name: '',
    role: 'cashier',
    pin: '',
  });
  const [pins, setPins] = useState<Record<string, string>>({});
  const refresh = () => void queryClient.invalidateQueries();
  const roles = STAFF_ROLES.filter((role) => mayManageStaff(me.role, role));
  const create = useMutation(
    trpc.staff.create.mutationOptions({
      onSuccess: () => {
        setForm({ name: '', role: 'cashier', pin: '' });
        refresh();
      },
    }),
  );
  const update = useMutation(trpc.staff.update.mutationOptions({ onSuccess: refresh }));
  // A PIN change answers in its own row: "Saved" on success, the refusal (such as a PIN already taken) beside the field.
  const changePin = useMutation(trpc.staff.update.mutationOptions({ onSuccess: refresh }));
  const [pinSavedFor, setPinSavedFor] = useState<string | null>(null);
  const savePin = (memberId: string) => {
    setPinSavedFor(null);
    changePin.mutate(
      { id: memberId, pin: pins[memberId] ?? '' },
      {
        onSuccess: () => {
          setPins({ ...pins, [memberId]: '' });
          setPinSavedFor(memberId);
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(form);
  };
  return (
    <section className="card staff-panel" data-testid="staff-panel">
      <h3>{t('settings.staff')}</h3>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('khata.name')}</th>
            <th>{t('settings.role')}</th>
            <th>{t('settings.newPin')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {staff.data?.map((member) => {
            const manageable = member.id !== me.id && mayManageStaff(me.role, member.role);
            return (
              <tr key={member.id} className={member.active ? '' : 'muted'} data-testid="staff-row">
                <td>{member.name}</td>
                <td>{t(`roles.${member.role}`)}</td>
                <td>
                  {manageable && (
                    <div className="pin-cell">
                      <input
                        type="password"
                        inputMode="numeric"
                        size={6}
                        aria-label={t('settings.newPin')}
                        value={pins[member.id] ?? ''}
                        onChange={(event) => setPins({ ...pins, [member.id]: event.target.value })}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter' && pins[member.id]) savePin(member.id);
                        }}
                      />
                      <button
                        type="button"
                        className="secondary"
                        disabled={!pins[member.id] || changePin.isPending}
                        onClick={() => savePin(member.id)}
                      >
                        {t('common.save')}
                      </button>
                      {pinSavedFor === member.id && (
                        <span className="notice" role="status" data-testid="pin-saved">
                          {t('settings.pinSaved', { name: member.name })}
                        </span>
                      )}
                      {changePin.variables?.id === member.id && (
                        <ErrorNote error={changePin.error} testId="pin-error" />
                      )}
                    </div>
                  )}
                </td>
                <td className="num">
                  {manageable && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => update.mutate({ id: member.id, active: !member.active })}
                    >
                      {member.active ? t('settings.deactivate') : t('settings.activate')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="staff-add" onSubmit={submit}>
        <input
          placeholder={t('khata.name')}
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
        />
        <select value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as StaffRole })}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        <input
          type="password"
          inputMode="numeric"
          placeholder={t('login.pin')}
          value={form.pin}
          onChange={(event) => setForm({ ...form, pin: event.target.value })}
        />
        <button type="submit">{t('settings.addStaff')}</button>
      </form>
      <ErrorNote error={create.error ?? update.error ?? staff.error} />
    </section>
  );
}
