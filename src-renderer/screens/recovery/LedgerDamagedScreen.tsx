// Shown instead of the login when the start-up check found the ledger file damaged: billing is stopped, and the owner
// restores the newest backup on this PC (verified now, verified again and swapped in at the next start).
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { shopDateTime } from '../../../src-shared/shop-time';
import type { LedgerHealth } from '../../../src-shared/contracts/ledger-health';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';

export function LedgerDamagedScreen({ health }: { health: LedgerHealth }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [passphrase, setPassphrase] = useState('');
  const restore = useMutation(trpc.ledgerHealth.restoreLatest.mutationOptions({ onSettled: () => setPassphrase('') }));
  const latest = health.latestBackup;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    restore.mutate({ passphrase });
  };
  const waiting = health.restorePending || restore.isSuccess;
  return (
    <div className="center">
      <form className="card login" onSubmit={submit} data-testid="ledger-damaged" role="alert">
        <h1>{t('recovery.title')}</h1>
        <p>{t('recovery.stopped')}</p>
        <p className="muted" data-testid="ledger-problem">
          {t('recovery.sqliteSays', { problem: health.problem })}
        </p>
        {waiting ? (
          <p data-testid="restore-waiting">{t('recovery.restartToFinish')}</p>
        ) : latest ? (
          <>
            <p data-testid="latest-backup">
              {t('recovery.latest', { when: shopDateTime(latest.createdAt), count: latest.documents })}
            </p>
            <label>
              {t('backup.passphrase')}
              <input
                autoFocus
                type="password"
                data-testid="recovery-passphrase"
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
              />
            </label>
            <button type="submit" disabled={!passphrase || restore.isPending}>
              {restore.isPending ? t('recovery.restoring') : t('recovery.restore')}
            </button>
          </>
        ) : (
          <p data-testid="no-backup">{t('recovery.noBackup')}</p>
        )}
        <ErrorNote error={restore.error} />
        <LanguageSwitch />
      </form>
    </div>
  );
}
