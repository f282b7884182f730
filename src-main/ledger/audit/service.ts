// Writes and reads the audit log; callers write inside the transaction of the action they audit.
import { desc } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import { nowIso } from '../ledger';
import { auditLog } from './schema';

export interface AuditEvent {
  action: string;
  staffId: string | null;
  approvedBy?: string | null;
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

export function recordAudit(ledger: Ledger, event: AuditEvent): void {
  ledger.db
    .insert(auditLog)
    .values({
      at: nowIso(ledger),
      action: event.action,
      staffId: event.staffId,
      approvedBy: event.approvedBy ?? null,
      subjectId: event.subjectId ?? null,
      details: event.details ?? {},
    })
    .run();
}

export function listAudit(ledger: Ledger, limit: number, offset: number) {
  return ledger.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(limit).offset(offset).all();
}
