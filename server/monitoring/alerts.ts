// Alerts for the owner: conditions found in the counters' status become one alert per (kind, counter) while they last;
// a person acknowledges or resolves them; a cooldown after resolution keeps a flapping condition from spamming.
import { and, desc, eq, gt, inArray, ne } from 'drizzle-orm';
import { Conflict, NotFound } from '../../src-shared/errors';
import { alerts, CONDITION_ALERT_KINDS, type Alert, type AlertKind } from './schema';
import { inShop } from '../db/tenant';
import type { OperationsConfig } from '../backup/config';
import type { ServerDeps } from '../trpc/init';
import { shopCounterStatuses, type CounterStatus } from './status';

export interface AlertCondition {
  kind: AlertKind;
  subject: string;
  severity: 'warning' | 'critical';
  message: string;
}

const MINUTE = 60_000;

function ago(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  return minutes < 120
    ? `${minutes} min`
    : minutes < 48 * 60
      ? `${Math.round(minutes / 60)} h`
      : `${Math.round(minutes / 1440)} days`;
}

/** Pure: what is wrong with these counters now. */
export function alertConditions(
  statuses: CounterStatus[],
  config: OperationsConfig['monitoring'],
  now: Date,
): AlertCondition[] {
  const found: AlertCondition[] = [];
  for (const counter of statuses) {
    const label = `${counter.name} (${counter.counterCode})`;
    const silentMs = now.getTime() - (counter.lastSyncAt ?? counter.enrolledAt).getTime();
    if (silentMs > config.counterSilentMinutes * MINUTE) {
      const severity = silentMs > config.counterSilentMinutes * MINUTE * 24 ? 'critical' : 'warning';
      found.push({
        kind: 'counter_silent',
        subject: counter.counterId,
        severity,
        message: `${label} has not synced for ${ago(silentMs)}.`,
      });
    }
    if (counter.outboxDepth !== null && counter.outboxDepth >= config.outboxBacklogOps) {
      found.push({
        kind: 'outbox_backlog',
        subject: counter.counterId,
        severity: 'warning',
        message: `${label} has ${counter.outboxDepth} changes waiting to sync.`,
      });
    }
    if (counter.printer?.state === 'error') {
      found.push({
        kind: 'printer_error',
        subject: counter.counterId,
        severity: 'warning',
        message: `${label}: printer problem${counter.printer.detail ? ` (${counter.printer.detail})` : ''}; ${counter.printer.jobsWaiting} print job(s) waiting.`,
      });
    }
    const backupMs = now.getTime() - (counter.lastUploadedBackupAt ?? counter.enrolledAt).getTime();
    if (backupMs > config.counterBackupStaleHours * 60 * MINUTE) {
      const last = counter.lastUploadedBackupAt
        ? `its last backup reached the server ${ago(backupMs)} ago`
        : 'no backup of it has reached the server yet';
      found.push({
        kind: 'counter_backup_stale',
        subject: counter.counterId,
        severity: 'warning',
        message: `${label}: ${last}.`,
      });
    }
  }
  return found;
}

export interface Evaluation {
  raised: number;
  updated: number;
  cleared: number;
  /** Conditions that came back within the cooldown of their last resolution: no new alert. */
  suppressed: number;
}

const key = (alert: { kind: string; subject: string }) => `${alert.kind}:${alert.subject}`;

