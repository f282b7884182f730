// Picks the bridge at start: the preload's IPC channel inside Electron, else the WebSocket bridge named in the page URL.
import { createTRPCClient, createWSClient, wsLink, type TRPCClient } from '@trpc/client';
import type { GallaPreloadApi } from '../../src-shared/bridge/ipc-protocol';
import { ipcLink } from '../trpc/ipc-link';
import type { AppRouter } from './trpc';

export type LinkState = 'connecting' | 'open' | 'closed';

export interface CounterConnection {
  kind: 'ipc' | 'ws';
  client: TRPCClient<AppRouter>;
  /** Connection state for the status bar; IPC is always open. */
  subscribe(listener: (state: LinkState) => void): () => void;
  state(): LinkState;
}

const TOKEN_KEY = 'galla.bridge';

/**
 * The bridge's WebSocket URL with its token. The page is opened with #code=… (a one-time code that dev:web prints,
 * exchanged here once for the token) or #token=… (a test harness that chose the token), and #ws=… when the page is
 * served apart from the bridge (Vite). Fragments never reach a server; the token is kept for reloads of this tab.
 */
async function bridgeUrl(win: Window): Promise<string | null> {
  const params = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const code = params.get('code');
  let token = params.get('token');
  if (!code && !token) return win.sessionStorage.getItem(TOKEN_KEY);
  // The secret leaves the address bar (and screenshots and history) at once.
  win.history.replaceState(null, '', win.location.pathname + win.location.search);
  const base = params.get('ws') ?? `${win.location.protocol === 'https:' ? 'wss' : 'ws'}://${win.location.host}/trpc`;
  if (code) {
    const session = new URL('/bridge/session', base.replace(/^ws/, 'http'));
    const answer = await fetch(session, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: code });
    if (!answer.ok) return win.sessionStorage.getItem(TOKEN_KEY);
    token = await answer.text();
  }
  const url = `${base}${base.includes('?') ? '&' : '?'}token=${encodeURIComponent(token ?? '')}`;
  win.sessionStorage.setItem(TOKEN_KEY, url);
  return url;
}

export function connectCounter(win: Window & { galla?: GallaPreloadApi }): CounterConnection {
  if (win.galla) {
    const client = createTRPCClient<AppRouter>({ links: [ipcLink(win.galla)] });
    return { kind: 'ipc', client, subscribe: () => () => undefined, state: () => 'open' };
  }
  const url = bridgeUrl(win).then((found) => found ?? `ws://${win.location.host}/trpc`);
  let state: LinkState = 'connecting';
  const listeners = new Set<(state: LinkState) => void>();
  const set = (next: LinkState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  const socket = createWSClient({
    url: () => url,
    onOpen: () => set('open'),
    onClose: () => set('closed'),
    retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 5_000),
  });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: socket })] });
  return {
    kind: 'ws',
    client,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => state,
  };
}
