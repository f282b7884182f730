// A shop on a real HTTP test server with counters that are real SQLite ledgers, enrolled with one-time codes.
import { enrolCounter } from '../../src-main/sync/enrol';
import { SyncEngine, type SyncEngineOptions } from '../../src-main/sync/engine';
import { listen, testServerDb, type ServerCaller, type TestServerDb } from './server';
import { SHOP_GSTIN, shopWithStaff, type Shop } from './ledger';

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

export async function syncedShop(codes: string[] = ['C1', 'C2']): Promise<SyncedShop> {
  const server = await testServerDb();
  let { app, url } = await listen(server.deps, server.database);
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
      await app.close();
    },
    close: async () => {
      if (httpOpen) await app.close();
      for (const counter of counters) counter.t.cleanup();
      await server.close();
    },
    /** Brings the HTTP server back on the same port, as after a restart. */
    async restartHttp() {
      const port = Number(new URL(url).port);
      ({ app, url } = await listen(server.deps, server.database, port));
      httpOpen = true;
    },
  } as SyncedShop & { restartHttp(): Promise<void> };
}
