// Operations: what each counter last reported (heartbeat), the counters' uploaded backups, and the shop's alerts.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, bigint, integer, timestamp, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { PRINTER_STATES } from '../../src-shared/sync/heartbeat';

/** One row per counter, overwritten by each sync that carries a heartbeat. */
export const counterHeartbeats = pgTable(
  'counter_heartbeats',
  {
    shopId: uuid('shop_id').notNull(),
    counterId: uuid('counter_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    outboxDepth: integer('outbox_depth').notNull(),
    printerState: text('printer_state', { enum: PRINTER_STATES }).notNull(),
    printerDetail: text('printer_detail'),
    printJobsWaiting: integer('print_jobs_waiting').notNull().default(0),
    appVersion: text('app_version'),
    lastBackupAt: timestamp('last_backup_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.counterId] })],
);

/** Encrypted ledger snapshots uploaded by counters; the bytes live in the backup folder, named by id. */
export const counterBackups = pgTable(
  'counter_backups',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    counterId: uuid('counter_id').notNull(),
    name: text('name').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    documents: integer('documents').notNull(),
    headHash: text('head_hash').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('counter_backups_name_idx').on(t.shopId, t.counterId, t.name),
    index('counter_backups_counter_idx').on(t.shopId, t.counterId, t.createdAt),
  ],
);

/** Raised from the counters' statuses by the evaluator, and cleared by it when the condition goes away. */
export const CONDITION_ALERT_KINDS = [
  'counter_silent',
  'outbox_backlog',
  'printer_error',
  'counter_backup_stale',
] as const;
/** Raised by sync when it refuses something (server/sync/events.ts): they stay until a person resolves them. */
export const EVENT_ALERT_KINDS = ['sync_conflict', 'sync_cursor_reset', 'journal_chain_broken'] as const;
export const ALERT_KINDS = [...CONDITION_ALERT_KINDS, ...EVENT_ALERT_KINDS] as const;
export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** An alert per (kind, subject) while its condition lasts; at most one unresolved at a time (the partial index). */
export const alerts = pgTable(
  'alerts',
  {
    shopId: uuid('shop_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    /** What it is about: a counter's id. */
    subject: text('subject').notNull(),
    severity: text('severity', { enum: ['warning', 'critical'] }).notNull(),
    message: text('message').notNull(),
    state: text('state', { enum: ALERT_STATES }).notNull().default('open'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    occurrences: integer('occurrences').notNull().default(1),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** Null when the condition cleared by itself. */
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('alerts_one_unresolved_idx')
      .on(t.shopId, t.kind, t.subject)
      .where(sql`state <> 'resolved'`),
    index('alerts_recent_idx').on(t.shopId, t.kind, t.subject, t.resolvedAt),
  ],
);

export type Alert = typeof alerts.$inferSelect;
