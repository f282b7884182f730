// The one door between the update controller and electron-updater. UpdaterLike is the part of electron-updater's
// AppUpdater we use, written out structurally so this folder never imports Electron (src-main/electron/updater.ts
// passes the real autoUpdater; tests pass a real DebUpdater running in plain Node).
// Whatever electron-updater checks by itself (a sha512 the feed chose, Authenticode only on Windows), this door lets
// through only what the publisher signed: the feed's signature before downloading, each downloaded file's own bytes
// after, and both again, against a fresh look at the feed, just before installing.
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { isAllowedServerUrl } from '../../src-shared/sync/server-url';
import { shopText } from '../../src-shared/shop-messages';
import type { SignedFeed } from '../../src-shared/updates/signature';
import { checkDownloadedFile, UpdateRefused, verifiedRelease } from './release-signature';

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
  /** The newer version the feed offers with a valid publisher's signature, or null (none, or the updater is inactive). */
  check(): Promise<{ version: string } | null>;
  /** Downloads in the background; every downloaded file must be one the publisher signed, or it is deleted. */
  download(): Promise<void>;
  /** Asks the feed again: the downloaded version must still be offered (not withdrawn), signed, with the same files. */
  recheck(version: string): Promise<void>;
  /** Quits and runs the installer; the app restarts on the new version. */
  install(): void;
}

export interface FeedSettings {
  /** e.g. https://galla.example/updates/stable; null: the feed baked into the build's app-update.yml. */
  url: string | null;
  /** The counter's device token: decides the shop's pin and the counter's rollout bucket on the server. */
  deviceToken: string | null;
  allowPrerelease: boolean;
  /** The publisher's Ed25519 public keys this build trusts (build/release-public-key.pem, baked in at build time). */
  trustedKeys: readonly KeyObject[];
}

function remove(files: string[]): void {
  for (const file of files) fs.rmSync(file, { force: true });
}

export function updaterPort(updater: UpdaterLike, feed: FeedSettings): UpdaterPort {
  // The controller decides when to download and when to install; electron-updater must not do either by itself.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = feed.allowPrerelease;
  const refusedUrl = feed.url !== null && !isAllowedServerUrl(feed.url);
  if (feed.url && !refusedUrl)
    updater.setFeedURL({ provider: 'generic', url: feed.url, useMultipleRangeRequest: false });
  updater.requestHeaders = feed.deviceToken ? { authorization: `Bearer ${feed.deviceToken}` } : null;
  let offered: SignedFeed | null = null;
  let downloaded: { release: SignedFeed; files: string[] } | null = null;

  async function signedOffer(): Promise<SignedFeed | null> {
    if (refusedUrl) throw new UpdateRefused(shopText('serverUrlHttps'));
    const result = await updater.checkForUpdates().catch((error: unknown) => {
      // The server answered that its feed offers nothing (404: none published, or all withdrawn): nothing is offered.
      if ((error as { code?: string }).code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND') return null;
      throw error;
    });
    if (!result?.isUpdateAvailable) return null;
    return verifiedRelease(result.updateInfo, feed.trustedKeys);
  }

  return {
    async check() {
      offered = await signedOffer();
      return offered ? { version: offered.version } : null;
    },
    async download() {
      const release = offered;
      if (!release) throw new UpdateRefused('No signed update has been offered to download.');
      const files = await updater.downloadUpdate();
      try {
        for (const file of files) checkDownloadedFile(file, release);
      } catch (error) {
        remove(files);
        throw error;
      }
      downloaded = { release, files };
    },
    async recheck(version) {
      const held = downloaded;
      if (!held || held.release.version !== version)
        throw new UpdateRefused(`Update ${version} was not downloaded here; it was not installed.`);
      try {
        const now = await signedOffer();
        if (!now || now.version !== version)
          throw new UpdateRefused(
            `Update ${version} is no longer offered by the server (withdrawn); it was not installed.`,
          );
        // The same signed files as when it was downloaded, and the files on disk are still those bytes.
        for (const file of held.files) checkDownloadedFile(file, now);
      } catch (error) {
        // A network failure leaves the download for a later try; a refusal deletes it for good.
        if (error instanceof UpdateRefused) {
          downloaded = null;
          remove(held.files);
        }
        throw error;
      }
    },
    install() {
      updater.quitAndInstall(true, true);
    },
  };
}
