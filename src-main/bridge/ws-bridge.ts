// The counter router over WebSocket on 127.0.0.1, for development and browser tests: a random token and the page's
// Origin are checked at the HTTP upgrade (before any tRPC message), each connection gets its own login session, and the
// built renderer is served from the same origin so the page's strict CSP ('self') covers the socket. The token is never
// put in a printed URL: a person opens the page with a one-time code (in the fragment, which no server sees), which the
// page exchanges once at POST /bridge/session; a test harness that chose the token passes it in the fragment itself.
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
  /** What PRAGMA quick_check found at start; set, the counter opens on the recovery screen and takes no bill. */
  ledgerDamage?: string | null;
}

export interface RunningBridge {
  port: number;
  token: string;
  /** ws://127.0.0.1:port/trpc?token=…, for programs on this PC (never printed). */
  wsUrl: string;
  /** The page to open, without any secret: add #code=… from oneTimeCode(). */
  pageUrl: string;
  /** A code that the page exchanges for the token once, within ten minutes. */
  oneTimeCode(): string;
  /** Lets a page served elsewhere (the Vite dev server) use the bridge. */
  allowOrigin(origin: string): void;
  connections(): number;
  close(): Promise<void>;
}

export function newBridgeToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenMatches(req: IncomingMessage, token: string): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  return url.pathname === WS_PATH && sameSecret(url.searchParams.get('token') ?? '', token);
}

/**
 * A browser always sends Origin on a WebSocket upgrade and on a cross-site POST, and a web page cannot forge it: only
 * the counter's own page may drive the bridge. Programs on this PC (the e2e seeding, bench) send none.
 */
function originAllowed(req: IncomingMessage, origins: Set<string>): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origins.has(origin);
}

function refuse(socket: Duplex, status: '401 Unauthorized' | '403 Forbidden'): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const CODE_LIFETIME_MS = 10 * 60_000;

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? newBridgeToken();
  const http = Fastify({ logger: false });
  const origins = new Set<string>();
  const codes = new Map<string, number>();
  // The page posts its one-time code as text/plain, a "simple" request, so the Vite page needs no CORS preflight.
  http.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  http.post('/bridge/session', async (request, reply) => {
    const origin = request.headers.origin;
    if (!originAllowed(request.raw, origins)) return reply.code(403).send();
    if (origin) reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
    const code = typeof request.body === 'string' ? request.body.trim() : '';
    const expires = codes.get(code);
    codes.delete(code);
    if (!expires || expires < Date.now()) return reply.code(401).send();
    return reply.type('text/plain').send(token);
  });
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
      ledgerDamage: options.ledgerDamage ?? null,
    }),
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
  });
  http.server.on('upgrade', (req, socket, head) => {
    if (!originAllowed(req, origins)) return refuse(socket, '403 Forbidden');
    if (!tokenMatches(req, token)) return refuse(socket, '401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req));
  });
  await http.listen({ host: '127.0.0.1', port: options.port });
  const { port } = http.server.address() as AddressInfo;
  origins.add(`http://127.0.0.1:${port}`);
  const wsUrl = `ws://127.0.0.1:${port}${WS_PATH}?token=${token}`;
  return {
    port,
    token,
    wsUrl,
    pageUrl: `http://127.0.0.1:${port}/`,
    oneTimeCode: () => {
      const code = randomBytes(12).toString('base64url');
      codes.set(code, Date.now() + CODE_LIFETIME_MS);
      return code;
    },
    allowOrigin: (origin) => void origins.add(origin),
    connections: () => wss.clients.size,
    close: async () => {
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await http.close();
    },
  };
}
