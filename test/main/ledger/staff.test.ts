// Staff: the first owner, PIN login with lockout, and who may do what.
import { afterEach, describe, expect, it } from 'vitest';
import { PINS, shopWithStaff, tempLedger, type Shop, type TempLedger } from '../../support/ledger';

let shop: Shop | undefined;
let bare: TempLedger | undefined;
afterEach(() => {
  shop?.t.cleanup();
  bare?.cleanup();
  shop = bare = undefined;
});

describe('staff and roles', () => {
  it('a new counter asks for its owner once; after that, set-up is refused', async () => {
    bare = tempLedger();
    const anonymous = bare.as(null);
    expect(await anonymous.staff.loginOptions()).toEqual({ needsSetup: true, staff: [] });
    await anonymous.staff.setupOwner({ name: 'Owner', pin: '1234' });
    await expect(bare.as(null).staff.setupOwner({ name: 'Intruder', pin: '9999' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('logs in with the right PIN, and locks the member out for 5 minutes after 5 wrong PINs', async () => {
    let now = new Date('2026-05-01T09:00:00Z');
    shop = await shopWithStaff({ clock: () => now });
    const counter = shop.t.as(null);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expect(counter.staff.login({ staffId: shop.ids.cashier, pin: '0000' })).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
        message: `Wrong PIN. Tries left: ${5 - attempt}.`,
      });
    }
    await expect(counter.staff.login({ staffId: shop.ids.cashier, pin: '0000' })).rejects.toMatchObject({
      message: expect.stringMatching(/locked for 5 minutes/),
    });
    await expect(counter.staff.login({ staffId: shop.ids.cashier, pin: PINS.cashier })).rejects.toMatchObject({
      message: expect.stringMatching(/Too many wrong PINs/),
    });
    now = new Date('2026-05-01T09:05:01Z');
    await expect(counter.staff.login({ staffId: shop.ids.cashier, pin: PINS.cashier })).resolves.toMatchObject({
      role: 'cashier',
    });
    expect(await counter.staff.me()).toMatchObject({ id: shop.ids.cashier });
    await counter.staff.logout();
    await expect(counter.staff.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a cashier cannot manage staff or settings; a manager may add cashiers but not managers; an owner may do both', async () => {
    shop = await shopWithStaff();
    await expect(shop.cashier.staff.create({ name: 'X', role: 'cashier', pin: '5555' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      shop.cashier.settings.set({
        key: 'billing',
        value: {
          cashierDiscountLimitBp: 10_000,
          roundOff: true,
          scale: { prefixes: ['21'], pluDigits: 5, valueDigits: 5, valueKind: 'weight' },
        },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      shop.manager.staff.create({ name: 'New cashier', role: 'cashier', pin: '5555' }),
    ).resolves.toMatchObject({ role: 'cashier' });
    await expect(
      shop.manager.staff.create({ name: 'New manager', role: 'manager', pin: '5555' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shop.owner.staff.create({ name: 'New manager', role: 'manager', pin: '5556' })).resolves.toMatchObject(
      { role: 'manager' },
    );
  });

  it("PINs are unique at a counter: a new member or a new PIN may not reuse anyone active's PIN", async () => {
    shop = await shopWithStaff();
    const taken = {
      code: 'CONFLICT',
      message: 'Someone at this counter already has this PIN. Choose a different PIN.',
    };
    await expect(shop.owner.staff.create({ name: 'Priya', role: 'cashier', pin: PINS.owner })).rejects.toMatchObject(
      taken,
    );
    await expect(shop.owner.staff.update({ id: shop.ids.cashier, pin: PINS.manager })).rejects.toMatchObject(taken);
    const refused = await shop.owner.staff
      .update({ id: shop.ids.cashier, pin: PINS.manager })
      .catch((error: { cause: { details: unknown[] } }) => error.cause.details);
    expect(refused).toEqual([expect.objectContaining({ path: 'pin', shop: { key: 'pinTaken' } })]);
    // Giving someone their own PIN again is no clash; nor is the PIN of someone no longer active.
    await expect(shop.owner.staff.update({ id: shop.ids.cashier, pin: PINS.cashier })).resolves.toBeTruthy();
    await shop.owner.staff.update({ id: shop.ids.manager, active: false });
    await expect(shop.owner.staff.create({ name: 'Priya', role: 'cashier', pin: PINS.manager })).resolves.toMatchObject(
      {
        name: 'Priya',
      },
    );
    expect((await shop.owner.staff.list()).filter((member) => member.name === 'Priya')).toHaveLength(1);
  });

  it('a deactivated member is logged out at once, and the last owner cannot be removed', async () => {
    shop = await shopWithStaff();
    await shop.owner.staff.update({ id: shop.ids.cashier, active: false });
    await expect(shop.cashier.sales.held()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(shop.owner.staff.update({ id: shop.ids.owner, role: 'manager' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('PINs are stored hashed with scrypt, never as typed', async () => {
    shop = await shopWithStaff();
    const stored = shop.t.ledger.sqlite.prepare('SELECT pin_hash FROM staff').pluck().all() as string[];
    expect(stored.length).toBeGreaterThan(0);
    expect(
      stored.every((hash) => hash.startsWith('scrypt$') && !Object.values(PINS).some((pin) => hash.includes(pin))),
    ).toBe(true);
  });
});

describe('settings', () => {
  it('validates the shop GSTIN against its state, and the counter id cannot change once bills are numbered', async () => {
    shop = await shopWithStaff();
    await expect(
      shop.owner.settings.set({
        key: 'shop',
        value: { name: 'X', stateCode: '29', gstin: '27AAPFU0939F1ZV' } as never,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/another state/) });
    await shop.owner.settings.set({ key: 'counter', value: { counterId: 'C2' } });
    const { counter } = await shop.cashier.settings.all();
    expect(counter.counterId).toBe('C2');
    await shop.cashier.khata.receivePayment({
      id: crypto.randomUUID(),
      partyId: (await shop.cashier.parties.create({ name: 'P', openingBalancePaise: 100 })).id,
      amountPaise: 100,
      mode: 'upi',
    });
    await expect(shop.owner.settings.set({ key: 'counter', value: { counterId: 'C3' } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('parties', () => {
  it('takes the state from the GSTIN, refuses a GSTIN with a wrong check character, and finds parties by name or phone', async () => {
    shop = await shopWithStaff();
    const party = await shop.cashier.parties.create({
      name: 'Sharma Traders',
      gstin: '27aapfu0939f1zv',
      phone: '9876543210',
    });
    expect(party).toMatchObject({ gstin: '27AAPFU0939F1ZV', stateCode: '27' });
    await expect(
      shop.cashier.parties.create({ name: 'Wrong state', gstin: '27AAPFU0939F1ZV', stateCode: '29' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await shop.cashier.parties.list({ query: '98765' })).rows.map((row) => row.name)).toEqual([
      'Sharma Traders',
    ]);
    expect((await shop.cashier.parties.list({ query: 'shar' })).rows.map((row) => row.name)).toEqual([
      'Sharma Traders',
    ]);
    expect((await shop.cashier.parties.list({ query: '%' })).rows).toEqual([]);
  });
});
