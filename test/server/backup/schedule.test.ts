// The running server backs itself up when the newest backup is older than the interval, and /metrics reports its age.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { listServerDumps } from '../../../server/backup/dump';
import type { ServerDatabase } from '../../../server/db/connection';
import { backupAge } from '../../../server/monitoring/metrics';
import { startOperations, type Operations } from '../../../server/monitoring/operations';
import type { ServerDeps } from '../../../server/trpc/init';
import { freshTestDatabase, listen, testConfig, type TestDatabase } from '../../support/server';

const SCRAPE_TOKEN = 'scheduled-backup-scrape-0123456789';
let testDb: TestDatabase | null = null;
let database: ServerDatabase | null = null;
let operations: Operations | null = null;
let dir = '';
afterEach(async () => {
  await operations?.stop();
  await database?.close();
  await testDb?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('scheduled server backups', () => {
  it('takes a backup when none is recent, not again within the interval, and again once it has passed', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-scheduled-'));
    testDb = await freshTestDatabase();
    database = await testDb.open();
    let now = new Date('2026-11-23T02:00:00Z');
    const config = testConfig({
      GALLA_BACKUP_DIR: dir,
      BACKUP_INTERVAL_HOURS: '24',
      // Scraped on the server's own port, as a Prometheus with the token does.
      METRICS_TOKEN: SCRAPE_TOKEN,
      ...(testDb.url ? { DATABASE_URL: testDb.url } : {}),
    });
    const deps: ServerDeps = { db: database.db, config, clock: () => now, log: pino({ level: 'silent' }) };
    operations = startOperations(deps, database, { checkBackupEveryMs: 3_600_000 });

    const first = await operations.backupIfDue();
    expect(first).toMatch(/galla-server-20261123T020000Z\.(pgdump|pglite\.tar\.gz)$/);
    now = new Date('2026-11-23T20:00:00Z');
    expect(await operations.backupIfDue()).toBeNull();
    now = new Date('2026-11-24T02:30:00Z');
    expect(await operations.backupIfDue()).toMatch(/20261124T023000Z/);
    expect(listServerDumps(dir)).toHaveLength(2);

    now = new Date('2026-11-24T03:30:00Z');
    const { app, url } = await listen(deps, database);
    try {
      const reply = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${SCRAPE_TOKEN}` } });
      const text = await reply.text();
      expect(text).toMatch(/^galla_backup_age_seconds\{service="galla-server"\} 3600$/m);
      expect((await backupAge.get()).values[0]!.value).toBe(3600);
    } finally {
      await app.close();
    }
  });
});
