// Always visible: bridge connection, shift, what waits to sync, sync state, and whether receipts come out.
import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from './trpc';
import type { CounterConnection } from './connection';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { shopTime } from '../../src-shared/shop-time';

const clockTime = (iso: string) => shopTime(iso);

function SyncSlot() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.sync.status.queryOptions(), refetchInterval: 5_000 });
  const text = !data
    ? '…'
    : !data.enrolled
      ? t('status.notEnrolled')
      : data.journalRefused
        ? t('status.journalRefused')
        : data.error
          ? t('status.syncError', { message: data.error.message })
          : data.lastSuccessAt
            ? t('status.syncedAt', { time: clockTime(data.lastSuccessAt) })
            : t('status.notYetSynced');
  return (
    <span className={data?.error ? 'slot owing' : 'slot'} data-testid="sync-slot">
      {t('status.sync')}: {text}
      {data?.clock.drifted && ` · ${t('status.clockDrift')}`}
    </span>
  );
}

function PrinterSlot() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.all.queryOptions());
  const { data } = useQuery({ ...trpc.printing.jobs.queryOptions({ limit: 5 }), refetchInterval: 3_000 });
  if (settings.data && settings.data.printers.length === 0)
    return (
      <span className="slot muted" data-testid="printer-slot">
        {t('status.printer')}: {t('status.notSetUp')}
      </span>
    );
  // A job that waits with an error (printer off, out of paper) or failed for good: the cashier should look now.
  const stuck = data?.jobs.find((job) => job.status === 'failed' || (job.status !== 'done' && job.lastError));
  const text = !data ? '…' : data.pending > 0 ? t('status.queued', { count: data.pending }) : t('status.printerReady');
  return (
    <span className={stuck ? 'slot owing' : 'slot'} data-testid="printer-slot" title={stuck?.lastError ?? undefined}>
      {t('status.printer')}: {text}
      {stuck?.lastError && ` · ${stuck.lastError}`}
    </span>
  );
}

export function StatusBar({ connection }: { connection: CounterConnection }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const link = useSyncExternalStore(connection.subscribe, connection.state);
  const pending = useQuery({ ...trpc.journal.pendingSync.queryOptions(), refetchInterval: 5_000 });
  const shift = useQuery({ ...trpc.cashSessions.current.queryOptions(), refetchInterval: 15_000 });
  const shiftText = shift.data
    ? t('status.shiftOpen', {
        time: shopTime(shift.data.session.openedAt),
      })
    : t('status.shiftClosed');
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`slot link-${link}`} data-testid="link-state">
        {t(`status.link.${link}`)} ({connection.kind.toUpperCase()})
      </span>
      <span className="slot" data-testid="shift-state">
        {shiftText}
      </span>
      <span className="slot" data-testid="pending-sync">
        {t('status.pending', { count: pending.data?.pending ?? 0 })}
      </span>
      <SyncSlot />
      <PrinterSlot />
      <span className="spacer" />
      <LanguageSwitch />
    </footer>
  );
}
