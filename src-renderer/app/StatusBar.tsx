// Always visible: bridge connection, shift, what waits to sync, and the slots for sync and printer state.
import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from './trpc';
import { useOptionalQuery } from './optional-procedure';
import type { CounterConnection } from './connection';
import { LanguageSwitch } from '../i18n/LanguageSwitch';

/** The part of `sync.status` (src-main/sync) the bar shows; read only when the router serves it. */
interface SyncStatusSlot {
  enrolled: boolean;
  lastSuccessAt: string | null;
  error: { message: string } | null;
  clock?: { drifted: boolean };
}

/** The part of `printing.jobs` (src-main/ledger/printing) the bar shows. */
interface PrintJobsSlot {
  pending: number;
  jobs: { status: string; lastError?: string | null }[];
}

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function SyncSlot() {
  const { t } = useTranslation();
  const sync = useOptionalQuery<SyncStatusSlot>('sync.status');
  if (!sync.available) return <span className="slot muted" data-testid="sync-slot">{t('status.sync')}: {t('status.notSetUp')}</span>;
  const data = sync.data;
  const text = !data ? '…' : !data.enrolled ? t('status.notEnrolled') : data.error ? t('status.syncError', { message: data.error.message }) : data.lastSuccessAt ? t('status.syncedAt', { time: clockTime(data.lastSuccessAt) }) : t('status.notYetSynced');
  return (
    <span className={data?.error ? 'slot owing' : 'slot'} data-testid="sync-slot">
      {t('status.sync')}: {text}
      {data?.clock?.drifted && ` · ${t('status.clockDrift')}`}
    </span>
  );
}

function PrinterSlot() {
  const { t } = useTranslation();
  const printer = useOptionalQuery<PrintJobsSlot>('printing.jobs', { status: 'failed', limit: 1 });
  if (!printer.available) return <span className="slot muted" data-testid="printer-slot">{t('status.printer')}: {t('status.notSetUp')}</span>;
  const failed = (printer.data?.jobs.length ?? 0) > 0;
  const text = !printer.data ? '…' : printer.data.pending > 0 ? t('status.queued', { count: printer.data.pending }) : t('status.printerReady');
  return (
    <span className={failed ? 'slot owing' : 'slot'} data-testid="printer-slot">
      {t('status.printer')}: {text}
    </span>
  );
}

export function StatusBar({ connection }: { connection: CounterConnection }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const link = useSyncExternalStore(connection.subscribe, connection.state);
  const pending = useQuery({ ...trpc.journal.pendingSync.queryOptions(), refetchInterval: 5_000 });
  const shift = useQuery({ ...trpc.cashSessions.current.queryOptions(), refetchInterval: 15_000 });
  const shiftText = shift.data ? t('status.shiftOpen', { time: new Date(shift.data.session.openedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) }) : t('status.shiftClosed');
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`slot link-${link}`} data-testid="link-state">{t(`status.link.${link}`)} ({connection.kind.toUpperCase()})</span>
      <span className="slot" data-testid="shift-state">{shiftText}</span>
      <span className="slot" data-testid="pending-sync">{t('status.pending', { count: pending.data?.pending ?? 0 })}</span>
      <SyncSlot />
      <PrinterSlot />
      <span className="spacer" />
      <LanguageSwitch />
    </footer>
  );
}
