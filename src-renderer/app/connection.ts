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

/** The WebSocket URL with its token: from ?ws=…&token=… or ?token=… (same origin), kept for reloads of this tab. */
function bridgeUrl(win: Window): string | null {
  const params = new URLSearchParams(win.location.search);
  const token = params.get('token');
  if (token) {
    const explicit = params.get('ws');
    const base = explicit ?? `${win.location.protocol === 'https:' ? 'wss' : 'ws'}://${win.location.host}/trpc`;
    const url = `${base}${base.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
    win.sessionStorage.setItem(TOKEN_KEY, url);
    // The token stays out of the address bar (and out of screenshots and history).
    win.history.replaceState(null, '', win.location.pathname);
    return url;
  }
  return win.sessionStorage.getItem(TOKEN_KEY);
}

export function connectCounter(win: Window & { galla?: GallaPreloadApi }): CounterConnection {
  if (win.galla) {
    const client = createTRPCClient<AppRouter>({ links: [ipcLink(win.galla)] });
    return { kind: 'ipc', client, subscribe: () => () => undefined, state: () => 'open' };
  }
  const url = bridgeUrl(win) ?? `ws://${win.location.host}/trpc`;
  let state: LinkState = 'connecting';
  const listeners = new Set<(state: LinkState) => void>();
  const set = (next: LinkState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  const socket = createWSClient({
    url,
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
