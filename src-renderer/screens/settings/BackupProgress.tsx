// The backup/restore progress bar: polls backup.progress while an operation runs, shows where it is and how it ended.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDistanceToNow } from 'date-fns';
import { enIN, hi } from 'date-fns/locale';
import { useTRPC } from '../../app/trpc';

const POLL_MS = 250;

export function useBackupProgress(running: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.backup.progress.queryOptions(), refetchInterval: running ? POLL_MS : false, staleTime: 0 });
}

/** "3 hours ago" in the language shown. */
export function useAge() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'hi' ? hi : enIN;
  return (iso: string) => formatDistanceToNow(new Date(iso), { addSuffix: true, locale });
}

export function BackupProgressBar({
  operation,
  running,
  testId,
}: {
  operation: 'backup' | 'restore';
  running: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const progress = useBackupProgress(running);
  const state = progress.data;
  if (!state || state.operation !== operation || (state.phase === 'idle' && !running)) return null;
  const failed = state.phase === 'failed';
  return (
    <div className={failed ? 'progress-row failed' : 'progress-row'}>
      <progress
        max={100}
        value={state.percent}
        data-testid={testId}
        data-percent={state.percent}
        data-phase={state.phase}
        aria-label={t(`backup.${operation}Progress`)}
      />
      <span className="num" data-testid={`${testId}-text`}>
        {state.percent}% · {t(`backup.phases.${state.phase}`)}
      </span>
    </div>
  );
}
