// A loopback TCP relay with an address that outlives the server behind it: a restarted server listens on a fresh
// ephemeral port (never racing another process for the port it gave up) while its clients keep the same URL.
import net from 'node:net';

export interface Relay {
  port: number;
  /** Where connections go now; null refuses them, as a stopped server would. */
  target: number | null;
  close(): Promise<void>;
}

export async function startRelay(target: number | null): Promise<Relay> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    track(client);
    if (relay.target === null) {
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: '127.0.0.1', port: relay.target });
    track(upstream);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const relay: Relay = {
    port: typeof address === 'object' && address ? address.port : 0,
    target,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return relay;
}
