// Editing a customer: every field can be changed, a bad GSTIN changes nothing, credit limits are a manager's, edits are audited and synced.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '../../../src-main/ledger/outbox/schema';
import { shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

/** The party changes waiting to be sent to the server, oldest first. */
function partyOutbox(partyId: string) {
  return shop.t.ledger.db.select().from(outbox).where(eq(outbox.entityId, partyId)).all();
}

async function partyAudit() {
  return (await shop.owner.staff.audit({ limit: 50 })).filter((entry) => entry.action === 'party.update');
}

describe('editing a customer', () => {
  it('adds the phone, GSTIN, address and credit limit to a customer made with a name only', async () => {
    shop = await shopWithStaff();
    const walkIn = await shop.cashier.parties.create({ name: 'Sunil' });
    const edited = await shop.manager.parties.update({
      id: walkIn.id,
      name: 'Sunil Traders',
      phone: '9822222222',
      gstin: '29AAPFU0939F1ZR',
      address: 'Shop 4, MG Road, Bengaluru',
      creditLimitPaise: 500_000,
      creditLimitPolicy: 'approve',
    });
    expect(edited).toMatchObject({
      name: 'Sunil Traders',
      phone: '9822222222',
      gstin: '29AAPFU0939F1ZR',
      stateCode: '29',
      address: 'Shop 4, MG Road, Bengaluru',
      creditLimitPaise: 500_000,
      creditLimitPolicy: 'approve',
    });
    expect(await shop.cashier.parties.get({ id: walkIn.id })).toEqual(edited);
  });

  it('changing one field leaves every other field as it was', async () => {
    shop = await shopWithStaff();
    const party = await shop.manager.parties.create({
      name: 'Meena',
      phone: '9833333333',
      gstin: '27AAPFU0939F1ZV',
      address: 'Pune',
      creditLimitPaise: 20_000,
      creditLimitPolicy: 'approve',
    });
    const renamed = await shop.cashier.parties.update({ id: party.id, name: 'Meena Stores' });
    expect(renamed).toMatchObject({
      name: 'Meena Stores',
      phone: '9833333333',
      gstin: '27AAPFU0939F1ZV',
      stateCode: '27',
      address: 'Pune',
      creditLimitPaise: 20_000,
      creditLimitPolicy: 'approve',
    });
  });

  it('refuses a GSTIN with a wrong check character in shop language, and changes nothing', async () => {
    shop = await shopWithStaff();
    const party = await shop.cashier.parties.create({ name: 'Gopal', phone: '9811111111' });
    const queuedBefore = partyOutbox(party.id).length;
    const refused = shop.manager.parties.update({ id: party.id, name: 'Gopal & Sons', gstin: '27AAPFU0939F1ZX' });
    await expect(refused).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(refused).rejects.toThrow('This GSTIN is not valid. Check its 15 characters.');
    expect(await shop.cashier.parties.get({ id: party.id })).toEqual(party);
    expect(partyOutbox(party.id)).toHaveLength(queuedBefore);
    expect(await partyAudit()).toEqual([]);
  });

  it('refuses a state that differs from the GSTIN, naming both states', async () => {
    shop = await shopWithStaff();
    const party = await shop.cashier.parties.create({ name: 'Farid', gstin: '27AAPFU0939F1ZV' });
    await expect(shop.manager.parties.update({ id: party.id, stateCode: '29' })).rejects.toThrow(
      'This GSTIN belongs to Maharashtra (27), not Karnataka (29).',
    );
    expect(await shop.cashier.parties.get({ id: party.id })).toEqual(party);
  });

  it('is audited with what changed and sent to the server as a party change', async () => {
    shop = await shopWithStaff();
    const party = await shop.cashier.parties.create({ name: 'Kamala' });
    const queuedBefore = partyOutbox(party.id).length;
    await shop.cashier.parties.update({ id: party.id, phone: '9844444444', address: 'Near the temple' });
    const [entry, ...others] = await partyAudit();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      staffId: shop.ids.cashier,
      subjectId: party.id,
      details: { changes: { phone: { from: '', to: '9844444444' }, address: { from: '', to: 'Near the temple' } } },
    });
    const queued = partyOutbox(party.id);
    expect(queued).toHaveLength(queuedBefore + 1);
    expect(queued.at(-1)).toMatchObject({
      entity: 'party',
      payload: { phone: '9844444444', address: 'Near the temple' },
    });
  });

  it("a cashier may fix a phone but not a customer's credit limit or its policy", async () => {
    shop = await shopWithStaff();
    const party = await shop.manager.parties.create({ name: 'Ramesh', creditLimitPaise: 10_000 });
    await expect(shop.cashier.parties.update({ id: party.id, creditLimitPaise: 90_000 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: "Only a manager can change a customer's credit limit.",
    });
    await expect(shop.cashier.parties.update({ id: party.id, creditLimitPolicy: 'approve' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await shop.cashier.parties.get({ id: party.id })).toEqual(party);
    await expect(shop.manager.parties.update({ id: party.id, creditLimitPaise: 90_000 })).resolves.toMatchObject({
      creditLimitPaise: 90_000,
    });
  });
});
