// Retention of counter backups: the newest of each of the last 7 days and of each of the last 4 weeks.
import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../../src-shared/backup/retention';

const at = (day: number, hour = 12) => new Date(2026, 10, day, hour);

describe('backup retention', () => {
  it('keeps 7 daily and 4 weekly from six weeks of twice-daily backups', () => {
    const backups = [];
    // 1 Oct to 23 Nov 2026, at 09:00 and 21:00 each day.
    for (let offset = 0; offset < 54; offset++) {
      for (const hour of [9, 21]) {
        const createdAt = new Date(2026, 9, 1 + offset, hour);
        backups.push({ name: createdAt.toISOString(), createdAt });
      }
    }
    const { keep, remove } = applyRetention(backups, { daily: 7, weekly: 4 });
    const days = keep.map(
      (backup) => `${backup.createdAt.getMonth() + 1}/${backup.createdAt.getDate()} ${backup.createdAt.getHours()}h`,
    );
    // The last 7 days' evening backups; the Sundays closing the three weeks before (each week's newest) add the weekly ones.
    expect(days).toEqual([
      '11/23 21h',
      '11/22 21h',
      '11/21 21h',
      '11/20 21h',
      '11/19 21h',
      '11/18 21h',
      '11/17 21h',
      '11/15 21h',
      '11/8 21h',
    ]);
    expect(keep.length + remove.length).toBe(backups.length);
  });

  it('keeps everything while there are fewer backups than the policy allows', () => {
    const backups = [at(20), at(21), at(22)].map((createdAt) => ({ name: createdAt.toISOString(), createdAt }));
    expect(applyRetention(backups, { daily: 7, weekly: 4 }).remove).toEqual([]);
  });

  it('keeps only the newest of several backups on one day', () => {
    const backups = [at(22, 9), at(22, 13), at(22, 21)].map((createdAt) => ({
      name: String(createdAt.getHours()),
      createdAt,
    }));
    const { keep, remove } = applyRetention(backups, { daily: 7, weekly: 4 });
    expect(keep.map((backup) => backup.name)).toEqual(['21']);
    expect(remove.map((backup) => backup.name)).toEqual(['13', '9']);
  });
});
