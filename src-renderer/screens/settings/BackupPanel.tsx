// Backup & restore (managers and owners): the shop's passphrase, "Back up now" with its progress, this PC's backups, restore.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import type { Me } from '../../app/App';
import { BackupProgressBar, useAge } from './BackupProgress';
import { RestoreForm } from './RestoreForm';

const MIN_PASSPHRASE = 8;

export function formatBytes(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(language === 'hi' ? 'hi-IN' : 'en-IN', {
    style: 'unit',
    unit,
    maximumFractionDigits: 1,
  }).format(value);
}

function PassphraseForm({ isSet }: { isSet: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const save = useMutation(
    trpc.backup.setPassphrase.mutationOptions({
      onSuccess: () => {
        setPassphrase('');
        setAgain('');
        void queryClient.invalidateQueries();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(passphrase !== again);
    if (passphrase === again) save.mutate({ passphrase });
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="passphrase-form">
      <p className="hint">
        {isSet ? t('backup.passphraseIsSet') : t('backup.passphraseHint', { min: MIN_PASSPHRASE })}
      </p>
      <label>
        {isSet ? t('backup.newPassphrase') : t('backup.passphrase')}
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          data-testid="backup-passphrase"
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </label>
      <label>
        {t('backup.passphraseAgain')}
        <input
          type="password"
          autoComplete="new-password"
          value={again}
          data-testid="backup-passphrase-again"
          onChange={(event) => setAgain(event.target.value)}
        />
      </label>
      {mismatch && (
        <div className="field-error" role="alert">
          {t('backup.passphraseMismatch')}
        </div>
      )}
      <button type="submit" disabled={save.isPending || passphrase.length === 0} data-testid="backup-passphrase-save">
        {t('backup.setPassphrase')}
      </button>
      {save.isSuccess && (
        <div className="notice" data-testid="passphrase-saved">
          {t('backup.passphraseSaved')}
        </div>
      )}
      <ErrorNote error={save.error} testId="passphrase-error" />
    </form>
  );
}

export function BackupPanel({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const age = useAge();
  const isOwner = me.role === 'owner';
  const status = useQuery({ ...trpc.backup.status.queryOptions(), refetchInterval: 15_000 });
  const runNow = useMutation(
    trpc.backup.runNow.mutationOptions({ onSettled: () => void queryClient.invalidateQueries() }),
  );
  const data = status.data;
  return (
    <section className="card backup-panel" data-testid="backup-panel">
      <h3>{t('backup.title')}</h3>
      {data && (
        <div className="backup-columns">
          <div className="backup-side">
            <p data-testid="backup-last">
              {data.lastBackupAt ? t('backup.lastBackup', { age: age(data.lastBackupAt) }) : t('backup.never')}
            </p>
            {data.lastError && (
              <div className="warning">{t('backup.lastError', { message: data.lastError.message })}</div>
            )}
            {data.restorePending && (
              <div className="warning" data-testid="restore-pending">
                {t('backup.restorePending')}
              </div>
            )}
            {isOwner ? (
              <PassphraseForm isSet={data.passphraseSet} />
            ) : (
              !data.passphraseSet && <p className="muted">{t('backup.ownerSetsPassphrase')}</p>
            )}
            <div className="form-actions">
              <button
                type="button"
                disabled={!data.passphraseSet || runNow.isPending}
                onClick={() => runNow.mutate()}
                data-testid="backup-now"
              >
                {runNow.isPending ? t('backup.running') : t('backup.now')}
              </button>
              <span className="hint">{t('backup.kept')}</span>
            </div>
            <BackupProgressBar operation="backup" running={runNow.isPending} testId="backup-progress" />
            {runNow.isSuccess && (
              <div className="notice" data-testid="backup-done">
                {t('backup.done', { name: runNow.data.name })}
              </div>
            )}
            <ErrorNote error={runNow.error} testId="backup-error" />
            <table className="grid small" data-testid="backup-list">
              <thead>
                <tr>
                  <th>{t('backup.made')}</th>
                  <th>{t('backup.reason')}</th>
                  <th className="num">{t('backup.documents')}</th>
                  <th className="num">{t('backup.size')}</th>
                  <th>{t('backup.server')}</th>
                </tr>
              </thead>
              <tbody>
                {data.backups.map((backup) => (
                  <tr key={backup.name} data-testid="backup-row" title={backup.name}>
                    <td>{age(backup.createdAt)}</td>
                    <td>{t(`backup.reasons.${backup.reason}`, { defaultValue: backup.reason })}</td>
                    <td className="num">{backup.documents}</td>
                    <td className="num">{formatBytes(backup.bytes, i18n.language)}</td>
                    <td>{backup.uploaded ? t('backup.uploaded') : t('backup.localOnly')}</td>
                  </tr>
                ))}
                {data.backups.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">
                      {t('backup.none')}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            <p className="hint">{t('backup.folder', { dir: data.dir })}</p>
          </div>
          {isOwner ? <RestoreForm localBackups={data.backups} /> : <p className="muted">{t('backup.ownerRestores')}</p>}
        </div>
      )}
      <ErrorNote error={status.error} />
    </section>
  );
}
