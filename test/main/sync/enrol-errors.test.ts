// Enrolment's errors the owner reads in Settings: an address where nothing answers is named, and nothing is saved.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRemote } from '../../../src-main/sync/remote';
import { SHOP_MESSAGES_EN } from '../../../src-shared/shop-messages';
import { shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop | undefined;
afterEach(() => shop?.t.cleanup());

/** A port on 127.0.0.1 where nothing listens: bound once by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('enrolling a counter', () => {
  it('against an address where no server answers says so with the address and the cause, and stays not enrolled', async () => {
    shop = await shopWithStaff({ openShift: false });
    const serverUrl = `http://127.0.0.1:${await closedPort()}`;
    await expect(shop.owner.sync.enrol({ serverUrl, code: 'ABCDE-12345' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        new RegExp(
          `^Could not reach a Galla server at ${serverUrl} \\(connect ECONNREFUSED .*\\)\\. Check the address and that the server is running\\.$`,
        ),
      ),
    });
    expect((await shop.owner.sync.status()).enrolled).toBe(false);
  });

  it('is for the owner only', async () => {
    shop = await shopWithStaff({ openShift: false });
    await expect(
      shop.manager.sync.enrol({ serverUrl: 'http://127.0.0.1:1', code: 'ABCDE-12345' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a plain-http address elsewhere than this PC in shop language, before anything is sent, and stays not enrolled', async () => {
    shop = await shopWithStaff({ openShift: false });
    await expect(
      shop.owner.sync.enrol({ serverUrl: 'http://galla.example.in', code: 'ABCDE-12345' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(SHOP_MESSAGES_EN.serverUrlHttps) });
    expect((await shop.owner.sync.status()).enrolled).toBe(false);
    // http to this PC itself is allowed: it gets as far as trying to reach the server.
    await expect(
      shop.owner.sync.enrol({ serverUrl: `http://localhost:${await closedPort()}`, code: 'ABCDE-12345' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Could not reach a Galla server/) });
  });

  it('a counter enrolled over plain http before the rule syncs no more: the device token is not sent in clear', () => {
    expect(() => createRemote({ serverUrl: 'http://galla.example.in', deviceToken: 'dev_token' })).toThrow(
      SHOP_MESSAGES_EN.serverUrlHttps,
    );
    expect(() => createRemote({ serverUrl: 'http://127.0.0.1:4400', deviceToken: 'dev_token' })).not.toThrow();
  });
});
