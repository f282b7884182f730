// Backup and monitoring settings, part of the server's config (parsed once in server/config.ts).
import path from 'node:path';
import { z } from 'zod';

export const operationsEnv = {
  /** Where the server's own dumps and the counters' uploaded snapshots live; default: "backups" beside the data. */
  GALLA_BACKUP_DIR: z.string().min(1).optional(),
  /** Hours between the server's own dumps; 0 turns the schedule off (a cron job may run `npm run server:backup`). */
  BACKUP_INTERVAL_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 7)
    .default(24),
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).default(30),
  /** Per counter, the newest uploaded snapshots kept. */
  COUNTER_BACKUPS_KEPT: z.coerce.number().int().min(1).default(14),
  COUNTER_BACKUP_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024 * 1024),
  /**
   * With a token, /metrics on the server's own port answers a scrape that sends "Authorization: Bearer <token>"
   * (Prometheus' authorization.credentials); without one it is not served there at all.
   */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** A second listener on 127.0.0.1 only, serving /metrics with no token; "off" for none. */
  METRICS_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65_535)]).default(4401),
  ALERT_COOLDOWN_MINUTES: z.coerce.number().min(0).default(60),
  COUNTER_SILENT_MINUTES: z.coerce.number().min(1).default(60),
  OUTBOX_BACKLOG_OPS: z.coerce.number().int().min(1).default(500),
  COUNTER_BACKUP_STALE_HOURS: z.coerce.number().min(1).default(26),
};

export interface OperationsConfig {
  backup: { dir: string; intervalHours: number; keepDaily: number; counterKept: number; counterMaxBytes: number };
  monitoring: {
    metricsToken: string | null;
    /** The loopback-only metrics listener's port; null: none. */
    metricsPort: number | null;
    alertCooldownMinutes: number;
    counterSilentMinutes: number;
    outboxBacklogOps: number;
    counterBackupStaleHours: number;
  };
}

type OperationsEnv = z.infer<z.ZodObject<typeof operationsEnv>> & { GALLA_DATA_DIR: string };

export function operationsConfig(env: OperationsEnv): OperationsConfig {
  return {
    backup: {
      dir: path.resolve(env.GALLA_BACKUP_DIR ?? path.join(env.GALLA_DATA_DIR, 'backups')),
      intervalHours: env.BACKUP_INTERVAL_HOURS,
      keepDaily: env.BACKUP_KEEP_DAILY,
      counterKept: env.COUNTER_BACKUPS_KEPT,
      counterMaxBytes: env.COUNTER_BACKUP_MAX_BYTES,
    },
    monitoring: {
      metricsToken: env.METRICS_TOKEN ?? null,
      metricsPort: env.METRICS_PORT === 'off' ? null : env.METRICS_PORT,
      alertCooldownMinutes: env.ALERT_COOLDOWN_MINUTES,
      counterSilentMinutes: env.COUNTER_SILENT_MINUTES,
      outboxBacklogOps: env.OUTBOX_BACKLOG_OPS,
      counterBackupStaleHours: env.COUNTER_BACKUP_STALE_HOURS,
    },
  };
}
