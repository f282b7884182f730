// The shop's alerts by state (open, acknowledged, resolved), each with what it is about, how often it was seen,
// who handled it, and when it may fire again; Acknowledge and Resolve act on the server and refresh the page.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { ago, dateTime } from '../format';
import {
  ALERT_KIND_LABELS,
  alertsIn,
  cooldownNote,
  type AlertRow,
  type AlertState,
  type CounterStatus,
} from '../monitoring';

const TABS: [AlertState, string][] = [
  ['open', 'Open'],
  ['acknowledged', 'Acknowledged'],
  ['resolved', 'Resolved'],
];

const EMPTY: Record<AlertState, string> = {
  open: 'No open alerts: every counter looks fine.',
  acknowledged: 'Nothing acknowledged and waiting.',
  resolved: 'No resolved alerts yet.',
};

function handledLine(alert: AlertRow): string | null {
  if (alert.state === 'resolved')
    return alert.resolvedBy
      ? `Resolved ${dateTime(alert.resolvedAt)}`
      : `Cleared by itself ${dateTime(alert.resolvedAt)}`;
  if (alert.state === 'acknowledged') return `Acknowledged ${dateTime(alert.acknowledgedAt)}`;
  return null;
}

function AlertItem({ alert, counterCode }: { alert: AlertRow; counterCode: string | undefined }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const refresh = { onSuccess: () => client.invalidateQueries({ queryKey: trpc.monitoring.pathKey() }) };
  const acknowledge = useMutation(trpc.monitoring.acknowledge.mutationOptions(refresh));
  const resolve = useMutation(trpc.monitoring.resolve.mutationOptions(refresh));
  const busy = acknowledge.isPending || resolve.isPending;
  const failure = acknowledge.error ?? resolve.error;
  const handled = handledLine(alert);
  return (
    <li className={`alert ${alert.severity} ${alert.state}`} data-testid="alert">
      <div className="alert-head">
        <span className={`badge ${alert.severity}`}>{alert.severity}</span>
        <strong>{ALERT_KIND_LABELS[alert.kind]}</strong>
        {counterCode && <span className="muted">{counterCode}</span>}
      </div>
      <p>{alert.message}</p>
      <p className="muted">
        First seen {ago(alert.firstSeenAt)} · last seen {ago(alert.lastSeenAt)}
        {alert.occurrences > 1 ? ` · seen ${alert.occurrences} times` : ''}
        {handled ? ` · ${handled}` : ''}
      </p>
      <p className="cooldown">{cooldownNote(alert, Date.now())}</p>
      {failure && <p className="error">{failure.message}</p>}
      {alert.state !== 'resolved' && (
        <div className="row">
          {alert.state === 'open' && (
            <button
              type="button"
              className="small"
              disabled={busy}
              onClick={() => acknowledge.mutate({ alertId: alert.id })}
            >
              Acknowledge
            </button>
          )}
          <button
            type="button"
            className="small secondary"
            disabled={busy}
            onClick={() => resolve.mutate({ alertId: alert.id })}
          >
            Resolve
          </button>
        </div>
      )}
    </li>
  );
}

export function AlertList({
  alerts,
  counters,
  loading,
}: {
  alerts: AlertRow[];
  counters: CounterStatus[];
  loading: boolean;
}) {
  const [state, setState] = useState<AlertState>('open');
  const codes = new Map(counters.map((counter) => [counter.counterId, counter.counterCode]));
  const shown = alertsIn(alerts, state);
  return (
    <section className="card" data-testid="alerts">
      <header className="card-head">
        <h2>Alerts</h2>
        <div className="tabs" role="group" aria-label="Which alerts">
          {TABS.map(([tab, label]) => (
            <button
              key={tab}
              type="button"
              className={`small ${tab === state ? '' : 'secondary'}`}
              aria-pressed={tab === state}
              onClick={() => setState(tab)}
            >
              {label} ({alertsIn(alerts, tab).length})
            </button>
          ))}
        </div>
      </header>
      {shown.length === 0 ? (
        <p className="empty">{loading ? 'Loading…' : EMPTY[state]}</p>
      ) : (
        <ul className="alerts">
          {shown.map((alert) => (
            <AlertItem key={alert.id} alert={alert} counterCode={codes.get(alert.subject)} />
          ))}
        </ul>
      )}
    </section>
  );
}
