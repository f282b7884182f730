// The server's Prometheus metrics (prom-client): one registry per process, as Prometheus scrapes a process.
// Request and sync figures are counted as they happen; database-derived gauges are refreshed at each scrape.
import fs from 'node:fs';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const APP_VERSION = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const registry = new Registry();
registry.setDefaultLabels({ service: 'galla-server' });
collectDefaultMetrics({ register: registry });

/** Buckets around the speed targets: most calls are milliseconds, a big sync push may take seconds. */
export const procedureSeconds = new Histogram({
  name: 'galla_trpc_request_duration_seconds',
  help: 'tRPC calls by procedure and HTTP status, as seen by the HTTP server.',
  labelNames: ['procedure', 'type', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const httpErrors = new Counter({
  name: 'galla_http_errors_total',
  help: 'Responses with an error status, by procedure (or route) and class: client (4xx) or server (5xx).',
  labelNames: ['procedure', 'class'] as const,
  registers: [registry],
});

export const syncBatches = new Counter({
  name: 'galla_sync_batches_total',
  help: 'Sync requests served: pushes of outbox batches and pulls of changes.',
  labelNames: ['direction', 'outcome'] as const,
  registers: [registry],
});

export const syncOps = new Counter({
  name: 'galla_sync_ops_total',
  help: 'Pushed ops by what the server did with them: applied, duplicate (already had it) or rejected.',
  labelNames: ['status'] as const,
  registers: [registry],
});

export const backupRuns = new Counter({
  name: 'galla_backup_runs_total',
  help: "The server's own backups by outcome.",
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const backupLastSuccess = new Gauge({
  name: 'galla_backup_last_success_timestamp_seconds',
  help: "When the newest of the server's own backups was taken (0: none).",
  registers: [registry],
});
export const backupAge = new Gauge({
  name: 'galla_backup_age_seconds',
  help: "Age of the newest of the server's own backups (+Inf: none).",
  registers: [registry],
});
export const appInfo = new Gauge({
  name: 'galla_app_info',
  help: 'The server version (always 1).',
  labelNames: ['version'] as const,
  registers: [registry],
});
appInfo.set({ version: APP_VERSION }, 1);

// The counters' figures are totals over every shop: no shop id or counter code is ever a label, so whoever reads the
// metrics learns how the fleet is doing, not who the server's customers are. Each owner sees their own counters, one by
// one, on the dashboard's monitoring page.
export const countersLive = new Gauge({
  name: 'galla_counters_live',
  help: 'Enrolled counters that are not revoked, over all shops.',
  registers: [registry],
});
export const countersNotSynced = new Gauge({
  name: 'galla_counters_not_synced',
  help: 'Live counters whose last push or pull is older than the label says (never synced counts as older).',
  labelNames: ['for_over'] as const,
  registers: [registry],
});
export const counterOutboxDepthMax = new Gauge({
  name: 'galla_counter_outbox_depth_max',
  help: 'The longest outbox any counter last reported (ops waiting to sync).',
  registers: [registry],
});
export const counterOutboxOps = new Gauge({
  name: 'galla_counter_outbox_ops',
  help: "Ops waiting in all counters' outboxes together, as they last reported.",
  registers: [registry],
});
export const countersPrinterError = new Gauge({
  name: 'galla_counters_printer_error',
  help: 'Counters whose printer last reported an error.',
  registers: [registry],
});
export const counterVersions = new Gauge({
  name: 'galla_counters_by_version',
  help: 'Live counters by the app version they last reported ("other" for anything that is not a version number).',
  labelNames: ['version'] as const,
  registers: [registry],
});
export const openAlerts = new Gauge({
  name: 'galla_alerts_unresolved',
  help: 'Unresolved alerts by kind.',
  labelNames: ['kind'] as const,
  registers: [registry],
});

export const diskFree = new Gauge({
  name: 'galla_disk_free_bytes',
  help: 'Free bytes on the disk of the data and backup folders.',
  labelNames: ['path'] as const,
  registers: [registry],
});
export const diskSize = new Gauge({
  name: 'galla_disk_size_bytes',
  help: 'Size of the disk of the data and backup folders.',
  labelNames: ['path'] as const,
  registers: [registry],
});
