// Monitoring: every counter's last sync, outbox, version, printer and last backup, with what the server flagged in red,
// and the shop's alerts to acknowledge and resolve. Refreshed every 30 s while open.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { ago, dateTime } from '../format';
import { printerText, silentCounterIds, type AlertRow, type CounterStatus } from '../monitoring';
import { DataTable } from '../components/DataTable';
import { AlertList } from '../components/AlertList';

const REFRESH_MS = 30_000;

interface CounterRow {
  counterId: string;
  counter: string;
  lastSyncAt: string;
  outboxDepth: number | null;
  appVersion: string | null;
  printer: string;
  lastBackupAt: string;
  flags: Set<AlertRow['kind']>;
}

/** What the server flags per counter: its unresolved alerts, and silence that has lasted past a resolve. */
function counterRows(counters: CounterStatus[], alerts: AlertRow[]): CounterRow[] {
  const silent = silentCounterIds(counters, alerts);
  return counters.map((counter) => {
    const flags = new Set(
      alerts
        .filter((alert) => alert.subject === counter.counterId && alert.state !== 'resolved')
        .map((alert) => alert.kind),
    );
    if (silent.has(counter.counterId)) flags.add('counter_silent');
    return {
      counterId: counter.counterId,
      counter: `${counter.counterCode} · ${counter.name}`,
      // ISO strings sort in time order, which is what sorting this column should do.
      lastSyncAt: counter.lastSyncAt ?? '',
      outboxDepth: counter.outboxDepth,
      appVersion: counter.appVersion,
      printer: printerText(counter.printer),
      lastBackupAt: counter.lastBackupAt ?? '',
      flags,
    };
  });
}

/** A cell's text, in red when the server flagged it; `at` (the exact time behind "3 h ago") shows on hover. */
function Flagged({ on, at, children }: { on: boolean; at?: string; children: string }) {
  return (
    <span className={on ? 'flagged' : undefined} title={at ? dateTime(at) : undefined}>
      {children}
    </span>
  );
}

export function MonitoringPage() {
  const trpc = useTRPC();
  const counters = useQuery({ ...trpc.monitoring.counters.queryOptions(), refetchInterval: REFRESH_MS });
  const alerts = useQuery({
    ...trpc.monitoring.alerts.queryOptions({ which: 'all', limit: 500 }),
    refetchInterval: REFRESH_MS,
  });
  const rows = counterRows(counters.data ?? [], alerts.data ?? []);
  const problem = counters.error ?? alerts.error;
  const silent = rows.filter((row) => row.flags.has('counter_silent')).length;
  const open = (alerts.data ?? []).filter((alert) => alert.state === 'open').length;
  return (
    <div className="page grid">
      {problem && <p className="error">{problem.message}</p>}
      <section className="tiles" data-testid="monitoring-summary">
        <article className="tile">
          <h3>Counters</h3>
          <strong>{rows.length}</strong>
          <span className={`change ${silent ? 'down' : ''}`}>{silent ? `${silent} not syncing` : 'all syncing'}</span>
        </article>
        <article className="tile">
          <h3>Open alerts</h3>
          <strong>{open}</strong>
          <span className="change">
            {(alerts.data ?? []).filter((alert) => alert.state === 'acknowledged').length} acknowledged
          </span>
        </article>
      </section>
      <DataTable
        testId="monitoring-counters"
        title="Counters"
        rows={rows}
        columns={[
          { key: 'counter', label: 'Counter' },
          {
            key: 'lastSyncAt',
            label: 'Last sync',
            render: (row) => (
              <Flagged on={row.flags.has('counter_silent')} at={row.lastSyncAt}>
                {ago(row.lastSyncAt || null)}
              </Flagged>
            ),
          },
          {
            key: 'outboxDepth',
            label: 'Outbox',
            kind: 'number',
            render: (row) => (
              <Flagged on={row.flags.has('outbox_backlog')}>
                {row.outboxDepth === null ? '—' : `${row.outboxDepth} waiting`}
              </Flagged>
            ),
          },
          { key: 'appVersion', label: 'Version', render: (row) => (row.appVersion ? `v${row.appVersion}` : '—') },
          {
            key: 'printer',
            label: 'Printer',
            render: (row) => <Flagged on={row.flags.has('printer_error')}>{row.printer}</Flagged>,
          },
          {
            key: 'lastBackupAt',
            label: 'Last backup',
            render: (row) => (
              <Flagged on={row.flags.has('counter_backup_stale')} at={row.lastBackupAt}>
                {ago(row.lastBackupAt || null)}
              </Flagged>
            ),
          },
        ]}
        empty={counters.isPending ? 'Loading…' : 'No counters enrolled yet.'}
      />
      <AlertList alerts={alerts.data ?? []} counters={counters.data ?? []} loading={alerts.isPending} />
    </div>
  );
}
