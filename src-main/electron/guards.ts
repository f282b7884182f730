// What every web page in the app is refused: any permission (camera, microphone, notifications, clipboard reads, USB…,
// none of which the counter uses), opening windows, navigating away from the app's own page, and attaching a
// <webview>. Applied to every webContents Electron creates, not only the main window, through 'web-contents-created'.
// Written against the small part of Electron's API it uses, so it is tested in plain Node (Electron cannot run there).
import path from 'node:path';

/** Permissions the counter's screens need: none. A future need is one name here, and a test saying why. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export function denyPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_webContents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

/** True only for the app's own page (file:// of the renderer's index.html, any #route or ?query). */
export function isAppPage(url: string | undefined, rendererIndex: string): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'file:' &&
      path.normalize(decodeURIComponent(parsed.pathname)) === path.normalize(rendererIndex)
    );
  } catch {
    return false;
  }
}

interface NavigationEvent {
  preventDefault(): void;
  /** Electron ≥ 25 puts the target on the event; older versions pass it as the second argument. */
  url?: string;
}

export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url?: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
}

export function guardContents(contents: GuardedContents, rendererIndex: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayOnAppPage = (event: NavigationEvent, url?: string) => {
    if (!isAppPage(event.url ?? url, rendererIndex)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnAppPage);
  contents.on('will-redirect', stayOnAppPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface GuardedApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}

/** Call before any window opens: every webContents, the main window's or any other, is guarded as it is created. */
export function guardAllContents(app: GuardedApp, rendererIndex: string): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, rendererIndex));
}
