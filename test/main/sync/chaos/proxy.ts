// A loopback HTTP proxy that misbehaves like a shop's internet: drops requests and answers, duplicates and delays requests.
// It buffers whole requests (node:http) rather than raw TCP so it can replay one exactly; one upstream connection each.
import http from 'node:http';

export interface ChaosProxy {
  url: string;
  calm: boolean;
  stats: Record<'passed' | 'dropped' | 'lostAck' | 'duplicated' | 'delayed' | 'unreachable', number>;
  close(): Promise<void>;
}

function forward(
  port: number,
  request: http.IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port,
        path: request.url,
        method: request.method,
        headers: { ...request.headers, connection: 'close' },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

export async function chaosProxy(upstreamPort: () => number, random: () => number): Promise<ChaosProxy> {
  const stats = { passed: 0, dropped: 0, lostAck: 0, duplicated: 0, delayed: 0, unreachable: 0 };
  const proxy: ChaosProxy = { url: '', calm: false, stats, close: async () => {} };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks);
      const roll = proxy.calm ? 1 : random();
      try {
        if (roll < 0.08) {
          stats.dropped += 1;
          request.socket.destroy();
          return;
        }
        if (roll < 0.16)
          await new Promise((resolve) => setTimeout(resolve, 200 + random() * 1800)).then(() => (stats.delayed += 1));
        if (roll >= 0.16 && roll < 0.26) {
          stats.duplicated += 1;
          setTimeout(() => void forward(upstreamPort(), request, body).catch(() => {}), random() * 300);
        }
        const answer = await forward(upstreamPort(), request, body);
        if (roll >= 0.26 && roll < 0.34) {
          stats.lostAck += 1;
          request.socket.destroy();
          return;
        }
        stats.passed += 1;
        response.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
        response.end(answer.body);
      } catch {
        stats.unreachable += 1;
        request.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
