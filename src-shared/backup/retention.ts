// Which backups to keep: the newest of each of the last N days and of each of the last M ISO weeks (grandfather-father-son).
import { format } from 'date-fns';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
}

export interface Dated {
  name: string;
  createdAt: Date;
}

function newestPerPeriod<T extends Dated>(sorted: T[], period: (at: Date) => string, count: number): T[] {
  const kept: T[] = [];
  const seen = new Set<string>();
  for (const backup of sorted) {
    const key = period(backup.createdAt);
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > count) break;
    kept.push(backup);
  }
  return kept;
}

/** Splits backups into those to keep and those to delete. Days and weeks are the shop's local calendar. */
export function applyRetention<T extends Dated>(backups: T[], policy: RetentionPolicy): { keep: T[]; remove: T[] } {
  const sorted = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keepNames = new Set([
    ...newestPerPeriod(sorted, (at) => format(at, 'yyyy-MM-dd'), policy.daily).map((backup) => backup.name),
    ...newestPerPeriod(sorted, (at) => format(at, "RRRR-'W'II"), policy.weekly).map((backup) => backup.name),
  ]);
  return {
    keep: sorted.filter((backup) => keepNames.has(backup.name)),
    remove: sorted.filter((backup) => !keepNames.has(backup.name)),
  };
}
