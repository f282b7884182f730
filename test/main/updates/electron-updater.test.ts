// The real electron-updater (its Linux .deb updater, run in plain Node) against the real feed server, driven by the
// update controller over a real ledger: it finds the release meant for this counter, downloads it in the background,
// checks its sha512, refuses a tampered file while the running version carries on, and installs only at day close.
// What only the publisher's signature decides is in release-signing.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { counterActivity } from '../../../src-main/updates/activity';
import { attemptFile } from '../../../src-main/updates/attempt-file';
import { rolloutBucket } from '../../../server/updates/rollout';
import { feedUrl } from '../../../src-main/updates/config';
import { UpdateController } from '../../../src-main/updates/controller';
import { updaterPort, type UpdaterPort } from '../../../src-main/updates/updater-port';
import { DEFAULT_UPDATE_POLICY } from '../../../src-shared/updates/policy';
import {
  countingInstalls,
  counterLedger,
  feedWithCounter,
  manualTimers,
  realUpdater,
} from '../../support/electron-updater';
import { releaseOnServer, sha512, TEST_RELEASE_KEY } from '../../support/releases';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const trustedKeys = [TEST_RELEASE_KEY.publicKey];

describe('electron-updater against the Galla feed', () => {
  it('finds the release, downloads it in the background and keeps it only when its sha512 matches the feed', async () => {
    const feed = await feedWithCounter(cleanups);
    const build = await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const { updater, dir } = realUpdater(cleanups);
    const port = updaterPort(updater, {
      url: feedUrl(feed.url, 'stable'),
      deviceToken: feed.deviceToken,
      allowPrerelease: false,
      trustedKeys,
    });
    expect(await port.check()).toEqual({ version: '0.2.0' });
    await port.download();
    const downloaded = path.join(dir, 'cache', 'galla-updater', 'pending', build.name);
    expect(sha512(fs.readFileSync(downloaded))).toBe(sha512(build.bytes));
  });

  it('sends the device token, so the server can place this counter in a staged rollout', async () => {
    const feed = await feedWithCounter(cleanups);
    await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    // The smallest rollout that reaches this counter (a bucket of 99 needs 100 %, which reaches everyone).
    const percent = rolloutBucket(feed.counterId) + 1;
    await releaseOnServer(feed.url, '0.3.0', { platform: 'linux', rolloutPercent: percent });
    const withToken = updaterPort(realUpdater(cleanups).updater, {
      url: feedUrl(feed.url, 'stable'),
      deviceToken: feed.deviceToken,
      allowPrerelease: false,
      trustedKeys,
    });
    const anonymous = updaterPort(realUpdater(cleanups).updater, {
      url: feedUrl(feed.url, 'stable'),
      deviceToken: null,
      allowPrerelease: false,
      trustedKeys,
    });
    expect(await withToken.check()).toEqual({ version: '0.3.0' });
    expect(await anonymous.check()).toEqual({ version: percent === 100 ? '0.3.0' : '0.2.0' });
  });

  it('a tampered file on the server fails the sha512 check: nothing is kept and the running version carries on', async () => {
    const feed = await feedWithCounter(cleanups);
    const build = await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const onDisk = path.join(feed.releasesDir, build.name);
    const tampered = fs.readFileSync(onDisk);
    tampered[200] = tampered[200]! ^ 0xff;
    fs.writeFileSync(onDisk, tampered);
    const { updater, dir } = realUpdater(cleanups);
    const port = countingInstalls(
      updaterPort(updater, {
        url: feedUrl(feed.url, 'stable'),
        deviceToken: feed.deviceToken,
        allowPrerelease: false,
        trustedKeys,
      }),
    );
    const shop = await counterLedger(cleanups, { openShift: false });
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
    const feed = await feedWithCounter(cleanups);
    await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const { updater, dir } = realUpdater(cleanups);
    const port = countingInstalls(
      updaterPort(updater, {
        url: feedUrl(feed.url, 'stable'),
        deviceToken: feed.deviceToken,
        allowPrerelease: false,
        trustedKeys,
      }),
    );
    const shop = await counterLedger(cleanups, { openShift: true });
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
    const feed = await feedWithCounter(cleanups);
    await releaseOnServer(feed.url, '0.2.0', { platform: 'linux' });
    const { updater, dir } = realUpdater(cleanups);
    const port = countingInstalls(
      updaterPort(updater, {
        url: feedUrl(feed.url, 'stable'),
        deviceToken: feed.deviceToken,
        allowPrerelease: false,
        trustedKeys,
      }),
    );
    const shop = await counterLedger(cleanups, { openShift: true });
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
    // Before installing, the counter asks the feed again (a withdrawn release must not install): a real request.
    await expect.poll(() => port.installs).toBe(1);
    expect(prompts).toEqual(['0.2.0']);
    expect(attempts.read()).toEqual({ version: '0.2.0', attempts: 1 });
  });

  it('an install that did not take is noticed at the next start, and the old version carries on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-attempt-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const attempts = attemptFile(path.join(dir, 'attempt.json'));
    attempts.write({ version: '0.2.0', attempts: 1 });
    const port: UpdaterPort = {
      check: async () => null,
      download: async () => {},
      recheck: async () => {},
      install: () => {},
    };
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
