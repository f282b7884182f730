// The WebSocket bridge on 127.0.0.1: only a client with the token connects; each connection has its own login; errors arrive intact.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTRPCClient, createWSClient, wsLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../../src-main/trpc/app-router';
import { startBridge, type RunningBridge } from '../../../src-main/bridge/ws-bridge';
import { itemInput, PINS, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
let bridge: RunningBridge | undefined;
const sockets: ReturnType<typeof createWSClient>[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) await socket.close();
  await bridge?.close();
  bridge = undefined;
  shop?.t.cleanup();
});

function connect(url: string) {
  const socket = createWSClient({
    url,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 50,
  });
  sockets.push(socket);
  return createTRPCClient<AppRouter>({ links: [wsLink({ client: socket })] });
}

function upgradeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', reject);
  });
}

describe('the WebSocket bridge', () => {
  it('listens on 127.0.0.1 and refuses an upgrade without the right token', async () => {
    shop = await shopWithStaff();
    bridge = await startBridge({ ledger: shop.t.ledger, port: 0, rendererDir: null });
    expect(bridge.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/trpc\?token=[\w-]{32}$/);
    expect(await upgradeStatus(`ws://127.0.0.1:${bridge.port}/trpc?token=wrong`)).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${bridge.port}/trpc`)).toBe(401);
    expect(await upgradeStatus(bridge.wsUrl)).toBe(101);
  });

  it('refuses an upgrade from a page of another origin, even one that has the token', async () => {
    shop = await shopWithStaff();
    bridge = await startBridge({ ledger: shop.t.ledger, port: 0, rendererDir: null });
    expect(await upgradeStatus(bridge.wsUrl, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(bridge.wsUrl, 'http://127.0.0.1:1')).toBe(403);
    expect(await upgradeStatus(bridge.wsUrl, `http://127.0.0.1:${bridge.port}`)).toBe(101);
    bridge.allowOrigin('http://127.0.0.1:5173');
    expect(await upgradeStatus(bridge.wsUrl, 'http://127.0.0.1:5173')).toBe(101);
  });

  it('prints no token in the page URL: a one-time code is exchanged for it once, and only by the counter page', async () => {
    shop = await shopWithStaff();
    bridge = await startBridge({ ledger: shop.t.ledger, port: 0, rendererDir: null });
    expect(bridge.pageUrl).toBe(`http://127.0.0.1:${bridge.port}/`);
    const exchange = (code: string, origin = `http://127.0.0.1:${bridge!.port}`) =>
      fetch(`http://127.0.0.1:${bridge!.port}/bridge/session`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin },
        body: code,
      });
    const code = bridge.oneTimeCode();
    expect(code).not.toContain(bridge.token);
    expect((await exchange(code, 'http://evil.example')).status).toBe(403);
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe(bridge.token);
    expect((await exchange(code)).status).toBe(401);
    expect((await exchange('made-up-code')).status).toBe(401);
  });

  it('gives each connection its own login session', async () => {
    shop = await shopWithStaff();
    bridge = await startBridge({ ledger: shop.t.ledger, port: 0, rendererDir: null });
    const first = connect(bridge.wsUrl);
    const second = connect(bridge.wsUrl);
    await first.staff.login.mutate({ staffId: shop.ids.cashier, pin: PINS.cashier });
    expect((await first.staff.me.query())?.role).toBe('cashier');
    const error = await second.staff.me.query().then(
      () => null,
      (cause: unknown) => cause,
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe('UNAUTHORIZED');
  });

  it('keeps error codes, messages and details intact', async () => {
    shop = await shopWithStaff();
    bridge = await startBridge({ ledger: shop.t.ledger, port: 0, rendererDir: null });
    const counter = connect(bridge.wsUrl);
    const wrong = await counter.staff.login.mutate({ staffId: shop.ids.cashier, pin: '0000' }).then(
      () => null,
      (cause: unknown) => cause as TRPCClientError<AppRouter>,
    );
    expect(wrong?.data?.code).toBe('UNAUTHORIZED');
    expect(wrong?.message).toBe('Wrong PIN. Tries left: 4.');
    expect(wrong?.data?.shop).toEqual({ key: 'wrongPin', params: { left: 4 } });
    await counter.staff.login.mutate({ staffId: shop.ids.manager, pin: PINS.manager });
    const csv = 'sku,name,unit,price,gst_rate\nA1,Tea,pcs,ten,5\n';
    const refused = await counter.catalogue.importCsv.mutate({ csv }).then(
      () => null,
      (cause: unknown) => cause as TRPCClientError<AppRouter>,
    );
    expect(refused?.data?.code).toBe('BAD_REQUEST');
    expect(refused?.data?.details).toEqual([expect.objectContaining({ row: 2, path: 'price' })]);
  });

  it('carries a refusal reason: a wrong manager PIN is APPROVAL_PIN_WRONG, a lost session SESSION_ENDED', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 10_000 }));
    bridge = await startBridge({ ledger: shop.t.ledger, port: 0, rendererDir: null });
    const counter = connect(bridge.wsUrl);
    const caught = (call: Promise<unknown>) =>
      call.then(
        () => null,
        (cause: unknown) => cause as TRPCClientError<AppRouter>,
      );
    const loggedOut = await caught(counter.sales.held.query());
    expect(loggedOut?.data).toMatchObject({ code: 'UNAUTHORIZED', reason: 'SESSION_ENDED' });
    await counter.staff.login.mutate({ staffId: shop.ids.cashier, pin: PINS.cashier });
    const refused = await caught(
      counter.sales.finalize.mutate({
        id: randomUUID(),
        lines: [{ itemId: item.id, qtyMilli: 1000 }],
        billDiscount: { kind: 'percent', bp: 2000 },
        payments: [{ mode: 'cash', amountPaise: 8000 }],
        approval: { staffId: shop.ids.manager, pin: '9999' },
      }),
    );
    expect(refused?.data).toMatchObject({ code: 'FORBIDDEN', reason: 'APPROVAL_PIN_WRONG' });
    expect(refused?.message).toBe('Wrong manager PIN. Tries left: 4.');
    expect((await counter.staff.me.query())?.role).toBe('cashier');
  });
});
