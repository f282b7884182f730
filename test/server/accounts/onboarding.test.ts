// A shop's start on the server: sign-up with its GSTIN and state (refused whole when they are wrong), the shop's tax
// details kept up to date by the owner and used for the GSTR-1, and the Counters list with its last sync and revoke.
import { afterEach, describe, expect, it } from 'vitest';
import type { ShopProfile } from '../../../server/accounts/shop';
import { enrolCounter } from '../../../src-main/sync/enrol';
import { shopWithStaff } from '../../support/ledger';
import { asOwner, listen, testServerDb, type TestServerDb } from '../../support/server';

let server: TestServerDb;
afterEach(() => server?.close());

const GSTIN = '27AAPFU0939F1ZV';
const KARNATAKA_GSTIN = '29AAPFU0939F1ZR';
const OWNER = {
  shopName: 'Galla Kirana',
  ownerName: 'Asha Patil',
  email: 'asha@example.in',
  password: 'correct horse battery',
  gstin: GSTIN,
  stateCode: '27',
};

async function countOf(table: 'shops' | 'users'): Promise<number> {
  const result = await asOwner(server.database, (db) => db.execute(`SELECT count(*)::int AS n FROM ${table}` as never));
  const rows = (result as unknown as { rows?: { n: number }[] }).rows ?? (result as unknown as { n: number }[]);
  return rows[0]!.n;
}

/** The editable part of the shop record, as the Shop settings page sends it back. */
function profileOf(shop: ShopProfile) {
  return {
    name: shop.name,
    legalName: shop.legalName,
    gstin: shop.gstin ?? '',
    stateCode: shop.stateCode ?? '',
    address: shop.address,
  };
}

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  return promise.then(
    () => ({ message: 'accepted' }),
    (error: { data?: { code?: string }; code?: string; message: string }) => ({
      code: error.code ?? error.data?.code,
      message: error.message,
    }),
  );
}