export async function evaluateShopAlerts(deps: ServerDeps, shopId: string): Promise<Evaluation> {
  const now = deps.clock();
  const conditions = alertConditions(await shopCounterStatuses(deps, shopId), deps.config.operations.monitoring, now);
  const cooldownStart = new Date(now.getTime() - deps.config.operations.monitoring.alertCooldownMinutes * MINUTE);
  return inShop(deps.db, shopId, async (tx) => {
    const unresolved = await tx
      .select()
      .from(alerts)
      .where(
        and(eq(alerts.shopId, shopId), ne(alerts.state, 'resolved'), inArray(alerts.kind, [...CONDITION_ALERT_KINDS])),
      );
    const recent = await tx
      .select({ kind: alerts.kind, subject: alerts.subject })
      .from(alerts)
      .where(and(eq(alerts.shopId, shopId), eq(alerts.state, 'resolved'), gt(alerts.resolvedAt, cooldownStart)));
    const unresolvedByKey = new Map(unresolved.map((alert) => [key(alert), alert]));
    const cooling = new Set(recent.map(key));
    const evaluation: Evaluation = { raised: 0, updated: 0, cleared: 0, suppressed: 0 };
    const current = new Set<string>();
    for (const condition of conditions) {
      current.add(key(condition));
      const open = unresolvedByKey.get(key(condition));
      if (open) {
        await tx
          .update(alerts)
          .set({
            lastSeenAt: now,
            occurrences: open.occurrences + 1,
            message: condition.message,
            severity: condition.severity,
          })
          .where(and(eq(alerts.shopId, shopId), eq(alerts.id, open.id)));
        evaluation.updated += 1;
      } else if (cooling.has(key(condition))) {
        evaluation.suppressed += 1;
      } else {
        await tx.insert(alerts).values({ shopId, ...condition, firstSeenAt: now, lastSeenAt: now });
        evaluation.raised += 1;
      }
    }
    const cleared = unresolved.filter((alert) => !current.has(key(alert)));
    if (cleared.length) {
      await tx
        .update(alerts)
        .set({ state: 'resolved', resolvedAt: now, resolvedBy: null })
        .where(
          and(
            eq(alerts.shopId, shopId),
            inArray(
              alerts.id,
              cleared.map((alert) => alert.id),
            ),
          ),
        );
      evaluation.cleared = cleared.length;
    }
    return evaluation;
  });
}

export function listAlerts(
  deps: ServerDeps,
  shopId: string,
  which: 'unresolved' | 'resolved' | 'all',
  limit: number,
): Promise<Alert[]> {
  const state =
    which === 'unresolved'
      ? ne(alerts.state, 'resolved')
      : which === 'resolved'
        ? eq(alerts.state, 'resolved')
        : undefined;
  return inShop(deps.db, shopId, (tx) =>
    tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.shopId, shopId), state))
      .orderBy(desc(alerts.lastSeenAt))
      .limit(limit),
  );
}

async function changeAlert(
  deps: ServerDeps,
  shopId: string,
  alertId: string,
  change: (alert: Alert) => Partial<Alert>,
): Promise<Alert> {
  return inShop(deps.db, shopId, async (tx) => {
    const [alert] = await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.shopId, shopId), eq(alerts.id, alertId)))
      .for('update');
    if (!alert) throw new NotFound('No such alert in this shop.');
    const [changed] = await tx
      .update(alerts)
      .set(change(alert))
      .where(and(eq(alerts.shopId, shopId), eq(alerts.id, alertId)))
      .returning();
    return changed!;
  });
}

/** Acknowledged: someone is on it; it stays until resolved (or its condition clears). */
export function acknowledgeAlert(deps: ServerDeps, shopId: string, userId: string, alertId: string): Promise<Alert> {
  return changeAlert(deps, shopId, alertId, (alert) => {
    if (alert.state === 'resolved') throw new Conflict('This alert is already resolved.');
    return { state: 'acknowledged', acknowledgedAt: deps.clock(), acknowledgedBy: userId };
  });
}

/** Resolved by a person; if the condition persists it comes back only after the cooldown. */
export function resolveAlert(deps: ServerDeps, shopId: string, userId: string, alertId: string): Promise<Alert> {
  return changeAlert(deps, shopId, alertId, (alert) => {
    if (alert.state === 'resolved') throw new Conflict('This alert is already resolved.');
    return { state: 'resolved', resolvedAt: deps.clock(), resolvedBy: userId };
  });
}
