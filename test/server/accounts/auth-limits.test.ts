// Login cannot be guessed: tries are limited per account and per address (5 per 15 minutes, the product's rule), the
// limit holds for parallel bursts and across server instances, sees the client behind a trusted proxy, passwords are
// hashed at OWASP's scrypt cost (older hashes upgraded at login), and a login has an absolute end.
import { scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { users } from '../../../server/db/schema';
import { asOwner, listen, testConfig, testServerDb, type TestServerDb } from '../../support/server';

// Every password check is scrypt at 128 MiB: on a loaded test machine a few seconds each.
vi.setConfig({ testTimeout: 400_000 });

let server: TestServerDb;
let stop: (() => Promise<unknown>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
  await server?.close();
});

const OWNER = { shopName: 'Galla Kirana', email: 'asha@example.in', password: 'correct horse battery' };
const LOGIN = { email: OWNER.email, password: OWNER.password };
const WRONG = { email: OWNER.email, password: 'not the password' };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'OK',
    (error: { code?: string }) => error.code ?? 'ERROR',
  );
}

describe('login tries', () => {
  it('after 5 wrong passwords in 15 minutes the account is refused, even with the right one, until the time it names (IST)', async () => {
    let now = new Date('2026-06-01T04:30:10Z'); // 10:00:10 in India
    server = await testServerDb({ clock: () => now });
    await (await server.as(null)).accounts.signUp(OWNER);
    // Each try from a different address: the account's own count is what stops this.
    for (let i = 1; i <= 5; i += 1)
      expect(await codeOf((await server.as(null, `203.0.113.${i}`)).accounts.login(WRONG))).toBe('UNAUTHORIZED');
    now = new Date('2026-06-01T04:35:00Z');
    const refused = await (await server.as(null, '198.51.100.9')).accounts.login(LOGIN).catch((error: Error) => error);
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'Too many tries. Try again at 10:16.' });
    now = new Date('2026-06-01T04:46:00Z'); // 10:16: the window of the first try has ended
    const session = await (await server.as(null, '198.51.100.9')).accounts.login(LOGIN);
    expect(session.user.email).toBe(OWNER.email);
  });

  it('a successful login resets the account: as many wrong tries again are answered as wrong, not refused', async () => {
    server = await testServerDb({ config: testConfig({ AUTH_ATTEMPTS_MAX: '2' }) });
    await (await server.as(null)).accounts.signUp(OWNER);
    const anon = (i: number) => server.as(null, `203.0.113.${i}`);
    expect(await codeOf((await anon(1)).accounts.login(WRONG))).toBe('UNAUTHORIZED');
    await (await anon(2)).accounts.login(LOGIN);
    for (let i = 3; i <= 4; i += 1) expect(await codeOf((await anon(i)).accounts.login(WRONG))).toBe('UNAUTHORIZED');
    expect(await codeOf((await anon(5)).accounts.login(LOGIN))).toBe('TOO_MANY_REQUESTS');
  });

  it('one address guessing at many accounts is refused, and a login of its own does not clear that', async () => {
    server = await testServerDb({ config: testConfig({ AUTH_ATTEMPTS_MAX: '2' }) });
    await (await server.as(null)).accounts.signUp(OWNER);
    const guesser = await server.as(null, '203.0.113.50');
    const guess = (email: string) => codeOf(guesser.accounts.login({ email, password: 'guess 12345' }));
    expect(await guess('victim1@example.in')).toBe('UNAUTHORIZED');
    await guesser.accounts.login(LOGIN); // its own account: the try is given back, the count is not cleared
    expect(await guess('victim2@example.in')).toBe('UNAUTHORIZED');
    expect(await guess('victim3@example.in')).toBe('TOO_MANY_REQUESTS');
    // Another address is not held back by it. IPv6 counts by /64, so hopping within one line does not help.
    expect(await codeOf((await server.as(null, '198.51.100.1')).accounts.login(LOGIN))).toBe('OK');
    for (const host of ['2001:db8:1:2::1', '2001:db8:1:2::2'])
      expect(
        await codeOf((await server.as(null, host)).accounts.login({ email: 'v@x.in', password: 'guess 12345' })),
      ).toBe('UNAUTHORIZED');
    expect(await codeOf((await server.as(null, '2001:db8:1:2:ffff::9')).accounts.login(LOGIN))).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('a burst of 12 parallel wrong passwords gets at most 5 password checks', async () => {
    server = await testServerDb();
    await (await server.as(null)).accounts.signUp(OWNER);
    const codes = await Promise.all(
      Array.from({ length: 12 }, async (_, i) =>
        codeOf((await server.as(null, `203.0.113.${i + 1}`)).accounts.login(WRONG)),
      ),
    );
    expect(codes.filter((code) => code === 'UNAUTHORIZED').length).toBe(5);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS').length).toBe(7);
  });
});

