// The real electron-updater (its Linux .deb updater, run in plain Node) against the real feed server, driven by the
// update controller over a real ledger: it finds the release meant for this counter, downloads it in the background,
// checks its sha512, refuses a tampered file while the running version carries on, and installs only at day close.
import fs from 'node:fs';
import http, { type IncomingMessage, type RequestOptions } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DebUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { counterActivity } from '../../../src-main/updates/activity';
import { attemptFile } from '../../../src-main/updates/attempt-file';
import { rolloutBucket } from '../../../server/updates/rollout';
import { feedUrl } from '../../../src-main/updates/config';
import { UpdateController, type Timers } from '../../../src-main/updates/controller';
import { updaterPort, type UpdaterPort } from '../../../src-main/updates/updater-port';
import { DEFAULT_UPDATE_POLICY } from '../../../src-shared/updates/policy';
import { shopWithStaff, type Shop } from '../../support/ledger';
import { listen, testConfig, testServerDb, type TestServerDb } from '../../support/server';
import { shopWithCounters } from '../../support/server-shop';
import { OPERATOR_TOKEN, releaseOnServer, sha512 } from '../../support/releases';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** What electron-updater needs from Electron's app, for a packaged Galla 0.1.0 whose data lives in a temp folder. */
function nodeApp(dir: string): AppAdapter {
  const appUpdateConfigPath = path.join(dir, 'app-update.yml');
  fs.writeFileSync(
    appUpdateConfigPath,
    'provider: generic\nurl: http://127.0.0.1:9/updates/stable\nupdaterCacheDirName: galla-updater\n',
  );
  return {
    version: '0.1.0',
    name: 'Galla',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: dir,
    baseCachePath: path.join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
}

async function feedWithCounter() {
  const releasesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-releases-'));
  const server: TestServerDb = await testServerDb({
    config: testConfig({ GALLA_RELEASES_DIR: releasesDir, GALLA_RELEASE_TOKEN: OPERATOR_TOKEN }),
  });
  const { app, url } = await listen(server.deps, server.database);
  cleanups.push(
    () => server.close(),
    () => app.close(),
  );
  const shop = await shopWithCounters(server, 'updates@shop.in', ['C1']);
  return { url, releasesDir, deviceToken: shop.counters[0]!.deviceToken, counterId: shop.counters[0]!.counterId };
}

/** electron-updater's own HTTP executor (download, redirects, sha512 on the way in), with Node's http under it for Electron's net. */
class NodeNetExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: RequestOptions,
    callback: (response: IncomingMessage) => void,
  ): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Node's ClientRequest has the write/end/abort/on surface that electron-updater uses of Electron's.
    return http.request(options).on('response', callback) as unknown as ReturnType<
      ElectronHttpExecutor['createRequest']
    >;
  }
}

function realUpdater(): { updater: AppUpdater; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-updater-'));
  const updater = new DebUpdater(null, nodeApp(dir));
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeNetExecutor();
  updater.logger = null;
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { updater, dir };
}

/** The real port, except that installing is only counted: running dpkg is not this test's business. */
function countingInstalls(port: UpdaterPort): UpdaterPort & { installs: number } {
  const counted = { ...port, installs: 0, install: () => void (counted.installs += 1) };
  return counted;
}

/** Timers the test fires by hand: the controller's schedule is observed, not waited for. */
function manualTimers(): Timers & { fire(ms: number): void; delays(): number[] } {
  let handles = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  return {
    setTimeout: (fn, ms) => (handles.set((next += 1), { fn, ms }), next),
    clearTimeout: (handle) => void handles.delete(handle as number),
    fire(ms) {
      const due = [...handles].filter(([, timer]) => timer.ms === ms);
      handles = new Map([...handles].filter(([, timer]) => timer.ms !== ms));
      for (const [, timer] of due) timer.fn();
    },
    delays: () => [...handles.values()].map((timer) => timer.ms),
  };
}

async function counter(options: { openShift: boolean }): Promise<Shop> {
  const shop = await shopWithStaff({ openShift: options.openShift });
  cleanups.push(() => shop.t.cleanup());
  return shop;
}

