// The IPC bridge: a tRPC client in a "window" talks to the router in "main" through one channel, errors arriving intact.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTRPCClient, TRPCClientError } from '@trpc/client';
import { appRouter, type AppRouter } from '../../../src-main/trpc/app-router';
import { serveIpc, type IpcInvokeEventLike, type IpcMainLike } from '../../../src-main/bridge/ipc-server';
import { createInFlight } from '../../../src-main/bridge/in-flight';
import type { CounterSession, LedgerContext } from '../../../src-main/trpc/init';
import { IPC_CHANNEL, type IpcResponse } from '../../../src-shared/bridge/ipc-protocol';
import { ipcLink } from '../../../src-renderer/trpc/ipc-link';
import { itemInput, PINS, shopWithStaff, type Shop } from '../../support/ledger';

interface FakeWindow {
  id: number;
  url: string;
}

type Listener = (event: IpcInvokeEventLike<FakeWindow>, message: unknown) => Promise<IpcResponse>;

/** Stands in for Electron's ipcMain at the very edge: it only remembers the one handler and calls it as Electron would. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike<FakeWindow> = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const windowClient = (window: FakeWindow) =>
    createTRPCClient<AppRouter>({
      links: [
        ipcLink({
          invoke: async (request) => {
            const handler = handlers.get(IPC_CHANNEL);
            if (!handler) throw new TRPCClientError('No handler on the channel');
            // Electron structured-clones both ways; so does this.
            return structuredClone(
              await handler({ sender: window, senderFrame: { url: window.url } }, structuredClone(request)),
            );
          },
        }),
      ],
    });
  return { ipcMain, windowClient, handlers };
}

const APP_URL = 'file:///app/dist/renderer/index.html';
let shop: Shop;
afterEach(() => shop?.t.cleanup());

function serve(shop: Shop) {
  const fake = fakeIpcMain();
  const sessions = new Map<number, CounterSession>();
  const inFlight = createInFlight();
  const stop = serveIpc(fake.ipcMain, {
    router: appRouter,
    contextFor: (window): LedgerContext => {
      const session = sessions.get(window.id) ?? { staffId: null };
      sessions.set(window.id, session);
      return { ledger: shop.t.ledger, session };
    },
    isTrustedSender: (event) => event.senderFrame?.url === APP_URL,
    inFlight,
  });
  return { ...fake, stop, inFlight };
}

async function caught(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const error = await promise.then(
    () => null,
    (cause: unknown) => cause,
  );
  if (!(error instanceof TRPCClientError))
    throw new TRPCClientError(`expected a TRPCClientError, got ${String(error)}`);
  return error as TRPCClientError<AppRouter>;
}

describe('tRPC over IPC', () => {
  it('logs a window in with a PIN and returns query data', async () => {
    shop = await shopWithStaff();
    const { windowClient } = serve(shop);
    const counter = windowClient({ id: 1, url: APP_URL });
    const options = await counter.staff.loginOptions.query();
    const cashier = options.staff.find((member) => member.role === 'cashier')!;
    await counter.staff.login.mutate({ staffId: cashier.id, pin: PINS.cashier });
    expect(await counter.staff.me.query()).toMatchObject({ name: 'Chetan (cashier)', role: 'cashier' });
  });

  it('keeps one login session per window', async () => {
    shop = await shopWithStaff();
    const { windowClient } = serve(shop);
    const first = windowClient({ id: 1, url: APP_URL });
    const second = windowClient({ id: 2, url: APP_URL });
    await first.staff.login.mutate({ staffId: shop.ids.cashier, pin: PINS.cashier });
    const error = await caught(second.staff.me.query());
    expect(error.data?.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe('Log in with your PIN first.');
  });

  it('carries BAD_REQUEST with the first problem in shop language, and every field in data.details with its key', async () => {
    shop = await shopWithStaff();
    const { windowClient } = serve(shop);
    const counter = windowClient({ id: 1, url: APP_URL });
    await counter.staff.login.mutate({ staffId: shop.ids.manager, pin: PINS.manager });
    const error = await caught(counter.catalogue.create.mutate({ ...itemInput(), pricePaise: -5, gstRateBp: 1700 }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.shape?.code).toBe(-32600);
    expect(error.message).toBe('Enter an amount of zero or more.');
    expect(error.data?.shop).toEqual({ key: 'amountNotNegative' });
    expect(error.data?.details).toEqual([
      { path: 'pricePaise', message: 'Enter an amount of zero or more.', shop: { key: 'amountNotNegative' } },
      { path: 'gstRateBp', message: 'Choose a GST rate from the list.', shop: { key: 'gstRateInvalid' } },
    ]);
  });

  it('carries per-row details of a refused CSV import', async () => {
    shop = await shopWithStaff();
    const { windowClient } = serve(shop);
    const counter = windowClient({ id: 1, url: APP_URL });
    await counter.staff.login.mutate({ staffId: shop.ids.manager, pin: PINS.manager });
    const csv = 'sku,name,unit,price,gst_rate\nA1,Tea,pcs,10,5\nA2,Salt,box,abc,18\n';
    const error = await caught(counter.catalogue.importCsv.mutate({ csv }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('Rows with mistakes: 1. Nothing was imported; correct them and import again.');
    expect(error.data?.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, path: 'price' }),
        expect.objectContaining({ row: 3, path: 'unit' }),
      ]),
    );
  });

  it('carries FORBIDDEN and CONFLICT from the domain with their messages', async () => {
    shop = await shopWithStaff();
    const { windowClient } = serve(shop);
    const counter = windowClient({ id: 1, url: APP_URL });
    await counter.staff.login.mutate({ staffId: shop.ids.cashier, pin: PINS.cashier });
    const forbidden = await caught(counter.catalogue.create.mutate(itemInput()));
    expect(forbidden.data?.code).toBe('FORBIDDEN');
    expect(forbidden.message).toBe('Only a manager or the owner may do this.');
    const conflict = await caught(counter.cashSessions.open.mutate({ openingFloatPaise: 0 }));
    expect(conflict.data?.code).toBe('CONFLICT');
    expect(conflict.message).toBe('A shift is already open at this counter.');
    const notFound = await caught(counter.sales.get.query({ id: randomUUID() }));
    expect(notFound.data?.code).toBe('NOT_FOUND');
    expect(notFound.message).toBe('No such invoice.');
  });

  it('refuses a window that is not showing our page, and a malformed message', async () => {
    shop = await shopWithStaff();
    const { windowClient, handlers } = serve(shop);
    const stranger = windowClient({ id: 9, url: 'https://example.com/' });
    const error = await caught(stranger.staff.loginOptions.query());
    expect(error.data?.code).toBe('FORBIDDEN');
    const handler = handlers.get(IPC_CHANNEL)!;
    const malformed = await handler(
      { sender: { id: 1, url: APP_URL }, senderFrame: { url: APP_URL } },
      { type: 'subscription', path: 'x' },
    );
    expect(malformed).toMatchObject({
      ok: false,
      error: { message: 'Malformed IPC request.', data: { code: 'BAD_REQUEST' } },
    });
  });

  it('counts calls in flight so quitting can wait for the current bill', async () => {
    shop = await shopWithStaff();
    const { windowClient, inFlight } = serve(shop);
    const counter = windowClient({ id: 1, url: APP_URL });
    const login = counter.staff.login.mutate({ staffId: shop.ids.cashier, pin: PINS.cashier });
    expect(inFlight.count).toBe(1);
    const drained = inFlight.drained(5_000);
    await login;
    expect(await drained).toBe(true);
    expect(inFlight.count).toBe(0);
  });
});
