// The server's store of counter backups over HTTP: who may upload, list and download, and what it refuses.
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_MAGIC } from '../../../src-shared/backup/contracts';
import { listen, testConfig, testServerDb, type TestServerDb } from '../../support/server';
import { shopWithCounters } from '../../support/server-shop';

let server: TestServerDb;
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
  await server?.close();
});

async function served(env: Record<string, string> = {}) {
  server = await testServerDb({ config: testConfig(env) });
  const { app, url } = await listen(server.deps, server.database);
  close = () => app.close();
  return url;
}

/** A file that starts like a counter backup (the server reads only the header; the rest is opaque ciphertext). */
function fakeBackup(createdAt: string, filler = 4096): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      v: 1,
      kdf: { name: 'scrypt', salt: 'c2FsdA==', N: 32768, r: 8, p: 1 },
      keyCheck: 'AAAA',
      iv: 'AAAA',
      createdAt,
      reason: 'day_close',
      counterCode: 'C1',
      shopName: 'Galla Kirana',
      documents: 12,
      headHash: 'ab'.repeat(32),
      plainBytes: 9000,
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([Buffer.from(BACKUP_MAGIC), length, header, Buffer.alloc(filler, 7)]);
}

const put = (url: string, token: string | null, name: string, body: Buffer) =>
  fetch(`${url}/backups/counters?name=${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });
const get = (url: string, token: string, path = '') =>
  fetch(`${url}/backups/counters${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('counter backups on the server', () => {
  it("takes a counter's upload once, lists it for that counter and the owner, and hands back the same bytes", async () => {
    const url = await served();
    const { session, counters } = await shopWithCounters(server, 'store@example.in');
    const [c1, c2] = counters;
    const file = fakeBackup('2026-11-22T21:00:00.000Z');
    const uploaded = await put(url, c1!.deviceToken, 'galla-C1-20261122T210000Z-day_close.gbak', file);
    expect(uploaded.status).toBe(201);
    const entry = (await uploaded.json()) as { id: string; sha256: string; documents: number; bytes: number };
    expect(entry).toMatchObject({ documents: 12, bytes: file.length });
    expect((await put(url, c1!.deviceToken, 'galla-C1-20261122T210000Z-day_close.gbak', file)).status).toBe(201);

    expect(((await (await get(url, c1!.deviceToken)).json()) as unknown[]).length).toBe(1);
    expect(await (await get(url, c2!.deviceToken)).json()).toEqual([]);
    expect(((await (await get(url, session.accessToken)).json()) as unknown[]).length).toBe(1);

    const download = await get(url, session.accessToken, `/${entry.id}`);
    expect(download.headers.get('x-galla-sha256')).toBe(entry.sha256);
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true);
    expect((await get(url, c2!.deviceToken, `/${entry.id}`)).status).toBe(404);
  });

  it('refuses no token, another shop, a file that is not a backup, a bad name, and a file over the limit', async () => {
    const url = await served({ COUNTER_BACKUP_MAX_BYTES: '8192' });
    const mine = await shopWithCounters(server, 'mine@example.in', ['C1']);
    const theirs = await shopWithCounters(server, 'theirs@example.in', ['C1']);
    const token = mine.counters[0]!.deviceToken;
    const uploaded = (await (
      await put(url, token, 'galla-C1-a.gbak', fakeBackup('2026-11-22T21:00:00.000Z'))
    ).json()) as { id: string };

    expect((await put(url, null, 'galla-C1-b.gbak', fakeBackup('2026-11-22T21:00:00.000Z'))).status).toBe(401);
    expect((await get(url, theirs.session.accessToken, `/${uploaded.id}`)).status).toBe(404);
    expect(
      (await put(url, mine.session.accessToken, 'galla-C1-c.gbak', fakeBackup('2026-11-22T21:00:00.000Z'))).status,
    ).toBe(403);
    const notBackup = await put(
      url,
      token,
      'galla-C1-d.gbak',
      Buffer.from('hello, this is a text file and not a Galla backup'),
    );
    expect(notBackup.status).toBe(400);
    expect(await notBackup.json()).toMatchObject({ message: 'This is not a Galla backup file.' });
    expect((await put(url, token, '../../etc/passwd', fakeBackup('2026-11-22T21:00:00.000Z'))).status).toBe(400);
    expect((await put(url, token, 'galla-C1-e.gbak', fakeBackup('2026-11-22T21:00:00.000Z', 20_000))).status).toBe(413);
    expect(((await (await get(url, token)).json()) as unknown[]).length).toBe(1);
  });

  it("keeps each counter's newest uploads only", async () => {
    const url = await served({ COUNTER_BACKUPS_KEPT: '3' });
    const { counters, owner } = await shopWithCounters(server, 'keep@example.in', ['C1']);
    for (let day = 1; day <= 5; day++) {
      const at = `2026-11-${String(day + 10).padStart(2, '0')}T21:00:00.000Z`;
      expect((await put(url, counters[0]!.deviceToken, `galla-C1-day${day}.gbak`, fakeBackup(at))).status).toBe(201);
    }
    const kept = (await (await get(url, counters[0]!.deviceToken)).json()) as { name: string }[];
    expect(kept.map((entry) => entry.name)).toEqual(['galla-C1-day5.gbak', 'galla-C1-day4.gbak', 'galla-C1-day3.gbak']);
    const [status] = await owner.monitoring.counters();
    expect(status!.lastUploadedBackupAt).toEqual(new Date('2026-11-15T21:00:00.000Z'));
  });
});
