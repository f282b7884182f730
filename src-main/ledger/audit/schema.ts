// Audit log of privileged actions: who did it, who approved it, on what.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    action: text('action').notNull(),
    staffId: text('staff_id'),
    approvedBy: text('approved_by'),
    subjectId: text('subject_id'),
    details: text('details', { mode: 'json' }).notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
