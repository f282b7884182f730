// A shop on a real HTTP test server with counters that are real SQLite ledgers, enrolled with one-time codes.
import { enrolCounter } from '../../src-main/sync/enrol';
import { SyncEngine, type SyncEngineOptions } from '../../src-main/sync/engine';
import { listen, testServerDb, type ServerCaller, type TestServerDb } from './server';
import type { ServerConfig } from '../../server/config';
import { SHOP_GSTIN, shopWithStaff, type Shop } from './ledger';
import { startRelay } from './relay';

export interface SyncedCounter extends Shop {
  code: string;
  engine(options?: Partial<SyncEngineOptions>): SyncEngine;
}

export interface SyncedShop {
  server: TestServerDb;
  url: string;
  owner: ServerCaller;
  counters: SyncedCounter[];
  stopHttp(): Promise<void>;
  close(): Promise<void>;
}

export async function syncedShop(
  codes: string[] = ['C1', 'C2'],
  options: { config?: ServerConfig } = {},
): Promise<SyncedShop> {
  const server = await testServerDb(options);
  let { app, url: serverUrl } = await listen(server.deps, server.database);
  // Counters know the relay's address, so the server can come back on another port after stopHttp.
  const relay = await startRelay(Number(new URL(serverUrl).port));
  const url = `http://127.0.0.1:${relay.port}`;
  const session = await (
    await server.as(null)
  ).accounts.signUp({
    shopName: 'Galla Kirana',
    email: 'asha@example.in',
    password: 'correct horse battery',
    gstin: SHOP_GSTIN,
    stateCode: SHOP_GSTIN.slice(0, 2),
  });
  const owner = await server.as(session.accessToken);
  const counters: SyncedCounter[] = [];
  for (const code of codes) {
    const shop = await shopWithStaff({ openShift: false });
    await shop.owner.settings.set({ key: 'counter', value: { counterId: code } });
    await shop.cashier.cashSessions.open({ openingFloatPaise: 100_000 });
    const { code: enrolment } = await owner.counters.createEnrolmentCode({
      name: `Counter ${code}`,
      counterCode: code,
    });
    await enrolCounter(shop.t.ledger, { serverUrl: url, code: enrolment });
    counters.push({
      ...shop,
      code,
      engine: (options = {}) => new SyncEngine({ ledger: shop.t.ledger, requestTimeoutMs: 5_000, ...options }),
    });
  }
  let httpOpen = true;
  return {
    server,
    get url() {
      return url;
    },
    owner,
    counters,
    stopHttp: async () => {
      httpOpen = false;
      relay.target = null;
      await app.close();
    },
    close: async () => {
      if (httpOpen) await app.close();
      await relay.close();
      for (const counter of counters) counter.t.cleanup();
      await server.close();
    },
    /** Brings the HTTP server back, as after a restart, at the same URL (a new port behind the relay). */
    async restartHttp() {
      ({ app, url: serverUrl } = await listen(server.deps, server.database));
      relay.target = Number(new URL(serverUrl).port);
      httpOpen = true;
    },
  } as SyncedShop & { restartHttp(): Promise<void> };
}
