// The guards every page of the app runs under, as plain functions in Node: Electron cannot run here, so its session,
// app and webContents are small stand-ins that record handlers and emit events the way Electron does.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  denyPermissions,
  guardAllContents,
  isAppPage,
  type GuardedContents,
  type PermissionSession,
} from '../../../src-main/electron/guards';

const RENDERER_INDEX = path.resolve('/opt/Galla/resources/app.asar/dist/renderer/index.html');
const APP_PAGE = pathToFileURL(RENDERER_INDEX).href;

/** Every permission name Electron's session handlers are asked about (electron.d.ts), and one it may add later. */
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'some-future-permission',
];

function fakeSession() {
  const handlers: {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
  } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler),
  };
  return { session, handlers };
}

/** A webContents as far as the guards see it: events with a preventable event object, and a window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  /** Emits like Electron: true when a listener called preventDefault(). */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => void (prevented = true) }, url);
    return prevented;
  }
}

function appWithGuards() {
  const app = new EventEmitter();
  guardAllContents(app as unknown as Parameters<typeof guardAllContents>[0], RENDERER_INDEX);
  return (contents = new FakeContents()) => {
    app.emit('web-contents-created', {}, contents as unknown as GuardedContents);
    return contents;
  };
}

describe('Electron guards', () => {
  it('every permission a page asks for is refused, and every permission check answers no', () => {
    const { session, handlers } = fakeSession();
    denyPermissions(session);
    for (const permission of PERMISSIONS) {
      let granted: boolean | undefined;
      handlers.request!({}, permission, (answer) => (granted = answer));
      expect({ permission, granted }).toEqual({ permission, granted: false });
      expect({ permission, check: handlers.check!({}, permission) }).toEqual({ permission, check: false });
    }
  });

  it('any webContents created, not only the main window, may not open windows', () => {
    const created = appWithGuards();
    for (const contents of [created(), created()])
      expect(contents.openHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it("navigating away from the app's page is prevented; moving within it (a route, a reload) is not", () => {
    const contents = appWithGuards()();
    for (const away of [
      'https://evil.example/',
      'http://127.0.0.1:4400/',
      'file:///etc/passwd',
      pathToFileURL(path.resolve('/opt/Galla/resources/app.asar/dist/renderer/other.html')).href,
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect({ away, prevented: contents.attempt('will-navigate', away) }).toEqual({ away, prevented: true });
      expect({ away, prevented: contents.attempt('will-redirect', away) }).toEqual({ away, prevented: true });
    }
    expect(contents.attempt('will-navigate', APP_PAGE)).toBe(false);
    expect(contents.attempt('will-navigate', `${APP_PAGE}#/billing`)).toBe(false);
  });

  it('a <webview> is never attached', () => {
    expect(appWithGuards()().attempt('will-attach-webview', APP_PAGE)).toBe(true);
  });

  it("the app's page is recognised by its file path only", () => {
    expect(isAppPage(APP_PAGE, RENDERER_INDEX)).toBe(true);
    expect(isAppPage(`${APP_PAGE}?x=1#/khata`, RENDERER_INDEX)).toBe(true);
    expect(isAppPage(APP_PAGE.replace('file:', 'https:'), RENDERER_INDEX)).toBe(false);
    expect(isAppPage(undefined, RENDERER_INDEX)).toBe(false);
  });
});
