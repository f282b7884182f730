// Accounts: a shop signs up, its people log in with short-lived access and rotating refresh tokens, and counters enrol once.
import { afterEach, describe, expect, it } from 'vitest';
import { asOwner, testServerDb, type TestServerDb } from '../support/server';

let server: TestServerDb;
afterEach(() => server?.close());

const OWNER = { shopName: 'Galla Kirana', email: 'Asha@Example.in', password: 'correct horse battery' };

describe('sign-up and login', () => {
  it('signs up a shop with its owner, stores no plain password, and logs in with the email in any case', async () => {
    server = await testServerDb();
    const session = await (await server.as(null)).accounts.signUp(OWNER);
    expect(session.user).toMatchObject({ email: 'asha@example.in', role: 'owner' });
    const me = await (await server.as(session.accessToken)).accounts.me();
    expect(me.shop.name).toBe('Galla Kirana');
    const stored = await asOwner(server.database, (db) =>
      db.execute<{ password_hash: string }>('SELECT password_hash FROM users' as never),
    );
    expect(JSON.stringify(stored)).not.toContain(OWNER.password);
    expect(JSON.stringify(stored)).toContain('scrypt$');
    const again = await (await server.as(null)).accounts.login({ email: 'ASHA@example.in', password: OWNER.password });
    expect(again.user.id).toBe(session.user.id);
  });

  it('refuses a second shop with the same email and a wrong password, with the same message for an unknown email', async () => {
    server = await testServerDb();
    const anon = await server.as(null);
    await anon.accounts.signUp(OWNER);
    await expect(anon.accounts.signUp({ ...OWNER, shopName: 'Other' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const wrong = await anon.accounts
      .login({ email: OWNER.email, password: 'not the password' })
      .catch((error: Error) => error.message);
    const unknown = await anon.accounts
      .login({ email: 'nobody@example.in', password: 'not the password' })
      .catch((error: Error) => error.message);
    expect(wrong).toBe('Wrong email or password.');
    expect(unknown).toBe(wrong);
  });

  it('rejects bad sign-up input with a clear message and creates nothing', async () => {
    server = await testServerDb();
    await expect((await server.as(null)).accounts.signUp({ ...OWNER, password: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const shops = await asOwner(server.database, (db) => db.execute('SELECT count(*)::int AS n FROM shops' as never));
    expect(JSON.stringify(shops)).toContain('"n":0');
  });
});

describe('tokens', () => {
  it('an access token stops working when it expires; the refresh token gives a new pair once', async () => {
    let now = new Date('2026-06-01T10:00:00Z');
    server = await testServerDb({ clock: () => now });
    const session = await (await server.as(null)).accounts.signUp(OWNER);
    now = new Date('2026-06-01T10:16:00Z');
    await expect((await server.as(session.accessToken)).accounts.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const renewed = await (await server.as(null)).accounts.refresh({ refreshToken: session.refreshToken });
    expect((await (await server.as(renewed.accessToken)).accounts.me()).userId).toBe(session.user.id);
    expect(renewed.refreshToken).not.toBe(session.refreshToken);
  });

  it('reusing a rotated refresh token after the grace window signs that login out everywhere', async () => {
    let now = new Date('2026-06-01T10:00:00Z');
    server = await testServerDb({ clock: () => now });
    const anon = await server.as(null);
    const session = await anon.accounts.signUp(OWNER);
    const renewed = await anon.accounts.refresh({ refreshToken: session.refreshToken });
    now = new Date('2026-06-01T10:01:00Z');
    await expect(anon.accounts.refresh({ refreshToken: session.refreshToken })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(anon.accounts.refresh({ refreshToken: renewed.refreshToken })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect((await server.as(renewed.accessToken)).accounts.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('logout revokes the refresh token', async () => {
    server = await testServerDb();
    const anon = await server.as(null);
    const session = await anon.accounts.signUp(OWNER);
    await anon.accounts.logout({ refreshToken: session.refreshToken });
    await expect(anon.accounts.refresh({ refreshToken: session.refreshToken })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('staff roles', () => {
  it('the owner adds a manager and staff; staff cannot manage counters, managers cannot revoke them or add people', async () => {
    server = await testServerDb();
    const anon = await server.as(null);
    const owner = await server.as((await anon.accounts.signUp(OWNER)).accessToken);
    await owner.accounts.addStaff({ email: 'manoj@example.in', password: 'manager password', role: 'manager' });
    await owner.accounts.addStaff({ email: 'sita@example.in', password: 'staffer password', role: 'staff' });
    const manager = await server.as(
      (await anon.accounts.login({ email: 'manoj@example.in', password: 'manager password' })).accessToken,
    );
    const staff = await server.as(
      (await anon.accounts.login({ email: 'sita@example.in', password: 'staffer password' })).accessToken,
    );

    await expect(staff.counters.createEnrolmentCode({ name: 'Front', counterCode: 'C1' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(staff.accounts.listStaff()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { code } = await manager.counters.createEnrolmentCode({ name: 'Front', counterCode: 'C1' });
    const counter = await anon.counters.enrol({ code, counterCode: 'C1' });
    await expect(manager.counters.revoke({ counterId: counter.counterId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      manager.accounts.addStaff({ email: 'x@example.in', password: 'some password', role: 'staff' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await manager.accounts.listStaff()).map((user) => user.role)).toEqual(['owner', 'manager', 'staff']);
  });

  it('a disabled login can no longer use its tokens', async () => {
    server = await testServerDb();
    const anon = await server.as(null);
    const owner = await server.as((await anon.accounts.signUp(OWNER)).accessToken);
    const sita = await owner.accounts.addStaff({
      email: 'sita@example.in',
      password: 'staffer password',
      role: 'staff',
    });
    const session = await anon.accounts.login({ email: 'sita@example.in', password: 'staffer password' });
    await owner.accounts.disableStaff({ userId: sita.id });
    await expect((await server.as(session.accessToken)).accounts.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anon.accounts.login({ email: 'sita@example.in', password: 'staffer password' })).rejects.toMatchObject(
      { code: 'UNAUTHORIZED' },
    );
  });
});

describe('counter enrolment', () => {
  it('a one-time code yields a device token once; the series must match; a revoked device is refused', async () => {
    server = await testServerDb();
    const anon = await server.as(null);
    const owner = await server.as((await anon.accounts.signUp(OWNER)).accessToken);
    const { code } = await owner.counters.createEnrolmentCode({ name: 'Front desk', counterCode: 'C2' });
    await expect(anon.counters.enrol({ code, counterCode: 'C1' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('C2'),
    });
    const enrolled = await anon.counters.enrol({ code: code.toLowerCase(), counterCode: 'C2' });
    await expect(anon.counters.enrol({ code, counterCode: 'C2' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const device = await server.as(enrolled.deviceToken);
    expect(await device.sync.whoami()).toMatchObject({ counterId: enrolled.counterId, counterCode: 'C2' });
    await owner.counters.revoke({ counterId: enrolled.counterId });
    await expect((await server.as(enrolled.deviceToken)).sync.whoami()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('revoked'),
    });
  });

  it('an expired code is refused, and two live counters cannot share a series', async () => {
    let now = new Date('2026-06-01T10:00:00Z');
    server = await testServerDb({ clock: () => now });
    const anon = await server.as(null);
    const owner = await server.as((await anon.accounts.signUp(OWNER)).accessToken);
    const stale = await owner.counters.createEnrolmentCode({ name: 'Front', counterCode: 'C1' });
    now = new Date('2026-06-01T11:00:00Z');
    await expect(anon.counters.enrol({ code: stale.code, counterCode: 'C1' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const fresh = await owner.counters.createEnrolmentCode({ name: 'Front', counterCode: 'C1' });
    await anon.counters.enrol({ code: fresh.code, counterCode: 'C1' });
    await expect(owner.counters.createEnrolmentCode({ name: 'Back', counterCode: 'C1' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
