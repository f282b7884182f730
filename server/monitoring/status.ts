// Each counter's state as the owner's monitoring page shows it: last sync, outbox, version, printer, last backup.
import { and, eq, isNull, max } from 'drizzle-orm';
import { counterBackups, counterHeartbeats } from './schema';
import { counterCursors } from '../sync/schema';
import { counters } from '../accounts/schema';
import type { ServerDb } from '../db/connection';
import { allShopIds, inShop } from '../db/tenant';
import type { ServerDeps } from '../trpc/init';

export interface CounterStatus {
  shopId: string;
  counterId: string;
  name: string;
  counterCode: string;
  enrolledAt: Date;
  /** The later of its last push, last pull and last heartbeat. */
  lastSyncAt: Date | null;
  clockSkewMs: number | null;
  appVersion: string | null;
  outboxDepth: number | null;
  printer: { state: string; detail: string | null; jobsWaiting: number } | null;
  heartbeatAt: Date | null;
  lastBackupAt: Date | null;
  /** The newest snapshot the counter uploaded here, which is what a new PC could restore. */
  lastUploadedBackupAt: Date | null;
}

function latest(...dates: (Date | null | undefined)[]): Date | null {
  const present = dates.filter((date): date is Date => date instanceof Date);
  return present.length ? new Date(Math.max(...present.map((date) => date.getTime()))) : null;
}

/** Live counters of one shop. */
async function queryStatuses(db: ServerDb, shopId: string): Promise<CounterStatus[]> {
  const uploaded = db
    .select({
      shopId: counterBackups.shopId,
      counterId: counterBackups.counterId,
      at: max(counterBackups.createdAt).as('at'),
    })
    .from(counterBackups)
    .groupBy(counterBackups.shopId, counterBackups.counterId)
    .as('uploaded');
  const rows = await db
    .select({ counter: counters, cursor: counterCursors, heartbeat: counterHeartbeats, uploadedAt: uploaded.at })
    .from(counters)
    .leftJoin(
      counterCursors,
      and(eq(counterCursors.shopId, counters.shopId), eq(counterCursors.counterId, counters.id)),
    )
    .leftJoin(
      counterHeartbeats,
      and(eq(counterHeartbeats.shopId, counters.shopId), eq(counterHeartbeats.counterId, counters.id)),
    )
    .leftJoin(uploaded, and(eq(uploaded.shopId, counters.shopId), eq(uploaded.counterId, counters.id)))
    .where(and(isNull(counters.revokedAt), eq(counters.shopId, shopId)))
    .orderBy(counters.shopId, counters.counterCode);
  return rows.map(({ counter, cursor, heartbeat, uploadedAt }) => ({
    shopId: counter.shopId,
    counterId: counter.id,
    name: counter.name,
    counterCode: counter.counterCode,
    enrolledAt: counter.enrolledAt,
    lastSyncAt: latest(counter.lastSeenAt, cursor?.pulledAt, heartbeat?.receivedAt),
    clockSkewMs: counter.lastClockSkewMs,
    appVersion: heartbeat?.appVersion ?? counter.appVersion,
    outboxDepth: heartbeat?.outboxDepth ?? null,
    printer: heartbeat
      ? { state: heartbeat.printerState, detail: heartbeat.printerDetail, jobsWaiting: heartbeat.printJobsWaiting }
      : null,
    heartbeatAt: heartbeat?.receivedAt ?? null,
    lastBackupAt: latest(heartbeat?.lastBackupAt, uploadedAt ? new Date(uploadedAt as unknown as string) : null),
    lastUploadedBackupAt: uploadedAt ? new Date(uploadedAt as unknown as string) : null,
  }));
}

export function shopCounterStatuses(deps: Pick<ServerDeps, 'db'>, shopId: string): Promise<CounterStatus[]> {
  return inShop(deps.db, shopId, (tx) => queryStatuses(tx, shopId));
}

/** Every shop's live counters (the metrics scrape), shop by shop, each inside its own inShop. */
export async function allCounterStatuses(deps: Pick<ServerDeps, 'db'>): Promise<CounterStatus[]> {
  const statuses: CounterStatus[] = [];
  for (const shopId of await allShopIds(deps.db)) statuses.push(...(await shopCounterStatuses(deps, shopId)));
  return statuses;
}
