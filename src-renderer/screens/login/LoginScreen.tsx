// PIN login (↑/↓ picks who, digits and Enter log in), or the first start: the installer becomes the owner.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import type { Me } from '../../app/App';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';

function SetupOwner({ onLogin }: { onLogin: (me: Me) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const setup = useMutation(trpc.staff.setupOwner.mutationOptions({ onSuccess: onLogin }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate({ name, pin });
  };
  return (
    <form className="card login" onSubmit={submit} data-testid="setup-owner">
      <h1>{t('login.setupTitle')}</h1>
      <p className="muted">{t('login.setupHint')}</p>
      <label>
        {t('login.name')}
        <input autoFocus value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        {t('login.pin')}
        <input type="password" inputMode="numeric" value={pin} onChange={(event) => setPin(event.target.value)} />
      </label>
      <button type="submit">{t('login.setup')}</button>
      <ErrorNote error={setup.error} />
    </form>
  );
}

export function LoginScreen({ onLogin }: { onLogin: (me: Me) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const options = useQuery(trpc.staff.loginOptions.queryOptions());
  const [chosen, setChosen] = useState(0);
  const [pin, setPin] = useState('');
  const login = useMutation(trpc.staff.login.mutationOptions({ onSuccess: onLogin, onError: () => setPin('') }));
  if (options.isPending) return <div className="center muted">{t('common.loading')}</div>;
  if (options.error)
    return (
      <div className="center">
        <ErrorNote error={options.error} />
      </div>
    );
  if (options.data.needsSetup)
    return (
      <div className="center">
        <SetupOwner onLogin={onLogin} />
      </div>
    );
  const staff = options.data.staff;
  const member = staff[Math.min(chosen, staff.length - 1)];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (member) login.mutate({ staffId: member.id, pin });
  };
  return (
    <div className="center">
      <form className="card login" onSubmit={submit} data-testid="login">
        <h1>{t('app.title')}</h1>
        <p className="muted">{t('login.who')}</p>
        <ul className="pick-list" role="listbox" aria-label={t('login.who')}>
          {staff.map((entry, index) => (
            <li
              key={entry.id}
              role="option"
              aria-selected={entry.id === member?.id}
              className={entry.id === member?.id ? 'picked' : ''}
              onClick={() => setChosen(index)}
            >
              {entry.name} <span className="muted">· {t(`roles.${entry.role}`)}</span>
            </li>
          ))}
        </ul>
        <label>
          {t('login.pin')}
          <input
            autoFocus
            type="password"
            inputMode="numeric"
            data-testid="pin"
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') setChosen((index) => (index + 1) % staff.length);
              else if (event.key === 'ArrowUp') setChosen((index) => (index - 1 + staff.length) % staff.length);
              else return;
              event.preventDefault();
            }}
          />
        </label>
        <p className="hint">{t('login.hint')}</p>
        <button type="submit">{t('login.login')}</button>
        <ErrorNote error={login.error} />
        <LanguageSwitch />
      </form>
    </div>
  );
}
