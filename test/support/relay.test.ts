// The relay that lets a test server restart on a fresh port: clients keep one URL even when the old port is taken.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from './relay';

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

async function answering(text: string, port = 0): Promise<{ port: number; server: http.Server }> {
  const server = http.createServer((_request, response) => response.end(text));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  open.push({ close: () => new Promise((resolve) => server.close(resolve)) });
  return { port: (server.address() as AddressInfo).port, server };
}

const get = async (relay: Relay) => (await fetch(`http://127.0.0.1:${relay.port}/`)).text();

describe('a server restarted behind the relay', () => {
  it('answers at the same URL from a new port, though another process took its old one', async () => {
    const first = await answering('first');
    const relay = await startRelay(first.port);
    open.push(relay);
    expect(await get(relay)).toBe('first');

    relay.target = null;
    await new Promise((resolve) => first.server.close(resolve));
    await expect(get(relay)).rejects.toThrow();
    // What a restart on the same port would meet when the port was handed to someone else meanwhile.
    await answering('squatter', first.port);
    await expect(answering('second', first.port)).rejects.toThrow(/EADDRINUSE/);

    const second = await answering('second');
    relay.target = second.port;
    expect(await get(relay)).toBe('second');
  });
});
