// electron-updater's real Linux updater (DebUpdater) running in plain Node for tests: Electron's app and net stood in
// for by Node (the one place a stand-in is allowed: Electron cannot run here), with timers the test fires by hand.
import fs from 'node:fs';
import http, { type IncomingMessage, type RequestOptions } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DebUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import type { Timers } from '../../src-main/updates/controller';
import type { UpdaterPort } from '../../src-main/updates/updater-port';
import { shopWithStaff, type Shop } from './ledger';
import { OPERATOR_TOKEN } from './releases';
import { listen, testConfig, testServerDb, type TestServerDb } from './server';
import { shopWithCounters } from './server-shop';

/** What electron-updater needs from Electron's app, for a packaged Galla 0.1.0 whose data lives in a temp folder. */
export function nodeApp(dir: string): AppAdapter {
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

export function realUpdater(cleanups: (() => unknown)[]): { updater: AppUpdater; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-updater-'));
  const updater = new DebUpdater(null, nodeApp(dir));
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeNetExecutor();
  updater.logger = null;
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { updater, dir };
}

/** The real port, except that installing is only counted: running dpkg is not this test's business. */
export function countingInstalls(port: UpdaterPort): UpdaterPort & { installs: number } {
  const counted = { ...port, installs: 0, install: () => void (counted.installs += 1) };
  return counted;
}

/** Timers the test fires by hand: the controller's schedule is observed, not waited for. */
export function manualTimers(): Timers & { fire(ms: number): void; delays(): number[] } {
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

/** The Galla server on PGlite, listening on 127.0.0.1, with one shop and its counter C1 enrolled. */
export async function feedWithCounter(cleanups: (() => unknown)[]) {
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

/** A counter's ledger on a real SQLite file, with or without the day's shift open. */
export async function counterLedger(cleanups: (() => unknown)[], options: { openShift: boolean }): Promise<Shop> {
  const shop = await shopWithStaff({ openShift: options.openShift });
  cleanups.push(() => shop.t.cleanup());
  return shop;
}
