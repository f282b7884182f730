// Electron's side of updates, and the only file that imports electron-updater: the real autoUpdater behind the update
// controller, fed from this counter's server (its channel folder and device token), the prompt as a native dialog.
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import type { InFlight } from '../bridge/in-flight';
import type { Ledger } from '../ledger/ledger';
import { readSyncState } from '../sync/state';
import { counterActivity } from '../updates/activity';
import { attemptFile } from '../updates/attempt-file';
import { feedUrl, parseUpdaterConfig } from '../updates/config';
import { UpdateController } from '../updates/controller';
import { updateSlot } from '../updates/router';
import { updaterPort } from '../updates/updater-port';
import { releasePublicKey } from '../updates/release-signature';

/** Baked in by scripts/build-electron.ts from build/release-public-key.pem or GALLA_RELEASE_PUBLIC_KEY. */
declare const __GALLA_RELEASE_PUBLIC_KEY__: string | undefined;

/** The keys this build trusts; a build made without one trusts none, so it refuses every update rather than any. */
function trustedReleaseKeys() {
  return typeof __GALLA_RELEASE_PUBLIC_KEY__ === 'string' ? [releasePublicKey(__GALLA_RELEASE_PUBLIC_KEY__)] : [];
}

export interface UpdaterHost {
  ledger: Ledger;
  inFlight: InFlight;
  window: () => BrowserWindow | null;
}

async function askToRestart(window: BrowserWindow | null, version: string): Promise<boolean> {
  const options = {
    type: 'info' as const,
    title: 'Galla update',
    message: `Galla ${version} is ready to install.`,
    detail:
      'Restart now to update; it takes about a minute and no bill is open. Choose Later and it installs the next time Galla starts.',
    buttons: ['Restart and update', 'Later'],
    defaultId: 1,
    cancelId: 1,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}

/** Starts checking for updates; returns null (and does nothing) when updates are off. */
export function startUpdater(host: UpdaterHost): UpdateController | null {
  const config = parseUpdaterConfig(process.env);
  if (!config.enabled) return null;
  const { autoUpdater } = electronUpdater;
  if (config.forceDev) {
    // An unpackaged app has no app-update.yml; electron-updater still needs one for its download cache folder.
    const devConfig = path.join(app.getPath('userData'), 'dev-app-update.yml');
    fs.writeFileSync(
      devConfig,
      'provider: generic\nurl: http://127.0.0.1/updates/stable\nupdaterCacheDirName: galla-updater-dev\n',
    );
    autoUpdater.forceDevUpdateConfig = true;
    autoUpdater.updateConfigPath = devConfig;
  }
  const enrolment = readSyncState(host.ledger, 'enrolment');
  const server = config.serverOverride ?? enrolment?.serverUrl ?? null;
  const port = updaterPort(autoUpdater, {
    url: server ? feedUrl(server, config.channel) : null,
    deviceToken: enrolment?.deviceToken ?? null,
    allowPrerelease: config.channel === 'beta',
    trustedKeys: trustedReleaseKeys(),
  });
  const controller = new UpdateController({
    port,
    policy: config.policy,
    runningVersion: app.getVersion(),
    activity: () =>
      counterActivity({
        ledger: host.ledger,
        callsInFlight: () => host.inFlight.count,
        billOpen: () => updateSlot.billOpen,
      }),
    attempts: attemptFile(path.join(app.getPath('userData'), 'update-attempt.json')),
    confirm: (version) => askToRestart(host.window(), version),
    log: (message, details) => console.info(`galla updater: ${message}`, details ?? ''),
  });
  updateSlot.controller = controller;
  controller.start();
  return controller;
}
