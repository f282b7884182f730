// The update feed as electron-updater's generic provider reads it: channels, staged rollout by counter, shop pins,
// the files with their sha512, and the operator's uploads that refuse anything inconsistent.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rolloutBucket } from '../../../server/updates/rollout';
import { listen, testConfig, testServerDb, type TestServerDb } from '../../support/server';
import { shopWithCounters } from '../../support/server-shop';
import { fakeBuild, offeredVersion, operator, OPERATOR_TOKEN, releaseOnServer, sha512 } from '../../support/releases';

let server: TestServerDb;
let stop: (() => Promise<unknown>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
  await server?.close();
});

async function feedServer(env: Record<string, string> = { GALLA_RELEASE_TOKEN: OPERATOR_TOKEN }) {
  const releasesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-releases-'));
  server = await testServerDb({ config: testConfig({ GALLA_RELEASES_DIR: releasesDir, ...env }) });
  const { app, url } = await listen(server.deps, server.database);
  stop = () => app.close();
  return { url, releasesDir };
}

describe('update feed', () => {
  it('serves the published latest-linux.yml and its file, whose bytes match the sha512 in it', async () => {
    const { url } = await feedServer();
    const build = await releaseOnServer(url, '0.2.0');
    const feed = await fetch(`${url}/updates/stable/latest-linux.yml`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/yaml/);
    expect(feed.headers.get('cache-control')).toBe('no-store');
    expect(await feed.text()).toBe(build.feedYml);
    const file = await fetch(`${url}/updates/stable/${build.name}`);
    expect(file.status).toBe(200);
    expect(sha512(Buffer.from(await file.arrayBuffer()))).toBe(sha512(build.bytes));
    // Ranges, for electron-updater's differential downloads.
    const part = await fetch(`${url}/updates/stable/${build.name}`, { headers: { range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(build.bytes.subarray(0, 10))).toBe(true);
  });

  it('answers 404 before anything is published, and for unknown channels and files', async () => {
    const { url } = await feedServer();
    expect(await offeredVersion(url, 'stable', null)).toBe(404);
    await releaseOnServer(url, '0.2.0');
    expect(await offeredVersion(url, 'nightly', null)).toBe(404);
    expect((await fetch(`${url}/updates/stable/Galla-9.9.9.AppImage`)).status).toBe(404);
    expect((await fetch(`${url}/updates/stable/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('keeps Windows and Linux apart: latest.yml is the Windows release', async () => {
    const { url } = await feedServer();
    await releaseOnServer(url, '0.2.0', { platform: 'linux' });
    await releaseOnServer(url, '0.3.0', { platform: 'win' });
    expect(await offeredVersion(url, 'stable', null, 'linux')).toBe('0.2.0');
    expect(await offeredVersion(url, 'stable', null, 'win')).toBe('0.3.0');
  });

  it('channels: beta sees beta and stable releases, stable only stable; promoting moves a release to stable', async () => {
    const { url } = await feedServer();
    await releaseOnServer(url, '0.2.0');
    await releaseOnServer(url, '0.3.0-beta.1', { channel: 'beta' });
    expect(await offeredVersion(url, 'stable', null)).toBe('0.2.0');
    expect(await offeredVersion(url, 'beta', null)).toBe('0.3.0-beta.1');
    await releaseOnServer(url, '0.3.0');
    // 0.3.0 is newer than 0.3.0-beta.1 in semver, so beta counters move on to it too.
    expect(await offeredVersion(url, 'beta', null)).toBe('0.3.0');
    const promoted = await operator(url).change('0.3.0-beta.1', 'linux', { channel: 'stable' });
    expect(promoted.status).toBe(200);
    expect(await offeredVersion(url, 'stable', null)).toBe('0.3.0');
  });

  it('a withdrawn release is offered to nobody; the previous one is offered again', async () => {
    const { url } = await feedServer();
    await releaseOnServer(url, '0.2.0');
    await releaseOnServer(url, '0.3.0');
    expect((await operator(url).change('0.3.0', 'linux', { withdrawn: true })).status).toBe(200);
    expect(await offeredVersion(url, 'stable', null)).toBe('0.2.0');
  });
});

describe('staged rollout', () => {
  it('offers a release to the counters whose bucket (a hash of the counter id) is under its percentage, and to all at 100 %', async () => {
    const { url } = await feedServer();
    const shop = await shopWithCounters(
      server,
      'rollout@shop.in',
      Array.from({ length: 16 }, (_, i) => `C${i + 1}`),
    );
    await releaseOnServer(url, '0.2.0');
    await releaseOnServer(url, '0.3.0', { rolloutPercent: 40 });
    const inside = shop.counters.filter((counter) => rolloutBucket(counter.counterId) < 40);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(shop.counters.length);
    for (const counter of shop.counters)
      expect(await offeredVersion(url, 'stable', counter.deviceToken)).toBe(
        rolloutBucket(counter.counterId) < 40 ? '0.3.0' : '0.2.0',
      );
    // A counter we cannot identify only sees what everyone sees.
    expect(await offeredVersion(url, 'stable', null)).toBe('0.2.0');
    expect(await offeredVersion(url, 'stable', 'gdt_not-a-real-token')).toBe('0.2.0');
    await operator(url).change('0.3.0', 'linux', { rolloutPercent: 100 });
    for (const counter of shop.counters) expect(await offeredVersion(url, 'stable', counter.deviceToken)).toBe('0.3.0');
  });

  it('buckets are stable and even: about p % of many counters fall under p %', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) =>
      createHash('md5')
        .update(String(i))
        .digest('hex')
        .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
    );
    for (const percent of [1, 10, 50, 90]) {
      const share = ids.filter((id) => rolloutBucket(id) < percent).length / ids.length;
      expect(Math.abs(share - percent / 100)).toBeLessThan(0.015);
    }
    expect(rolloutBucket(ids[0]!)).toBe(rolloutBucket(ids[0]!));
  });
});

describe('pinning a shop to a version', () => {
  it('holds every counter of the pinned shop at that version; other shops move on; unpinning releases it', async () => {
    const { url } = await feedServer();
    const pinned = await shopWithCounters(server, 'careful@shop.in', ['C1', 'C2']);
    const other = await shopWithCounters(server, 'eager@shop.in', ['C1']);
    await releaseOnServer(url, '0.2.0');
    await releaseOnServer(url, '0.3.0');
    await pinned.owner.updates.pin({ version: '0.2.0' });
    expect(await pinned.owner.updates.pinned()).toMatchObject({ version: '0.2.0' });
    for (const counter of pinned.counters)
      expect(await offeredVersion(url, 'stable', counter.deviceToken)).toBe('0.2.0');
    expect(await offeredVersion(url, 'stable', other.counters[0]!.deviceToken)).toBe('0.3.0');
    await pinned.owner.updates.unpin();
    expect(await offeredVersion(url, 'stable', pinned.counters[0]!.deviceToken)).toBe('0.3.0');
  });

  it('only an owner may pin, only to a published version; a pin to a withdrawn version offers nothing (404)', async () => {
    const { url } = await feedServer();
    const shop = await shopWithCounters(server, 'owner@pin.in', ['C1']);
    await releaseOnServer(url, '0.2.0');
    await releaseOnServer(url, '0.3.0');
    await expect(shop.owner.updates.pin({ version: '9.9.9' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await shop.owner.accounts.addStaff({ email: 'manager@pin.in', password: 'correct horse battery', role: 'manager' });
    const manager = await server.as(
      (await (await server.as(null)).accounts.login({ email: 'manager@pin.in', password: 'correct horse battery' }))
        .accessToken,
    );
    await expect(manager.updates.pin({ version: '0.2.0' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shop.counters[0]!.api.updates.pin({ version: '0.2.0' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await shop.owner.updates.pin({ version: '0.2.0' });
    await operator(url).change('0.2.0', 'linux', { withdrawn: true });
    expect(await offeredVersion(url, 'stable', shop.counters[0]!.deviceToken)).toBe(404);
  });
});

describe('pins and tenant isolation', () => {
  it("one shop's owner neither sees nor changes another shop's pin (updates.pin, unpin, pinned, versions)", async () => {
    const { url } = await feedServer();
    const a = await shopWithCounters(server, 'asha@pin.in', ['C1']);
    const b = await shopWithCounters(server, 'bilal@pin.in', ['C1']);
    await releaseOnServer(url, '0.2.0');
    await releaseOnServer(url, '0.3.0');
    await a.owner.updates.pin({ version: '0.2.0' });
    expect(await b.owner.updates.pinned()).toBeNull();
    await b.owner.updates.unpin();
    expect(await a.owner.updates.pinned()).toMatchObject({ shopId: a.shopId, version: '0.2.0' });
    await b.owner.updates.pin({ version: '0.3.0' });
    expect(await a.owner.updates.pinned()).toMatchObject({ version: '0.2.0' });
    expect(await offeredVersion(url, 'stable', a.counters[0]!.deviceToken)).toBe('0.2.0');
    // The list of versions is the server's, the same for every shop, and carries no shop's data.
    expect((await b.owner.updates.versions()).map((release) => release.version)).toEqual(['0.3.0', '0.2.0']);
    await expect((await server.as(null)).updates.pinned()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('operator uploads', () => {
  it('need the operator token, and are off when the server has none', async () => {
    const { url } = await feedServer();
    const build = fakeBuild('0.2.0');
    expect((await operator(url, 'x'.repeat(40)).put(build.name, build.bytes)).status).toBe(401);
    await stop?.();
    await server.close();
    const off = await feedServer({});
    const refused = await operator(off.url).put(build.name, build.bytes);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/GALLA_RELEASE_TOKEN/);
  });

  it('publish only when every named file is uploaded with the same bytes; nothing is published otherwise', async () => {
    const { url } = await feedServer();
    const build = fakeBuild('0.2.0');
    const op = operator(url);
    const missing = await op.publish({ platform: 'linux', channel: 'stable', feedYml: build.feedYml });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toMatch(/was not uploaded/);
    const tampered = Buffer.from(build.bytes);
    tampered[100] = tampered[100]! ^ 0xff;
    expect((await op.put(build.name, tampered)).status).toBe(200);
    const mismatch = await op.publish({ platform: 'linux', channel: 'stable', feedYml: build.feedYml });
    expect(mismatch.status).toBe(400);
    expect(((await mismatch.json()) as { error: string }).error).toMatch(/sha512 or size differ/);
    expect(await (await op.list()).json()).toEqual([]);
    expect(await offeredVersion(url, 'stable', null)).toBe(404);
  });

  it('a stored file never changes bytes; the same upload and the same publish again are harmless retries', async () => {
    const { url, releasesDir } = await feedServer();
    const build = fakeBuild('0.2.0');
    const op = operator(url);
    expect((await op.put(build.name, build.bytes)).status).toBe(200);
    expect((await op.put(build.name, build.bytes)).status).toBe(200);
    expect((await op.put(build.name, Buffer.from('other bytes'))).status).toBe(409);
    expect(fs.readFileSync(path.join(releasesDir, build.name)).equals(build.bytes)).toBe(true);
    expect(fs.readdirSync(releasesDir).filter((name) => name.startsWith('.incoming'))).toEqual([]);
    expect((await op.publish({ platform: 'linux', channel: 'stable', feedYml: build.feedYml })).status).toBe(201);
    expect((await op.publish({ platform: 'linux', channel: 'stable', feedYml: build.feedYml })).status).toBe(201);
    const rebuilt = fakeBuild('0.2.0');
    await op.put(`x-${rebuilt.name}`, rebuilt.bytes);
    expect(
      (
        await op.publish({
          platform: 'linux',
          channel: 'stable',
          feedYml: rebuilt.feedYml.replaceAll(rebuilt.name, `x-${rebuilt.name}`),
        })
      ).status,
    ).toBe(409);
  });

  it('refuses bad names, bad feed files and bad rollout figures with a clear message', async () => {
    const { url } = await feedServer();
    const op = operator(url);
    expect((await op.put('.hidden', Buffer.from('x'))).status).toBe(400);
    expect((await op.publish({ platform: 'linux', channel: 'stable', feedYml: 'version: [' })).status).toBe(400);
    expect(
      (await op.publish({ platform: 'linux', channel: 'stable', feedYml: 'version: banana\nfiles: []' })).status,
    ).toBe(400);
    await releaseOnServer(url, '0.2.0');
    const tooMuch = await op.change('0.2.0', 'linux', { rolloutPercent: 120 });
    expect(tooMuch.status).toBe(400);
    expect((await op.change('0.9.0', 'linux', { rolloutPercent: 50 })).status).toBe(404);
  });
});