describe('the limits over HTTP', () => {
  async function post(url: string, procedure: string, input: unknown, forwardedFor?: string) {
    const response = await fetch(`${url}/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify(input),
    });
    return {
      status: response.status,
      body: (await response.json()) as { error?: { message: string; data: Record<string, unknown> } },
    };
  }

  it('holds across two server instances on one database, answers 429 with the message in English and Hindi, and ignores a forged X-Forwarded-For', async () => {
    server = await testServerDb({ config: testConfig({ AUTH_ATTEMPTS_MAX: '2' }) });
    await (await server.as(null)).accounts.signUp(OWNER);
    const first = await listen(server.deps, server.database);
    const second = await listen(server.deps, server.database);
    stop = () => Promise.all([first.app.close(), second.app.close()]);
    for (let i = 1; i <= 2; i += 1) {
      const url = i % 2 ? first.url : second.url;
      expect(
        (await post(url, 'accounts.login', { email: `v${i}@x.in`, password: 'guess 12345' }, `10.9.9.${i}`)).status,
      ).toBe(401);
    }
    const refused = await post(second.url, 'accounts.login', LOGIN, '10.9.9.77');
    expect(refused.status).toBe(429);
    expect(refused.body.error?.message).toMatch(/^Too many tries\. Try again at \d\d:\d\d\.$/);
    expect(refused.body.error?.data).toMatchObject({
      shop: { key: 'tooManyTries', params: { time: expect.stringMatching(/^\d\d:\d\d$/) } },
    });
  });

  it('with TRUST_PROXY, each client behind the proxy has its own count', async () => {
    server = await testServerDb({ config: testConfig({ TRUST_PROXY: '127.0.0.1', AUTH_ATTEMPTS_MAX: '2' }) });
    await (await server.as(null)).accounts.signUp(OWNER);
    const { app, url } = await listen(server.deps, server.database);
    stop = () => app.close();
    for (let i = 1; i <= 2; i += 1)
      await post(url, 'accounts.login', { email: `v${i}@x.in`, password: 'guess 12345' }, '198.51.100.66');
    expect((await post(url, 'accounts.login', LOGIN, '198.51.100.66')).status).toBe(429);
    expect((await post(url, 'accounts.login', LOGIN, '198.51.100.67')).status).toBe(200);
  });

  it('TRUST_PROXY takes "true", a hop count, or proxy addresses, and refuses anything else at start', () => {
    expect(testConfig().trustProxy).toBe(false);
    expect(testConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(testConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(() => testConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});

describe('enrolment code tries', () => {
  it('an address that tried 5 wrong codes is refused with the time to try again; another address still enrols', async () => {
    server = await testServerDb();
    const owner = await server.as((await (await server.as(null)).accounts.signUp(OWNER)).accessToken);
    const { code } = await owner.counters.createEnrolmentCode({ name: 'Front', counterCode: 'C1' });
    const guesser = await server.as(null, '203.0.113.80');
    for (let i = 0; i < 5; i += 1)
      expect(await codeOf(guesser.counters.enrol({ code: `AAAA${i}-BBBBB`, counterCode: 'C1' }))).toBe('BAD_REQUEST');
    await expect(guesser.counters.enrol({ code, counterCode: 'C1' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^Too many tries\. Try again at \d\d:\d\d\.$/),
    });
    const enrolled = await (await server.as(null, '198.51.100.80')).counters.enrol({ code, counterCode: 'C1' });
    expect(enrolled.counterCode).toBe('C1');
  });
});

describe('password hashes', () => {
  const paramsOf = (stored: string) => stored.split('$').slice(1, 4).map(Number);

  it("are scrypt at OWASP's N = 2^17, r = 8, p = 1", async () => {
    server = await testServerDb();
    await (await server.as(null)).accounts.signUp(OWNER);
    const [user] = await asOwner(server.database, (db) => db.select().from(users).where(eq(users.email, OWNER.email)));
    expect(paramsOf(user!.passwordHash)).toEqual([2 ** 17, 8, 1]);
  });

  it('a hash made at the old cost (N = 2^15) still logs in and is replaced by one at today’s cost', async () => {
    server = await testServerDb();
    await (await server.as(null)).accounts.signUp(OWNER);
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync(OWNER.password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await asOwner(server.database, (db) =>
      db.update(users).set({ passwordHash: old }).where(eq(users.email, OWNER.email)),
    );
    await (await server.as(null)).accounts.login(LOGIN);
    const [user] = await asOwner(server.database, (db) => db.select().from(users).where(eq(users.email, OWNER.email)));
    expect(paramsOf(user!.passwordHash)).toEqual([2 ** 17, 8, 1]);
    expect((await (await server.as(null)).accounts.login(LOGIN)).user.email).toBe(OWNER.email);
  });
});

describe('session lifetime', () => {
  it('refreshing every few days keeps a login only until SESSION_MAX_DAYS after the password was typed', async () => {
    let now = new Date('2026-06-01T10:00:00Z');
    server = await testServerDb({ clock: () => now, config: testConfig({ SESSION_MAX_DAYS: '30' }) });
    let session = await (await server.as(null)).accounts.signUp(OWNER);
    for (const day of [8, 15, 22, 29]) {
      now = new Date(Date.UTC(2026, 5, 1 + day, 10));
      session = await (await server.as(null)).accounts.refresh({ refreshToken: session.refreshToken });
    }
    // Each refresh token says when the login ends, never past day 30.
    expect(session.refreshExpiresAt).toBe('2026-07-01T10:00:00.000Z');
    now = new Date('2026-07-01T10:00:01Z');
    await expect(
      (await server.as(null)).accounts.refresh({ refreshToken: session.refreshToken }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('two tabs refreshing with one token at once both stay logged in; the same token a minute later is theft', async () => {
    let now = new Date('2026-06-01T10:00:00Z');
    server = await testServerDb({ clock: () => now });
    const session = await (await server.as(null)).accounts.signUp(OWNER);
    const [tabA, tabB] = await Promise.all([
      (await server.as(null)).accounts.refresh({ refreshToken: session.refreshToken }),
      (await server.as(null)).accounts.refresh({ refreshToken: session.refreshToken }),
    ]);
    expect((await (await server.as(tabA!.accessToken)).accounts.me()).userId).toBe(session.user.id);
    expect((await (await server.as(tabB!.accessToken)).accounts.me()).userId).toBe(session.user.id);
    now = new Date('2026-06-01T10:01:00Z');
    await expect(
      (await server.as(null)).accounts.refresh({ refreshToken: session.refreshToken }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('signed out everywhere'),
    });
    await expect((await server.as(null)).accounts.refresh({ refreshToken: tabA!.refreshToken })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
