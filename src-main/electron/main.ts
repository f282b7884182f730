// Electron main: one instance per PC, the ledger opened once, one hardened window, tRPC over one IPC channel,
// window state remembered, and a quit that lets the bill being finalised finish before the ledger closes.
import { app, BrowserWindow, dialog, ipcMain, session, shell, type WebContents } from 'electron';
import { Conflict } from '../../src-shared/errors';
import { openLedger, type Ledger } from '../ledger/ledger';
import { appRouter } from '../trpc/app-router';
import type { CounterSession, LedgerContext } from '../trpc/init';
import { serveIpc } from '../bridge/ipc-server';
import { createInFlight } from '../bridge/in-flight';
import { RENDERER_CSP } from '../bridge/csp';
import { readDesktopConfig, type DesktopConfig } from './config';
import { readWindowState, writeWindowState } from './window-state';
import { installMenu } from './menu';
import { denyPermissions, guardAllContents, isAppPage } from './guards';
import { startUpdater } from './updater';
import { applyPendingRestore } from '../backup/restore';
import { quickCheckLedgerFile } from '../ledger/file-check';
import { parsePrintConfig } from '../printing/worker';
import { startCounterServices, type CounterServices } from '../runtime/counter-services';

const QUIT_GRACE_MS = 10_000;
const inFlight = createInFlight();
const sessions = new WeakMap<WebContents, CounterSession>();
let ledger: Ledger | null = null;
let mainWindow: BrowserWindow | null = null;
let quitting = false;
let services: CounterServices | null = null;

function createWindow(config: DesktopConfig): BrowserWindow {
  const state = readWindowState(config.windowStateFile);
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    title: 'Galla',
    show: false,
    webPreferences: {
      preload: config.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () =>
    writeWindowState(config.windowStateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() }),
  );
  void window.loadFile(config.rendererIndex);
  return window;
}

/** An invoice PDF opens in whatever the PC uses for PDFs; shell.openPath answers with an error text, empty when it worked. */
async function openFile(file: string): Promise<void> {
  const problem = await shell.openPath(file);
  if (problem) throw new Conflict(`The PDF could not be opened: ${problem}`);
}

async function start(): Promise<void> {
  const config = readDesktopConfig(process.env, app.getPath('userData'), app.getAppPath());
  // A restore chosen last time replaces the ledger file before anything opens it, once it has proved itself again.
  const restore = applyPendingRestore(config.ledgerFile);
  if (restore.refused) dialog.showErrorBox('Galla: the restore was not applied', restore.refused);
  // A damaged file opens on the recovery screen: no bills, no sync, and no backups that would push good ones out.
  const ledgerDamage = quickCheckLedgerFile(config.ledgerFile);
  try {
    ledger = openLedger({ file: config.ledgerFile });
  } catch (error) {
    // A failed upgrade leaves the ledger as it was; the cashier must see why and where the backup is, not an empty window.
    dialog.showErrorBox('Galla cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const openLedgerNow = ledger;
  const runningServices = ledgerDamage
    ? null
    : startCounterServices({
        ledger: openLedgerNow,
        print: parsePrintConfig({ platform: process.platform }),
        appVersion: app.getVersion(),
        log: (message, error) => console.error(`galla: ${message}`, error ?? ''),
      });
  services = runningServices;
  // No permission for any page, and no webContents (the main window's or any other) navigates away or opens windows.
  denyPermissions(session.defaultSession);
  guardAllContents(app, config.rendererIndex);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } }),
  );
  serveIpc<typeof appRouter, WebContents>(ipcMain, {
    router: appRouter,
    contextFor: (sender): LedgerContext => {
      const existing = sessions.get(sender) ?? { staffId: null };
      sessions.set(sender, existing);
      return {
        ledger: openLedgerNow,
        session: existing,
        afterWrite: runningServices?.afterWrite,
        openFile,
        ledgerDamage,
      };
    },
    isTrustedSender: (event) =>
      mainWindow !== null &&
      event.sender === mainWindow.webContents &&
      isAppPage(event.senderFrame?.url, config.rendererIndex),
    inFlight,
  });
  installMenu();
  mainWindow = createWindow(config);
  startUpdater({ ledger: openLedgerNow, inFlight, window: () => mainWindow });
}

// Chromium draws date pickers and formats numbers in its own locale, not the page's: Indian English shows dates
// day first (dd/mm/yyyy), as a shop reads them, wherever the computer was set up. Must be set before `ready`.
app.commandLine.appendSwitch('lang', 'en-IN');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    // A bill being finalised is one SQLite transaction: let the calls in flight finish, and the receipt being
    // printed and the sync run under way end, then close the ledger cleanly.
    void inFlight.drained(QUIT_GRACE_MS).then(async () => {
      await services?.stop();
      ledger?.close();
      ledger = null;
      app.exit(0);
    });
  });
  void app.whenReady().then(start);
}
