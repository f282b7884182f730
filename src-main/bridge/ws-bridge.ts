// The counter router over WebSocket on 127.0.0.1, for development and browser tests: a random token is checked at the
// HTTP upgrade (before any tRPC message), each connection gets its own login session, and the built renderer is served
// from the same origin so the page's strict CSP ('self') covers the socket.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { WebSocketServer } from 'ws';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { appRouter } from '../trpc/app-router';
import type { LedgerContext } from '../trpc/init';
import type { Ledger } from '../ledger/ledger';
import { RENDERER_CSP } from './csp';

export const WS_PATH = '/trpc';

export interface BridgeOptions {
  ledger: Ledger;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to a fresh random token. */
  token?: string;
  /** Folder of the built renderer to serve at /, or null to serve only the socket. */
  rendererDir: string | null;
  /** The counter's background services, told after each committed mutation (src-main/runtime). */
  afterWrite?: () => void;
}

export interface RunningBridge {
  port: number;
  token: string;
  /** ws://127.0.0.1:port/trpc?token=… */
  wsUrl: string;
  /** The page to open: the built renderer here, with the token, when one is served. */
  pageUrl: string;
  connections(): number;
  close(): Promise<void>;
}

export function newBridgeToken(): string {
  return randomBytes(24).toString('base64url');
}

function tokenMatches(req: IncomingMessage, token: string): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== WS_PATH) return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function refuse(socket: Duplex): void {
  socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? newBridgeToken();
  const http = Fastify({ logger: false });
  if (options.rendererDir) {
    http.addHook('onSend', async (_request, reply) => {
      reply.header('Content-Security-Policy', RENDERER_CSP);
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Referrer-Policy', 'no-referrer');
    });
    await http.register(fastifyStatic, { root: options.rendererDir, index: 'index.html' });
  }
  const wss = new WebSocketServer({ noServer: true, maxPayload: 25 * 1024 * 1024 });
  const handler = applyWSSHandler({
    wss,
    router: appRouter,
    createContext: (): LedgerContext => ({
      ledger: options.ledger,
      session: { staffId: null },
      afterWrite: options.afterWrite,
    }),
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
  });
  http.server.on('upgrade', (req, socket, head) => {
    if (!tokenMatches(req, token)) return refuse(socket);
    wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req));
  });
  await http.listen({ host: '127.0.0.1', port: options.port });
  const { port } = http.server.address() as AddressInfo;
  const wsUrl = `ws://127.0.0.1:${port}${WS_PATH}?token=${token}`;
  return {
    port,
    token,
    wsUrl,
    pageUrl: `http://127.0.0.1:${port}/?token=${token}`,
    connections: () => wss.clients.size,
    close: async () => {
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await http.close();
    },
  };
}
