// The one door between the update controller and electron-updater. UpdaterLike is the part of electron-updater's
// AppUpdater we use, written out structurally so this folder never imports Electron (src-main/electron/updater.ts
// passes the real autoUpdater; tests pass a real DebUpdater running in plain Node).
import type { OutgoingHttpHeaders } from 'node:http';

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  requestHeaders: OutgoingHttpHeaders | null;
  setFeedURL(options: { provider: 'generic'; url: string; useMultipleRangeRequest?: boolean }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<string[]>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdaterPort {
  /** The newer version the feed offers, or null (none, or the updater is inactive in an unpackaged app). */
  check(): Promise<{ version: string } | null>;
  /** Downloads in the background; electron-updater checks the file's sha512 against the feed and rejects on mismatch. */
  download(): Promise<void>;
  /** Quits and runs the installer; the app restarts on the new version. */
  install(): void;
}

export interface FeedSettings {
  /** e.g. https://galla.example/updates/stable; null: the feed baked into the build's app-update.yml. */
  url: string | null;
  /** The counter's device token: decides the shop's pin and the counter's rollout bucket on the server. */
  deviceToken: string | null;
  allowPrerelease: boolean;
}

export function updaterPort(updater: UpdaterLike, feed: FeedSettings): UpdaterPort {
  // The controller decides when to download and when to install; electron-updater must not do either by itself.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = feed.allowPrerelease;
  if (feed.url) updater.setFeedURL({ provider: 'generic', url: feed.url, useMultipleRangeRequest: false });
  updater.requestHeaders = feed.deviceToken ? { authorization: `Bearer ${feed.deviceToken}` } : null;
  return {
    async check() {
      const result = await updater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    async download() {
      await updater.downloadUpdate();
    },
    install() {
      updater.quitAndInstall(true, true);
    },
  };
}