describe('electron-updater against the Galla feed', () => {
  it('finds the release, downloads it in the background and keeps it only when its sha512 matches the feed', async () => {
    const feed = await feedWithCounter();
    const build = await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const { updater, dir } = realUpdater();
    const port = updaterPort(updater, {
      url: feedUrl(feed.url, 'stable'),
      deviceToken: feed.deviceToken,
      allowPrerelease: false,
    });
    expect(await port.check()).toEqual({ version: '0.2.0' });
    await port.download();
    const downloaded = path.join(dir, 'cache', 'galla-updater', 'pending', build.name);
    expect(sha512(fs.readFileSync(downloaded))).toBe(sha512(build.bytes));
  });

  it('sends the device token, so the server can place this counter in a staged rollout', async () => {
    const feed = await feedWithCounter();
    await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    // The smallest rollout that reaches this counter (a bucket of 99 needs 100 %, which reaches everyone).
    const percent = rolloutBucket(feed.counterId) + 1;
    await releaseOnServer(feed.url, '0.3.0', { platform: 'linux', rolloutPercent: percent });
    const withToken = updaterPort(realUpdater().updater, {
      url: feedUrl(feed.url, 'stable'),
      deviceToken: feed.deviceToken,
      allowPrerelease: false,
    });
    const anonymous = updaterPort(realUpdater().updater, {
      url: feedUrl(feed.url, 'stable'),
      deviceToken: null,
      allowPrerelease: false,
    });
    expect(await withToken.check()).toEqual({ version: '0.3.0' });
    expect(await anonymous.check()).toEqual({ version: percent === 100 ? '0.3.0' : '0.2.0' });
  });

  it('a tampered file on the server fails the sha512 check: nothing is kept and the running version carries on', async () => {
    const feed = await feedWithCounter();
    const build = await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const onDisk = path.join(feed.releasesDir, build.name);
    const tampered = fs.readFileSync(onDisk);
    tampered[200] = tampered[200]! ^ 0xff;
    fs.writeFileSync(onDisk, tampered);
    const { updater, dir } = realUpdater();
    const port = countingInstalls(
      updaterPort(updater, { url: feedUrl(feed.url, 'stable'), deviceToken: feed.deviceToken, allowPrerelease: false }),
    );
    const shop = await counter({ openShift: false });
    const timers = manualTimers();
    const controller = new UpdateController({
      port,
      policy: DEFAULT_UPDATE_POLICY,
      runningVersion: '0.1.0',
      activity: () => counterActivity({ ledger: shop.t.ledger, callsInFlight: () => 0, billOpen: () => false }),
      attempts: attemptFile(path.join(dir, 'attempt.json')),
      confirm: async () => true,
      timers,
    });
    controller.start();
    await controller.checkNow();
    expect(controller.status()).toMatchObject({
      phase: 'failed',
      runningVersion: '0.1.0',
      error: expect.stringMatching(/sha512 checksum mismatch/),
    });
    expect(port.installs).toBe(0);
    expect(fs.existsSync(path.join(dir, 'cache', 'galla-updater', 'pending', build.name))).toBe(false);
    // It tries again in about half an hour, not at the next four-hourly check.
    expect(Math.max(...timers.delays().filter((ms) => ms !== 15_000))).toBeLessThan(3_600_000);
  });

  it('during a shift it downloads but waits; the cashier may install; a close while a bill is open installs nothing', async () => {
    const feed = await feedWithCounter();
    await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const { updater, dir } = realUpdater();
    const port = countingInstalls(
      updaterPort(updater, { url: feedUrl(feed.url, 'stable'), deviceToken: feed.deviceToken, allowPrerelease: false }),
    );
    const shop = await counter({ openShift: true });
    let billOpen = false;
    const prompts: string[] = [];
    const timers = manualTimers();
    const controller = new UpdateController({
      port,
      policy: { ...DEFAULT_UPDATE_POLICY, startWindowSeconds: 0 },
      runningVersion: '0.1.0',
      activity: () => counterActivity({ ledger: shop.t.ledger, callsInFlight: () => 0, billOpen: () => billOpen }),
      attempts: attemptFile(path.join(dir, 'attempt.json')),
      confirm: async (version) => (prompts.push(version), true),
      shiftPollMs: 1000,
      timers,
    });
    controller.start();
    await controller.checkNow();
    expect(controller.status()).toMatchObject({ phase: 'ready', availableVersion: '0.2.0', waitingFor: 'shift-open' });
    expect(await controller.considerInstall('cashier')).toEqual({ install: true, version: '0.2.0' });
    expect(port.installs).toBe(1);

    // Another day: the cashier is mid-bill when the manager closes the shift, so the close does not install.
    billOpen = true;
    await shop.manager.cashSessions.close({ countedPaise: 100_000, note: '' });
    timers.fire(1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(controller.status().waitingFor).toBe('bill-open');
    expect(prompts).toEqual([]);
    expect(port.installs).toBe(1);
  });

  it('at the day\'s close with no bill open, the prompt appears and "Restart and update" installs', async () => {
    const feed = await feedWithCounter();
    await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const { updater, dir } = realUpdater();
    const port = countingInstalls(
      updaterPort(updater, { url: feedUrl(feed.url, 'stable'), deviceToken: feed.deviceToken, allowPrerelease: false }),
    );
    const shop = await counter({ openShift: true });
    const prompts: string[] = [];
    const timers = manualTimers();
    const attempts = attemptFile(path.join(dir, 'attempt.json'));
    const controller = new UpdateController({
      port,
      policy: { ...DEFAULT_UPDATE_POLICY, startWindowSeconds: 0 },
      runningVersion: '0.1.0',
      activity: () => counterActivity({ ledger: shop.t.ledger, callsInFlight: () => 0, billOpen: () => false }),
      attempts,
      confirm: async (version) => (prompts.push(version), true),
      shiftPollMs: 1000,
      timers,
    });
    controller.start();
    await controller.checkNow();
    expect(port.installs).toBe(0);
    await shop.manager.cashSessions.close({ countedPaise: 100_000, note: '' });
    timers.fire(1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(prompts).toEqual(['0.2.0']);
    expect(port.installs).toBe(1);
    expect(attempts.read()).toEqual({ version: '0.2.0', attempts: 1 });
  });

  it('an install that did not take is noticed at the next start, and the old version carries on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-attempt-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const attempts = attemptFile(path.join(dir, 'attempt.json'));
    attempts.write({ version: '0.2.0', attempts: 1 });
    const port: UpdaterPort = { check: async () => null, download: async () => {}, install: () => {} };
    const controller = new UpdateController({
      port,
      policy: DEFAULT_UPDATE_POLICY,
      runningVersion: '0.1.0',
      activity: () => ({ billOpen: false, callsInFlight: 0, printsInFlight: 0, shiftOpen: false }),
      attempts,
      confirm: async () => false,
      timers: manualTimers(),
    });
    controller.start();
    expect(controller.status()).toMatchObject({
      lastInstall: 'failed',
      runningVersion: '0.1.0',
      error: expect.stringMatching(/0\.2\.0 did not work/),
    });
    expect(attempts.read()).toEqual({ version: '0.2.0', attempts: 1 });
  });
});
