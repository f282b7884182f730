// Restore (owner): pick a backup from this PC or the shop's server, give the passphrase; the counter verifies it fully
// and parks it to replace the ledger at the next start, or refuses it with the reason and changes nothing.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { BackupProgressBar, useAge } from './BackupProgress';

type LocalBackup = Outputs['backup']['status']['backups'][number];
type Source = 'local' | 'server';

export function RestoreForm({ localBackups }: { localBackups: LocalBackup[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const age = useAge();
  const [source, setSource] = useState<Source>('local');
  const [chosen, setChosen] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const serverList = useQuery({ ...trpc.backup.serverList.queryOptions(), enabled: source === 'server' });
  const restore = useMutation(
    trpc.backup.restore.mutationOptions({ onSettled: () => void queryClient.invalidateQueries() }),
  );
  const options =
    source === 'local'
      ? localBackups.map((backup) => ({
          value: backup.name,
          label: `${age(backup.createdAt)} · ${t(`backup.reasons.${backup.reason}`)} · ${t('backup.documentsCount', { count: backup.documents })}`,
        }))
      : (serverList.data ?? []).map((backup) => ({
          value: backup.id,
          label: `${backup.counterCode} · ${age(backup.createdAt)} · ${t('backup.documentsCount', { count: backup.documents })}`,
        }));
  const selected = options.some((option) => option.value === chosen) ? chosen : (options[0]?.value ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    restore.reset();
    restore.mutate(
      source === 'local'
        ? { from: 'local', name: selected, passphrase }
        : { from: 'server', backupId: selected, passphrase },
    );
  };

  return (
    <form className="inline-form restore-form" onSubmit={submit} data-testid="restore-form">
      <h4>{t('backup.restoreTitle')}</h4>
      <p className="hint">{t('backup.restoreHint')}</p>
      <label>
        {t('backup.from')}
        <select
          value={source}
          data-testid="restore-source"
          onChange={(event) => setSource(event.target.value as Source)}
        >
          <option value="local">{t('backup.fromLocal')}</option>
          <option value="server">{t('backup.fromServer')}</option>
        </select>
      </label>
      <label>
        {t('backup.which')}
        <select
          value={selected}
          data-testid="restore-choice"
          disabled={options.length === 0}
          onChange={(event) => setChosen(event.target.value)}
        >
          {options.length === 0 && (
            <option value="">
              {source === 'server' && serverList.isFetching ? t('common.loading') : t('backup.none')}
            </option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {source === 'server' && <ErrorNote error={serverList.error} testId="server-list-error" />}
      <label>
        {t('backup.passphrase')}
        <input
          type="password"
          autoComplete="off"
          value={passphrase}
          data-testid="restore-passphrase"
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </label>
      <button
        type="submit"
        disabled={!selected || passphrase.length === 0 || restore.isPending}
        data-testid="restore-run"
      >
        {restore.isPending ? t('backup.verifying') : t('backup.restore')}
      </button>
      <BackupProgressBar operation="restore" running={restore.isPending} testId="restore-progress" />
      {restore.isSuccess && (
        <div className="notice" role="status" data-testid="restore-verified">
          <strong>{t('backup.verified')}</strong>{' '}
          {t('backup.verifiedDetail', {
            count: restore.data.documents,
            counter: restore.data.counterCode,
            age: age(restore.data.createdAt),
          })}
          <div>{t('backup.appliedAtRestart')}</div>
        </div>
      )}
      {restore.isError && (
        <div data-testid="restore-refused">
          <strong className="owing">{t('backup.refused')}</strong>
          <ErrorNote error={restore.error} testId="restore-error" />
        </div>
      )}
    </form>
  );
}