describe('sign-up with the shop GSTIN and state', () => {
  it('stores the owner name, GSTIN and state on the shop, and the owner is logged in', async () => {
    server = await testServerDb();
    const session = await (await server.as(null)).accounts.signUp({ ...OWNER, gstin: ' 27aapfu0939f1zv ' });
    const me = await (await server.as(session.accessToken)).accounts.me();
    expect(me.role).toBe('owner');
    expect(me.shop).toMatchObject({ name: 'Galla Kirana', gstin: GSTIN, stateCode: '27', legalName: '', address: '' });
    const staff = await (await server.as(session.accessToken)).accounts.listStaff();
    expect(staff.map((person) => [person.name, person.email])).toEqual([['Asha Patil', 'asha@example.in']]);
  });

  it('refuses a GSTIN whose check character is wrong, and writes no shop and no login', async () => {
    server = await testServerDb();
    const refused = await refusal((await server.as(null)).accounts.signUp({ ...OWNER, gstin: '27AAPFU0939F1ZX' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('This GSTIN is not valid');
    expect([await countOf('shops'), await countOf('users')]).toEqual([0, 0]);
  });

  it('refuses a state that is not the one the GSTIN was issued in, and writes nothing', async () => {
    server = await testServerDb();
    const refused = await refusal(
      (await server.as(null)).accounts.signUp({ ...OWNER, gstin: KARNATAKA_GSTIN, stateCode: '27' }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain("The GSTIN's first two digits are the state code");
    expect([await countOf('shops'), await countOf('users')]).toEqual([0, 0]);
  });

  it('lets a shop that is not registered for GST sign up without a GSTIN', async () => {
    server = await testServerDb();
    const session = await (await server.as(null)).accounts.signUp({ ...OWNER, gstin: '', stateCode: '09' });
    const me = await (await server.as(session.accessToken)).accounts.me();
    expect(me.shop).toMatchObject({ gstin: null, stateCode: '09' });
  });
});

describe('shop settings', () => {
  it('the owner saves the legal name, address and a new GSTIN; a bad GSTIN changes nothing', async () => {
    server = await testServerDb();
    const owner = await server.as((await (await server.as(null)).accounts.signUp(OWNER)).accessToken);
    const saved = await owner.accounts.updateShop({
      name: 'Galla Kirana',
      legalName: 'Asha Patil Traders',
      gstin: KARNATAKA_GSTIN,
      stateCode: '29',
      address: '12 MG Road, Bengaluru',
    });
    expect(saved).toMatchObject({ legalName: 'Asha Patil Traders', gstin: KARNATAKA_GSTIN, stateCode: '29' });
    const refused = await refusal(
      owner.accounts.updateShop({ ...profileOf(saved), gstin: '29AAPFU0939F1ZS', legalName: 'Someone Else' }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('This GSTIN is not valid') });
    expect((await owner.accounts.me()).shop).toMatchObject({
      legalName: 'Asha Patil Traders',
      gstin: KARNATAKA_GSTIN,
      address: '12 MG Road, Bengaluru',
    });
  });

  it('a manager may not change the shop details', async () => {
    server = await testServerDb();
    const anon = await server.as(null);
    const owner = await server.as((await anon.accounts.signUp(OWNER)).accessToken);
    await owner.accounts.addStaff({
      name: 'Manoj',
      email: 'manoj@example.in',
      password: 'manager password',
      role: 'manager',
    });
    const manager = await server.as(
      (await anon.accounts.login({ email: 'manoj@example.in', password: 'manager password' })).accessToken,
    );
    const { shop } = await manager.accounts.me();
    const refused = await refusal(manager.accounts.updateShop({ ...profileOf(shop), legalName: 'Manoj & Co' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect((await owner.accounts.me()).shop.legalName).toBe('');
  });

  it("the GSTR-1 is made under the shop's stored GSTIN, and asks for one when the shop has none", async () => {
    server = await testServerDb();
    const anon = await server.as(null);
    const owner = await server.as((await anon.accounts.signUp(OWNER)).accessToken);
    expect((await owner.reports.gstr1({ month: '2026-06' })).gstin).toBe(GSTIN);
    const { shop } = await owner.accounts.me();
    await owner.accounts.updateShop({ ...profileOf(shop), gstin: KARNATAKA_GSTIN, stateCode: '29' });
    expect((await owner.reports.gstr1({ month: '2026-06' })).gstin).toBe(KARNATAKA_GSTIN);
    await owner.accounts.updateShop({ ...profileOf(shop), gstin: '' });
    const refused = await refusal(owner.reports.gstr1({ month: '2026-06' }));
    expect(refused).toEqual({
      code: 'BAD_REQUEST',
      message: "Add the shop's GSTIN on the Shop settings page first: the GSTR-1 is filed under it.",
    });
  });
});

describe('the counters list', () => {
  it('shows each counter with its last sync, app version and state, and a revoked one stays listed as revoked', async () => {
    server = await testServerDb();
    const anon = await server.as(null);
    const owner = await server.as((await anon.accounts.signUp(OWNER)).accessToken);
    const { code } = await owner.counters.createEnrolmentCode({ name: 'Front desk', counterCode: 'C1' });
    const enrolled = await anon.counters.enrol({ code, counterCode: 'C1' });
    const [fresh] = await owner.counters.list();
    expect(fresh).toMatchObject({ counterCode: 'C1', name: 'Front desk', state: 'active', lastSyncAt: null });

    await (await server.as(enrolled.deviceToken)).sync.pull({ cursor: 0, limit: 10 });
    const [synced] = await owner.counters.list();
    expect(synced!.lastSyncAt).not.toBeNull();
    expect(Date.now() - Date.parse(synced!.lastSyncAt!)).toBeLessThan(60_000);

    await owner.counters.revoke({ counterId: enrolled.counterId });
    const [revoked] = await owner.counters.list();
    expect(revoked).toMatchObject({ id: enrolled.counterId, state: 'revoked' });
    expect(revoked!.revokedAt).not.toBeNull();
    const again = await refusal(owner.counters.revoke({ counterId: enrolled.counterId }));
    expect(again.code).toBe('NOT_FOUND');
  });
});

describe("the shop's GSTIN and legal name from the counter at enrolment", () => {
  it('fill what the shop record lacks, and the GSTR-1 is then made under that GSTIN', async () => {
    server = await testServerDb();
    const { app, url } = await listen(server.deps, server.database);
    const counter = await shopWithStaff({ openShift: false });
    try {
      const anon = await server.as(null);
      // Signed up without a GSTIN: the owner has not typed it on the dashboard.
      const owner = await server.as((await anon.accounts.signUp({ ...OWNER, gstin: '' })).accessToken);
      const { shop: before } = await owner.accounts.me();
      await counter.owner.settings.set({
        key: 'shop',
        value: { name: 'Galla Kirana', legalName: 'Asha Patil Traders', gstin: GSTIN, stateCode: '27' },
      });
      const { code } = await owner.counters.createEnrolmentCode({ name: 'Front desk', counterCode: 'C1' });
      await enrolCounter(counter.t.ledger, { serverUrl: url, code });
      expect([before.gstin, before.legalName]).toEqual([null, '']);
      expect((await owner.accounts.me()).shop).toMatchObject({ gstin: GSTIN, legalName: 'Asha Patil Traders' });
      expect((await owner.reports.gstr1({ month: '2026-06' })).gstin).toBe(GSTIN);
    } finally {
      await app.close();
      counter.t.cleanup();
    }
  });

  it('keep what the owner set on the dashboard, and a GSTIN failing its check is refused with nothing written', async () => {
    server = await testServerDb();
    const anon = await server.as(null);
    const owner = await server.as((await anon.accounts.signUp(OWNER)).accessToken);
    const { shop } = await owner.accounts.me();
    await owner.accounts.updateShop({ ...profileOf(shop), legalName: 'Patil Stores LLP' });
    const first = await owner.counters.createEnrolmentCode({ name: 'Front desk', counterCode: 'C1' });
    const refused = await refusal(
      anon.counters.enrol({ code: first.code, counterCode: 'C1', gstin: '27AAPFU0939F1ZX', legalName: 'Other' }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(await owner.counters.list()).toEqual([]);
    await anon.counters.enrol({ code: first.code, counterCode: 'C1', gstin: KARNATAKA_GSTIN, legalName: 'Other' });
    expect((await owner.accounts.me()).shop).toMatchObject({ gstin: GSTIN, legalName: 'Patil Stores LLP' });
  });
});
