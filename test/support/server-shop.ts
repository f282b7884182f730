// A shop on the test server with its owner and enrolled counters, for the sync and isolation suites.
import type { TestServerDb } from './server';

/** Every such shop is registered in Maharashtra under one GSTIN: only its own figures tell it apart. */
export const SERVER_SHOP_GSTIN = '27AAPFU0939F1ZV';

export async function shopWithCounters(server: TestServerDb, email: string, codes: string[] = ['C1', 'C2']) {
  const anon = await server.as(null);
  const session = await anon.accounts.signUp({
    shopName: `Shop of ${email}`,
    email,
    password: 'correct horse battery',
    gstin: SERVER_SHOP_GSTIN,
    stateCode: '27',
  });
  const owner = await server.as(session.accessToken);
  const counters = [];
  for (const counterCode of codes) {
    const { code } = await owner.counters.createEnrolmentCode({ name: `Counter ${counterCode}`, counterCode });
    const enrolled = await anon.counters.enrol({ code, counterCode });
    counters.push({ ...enrolled, api: await server.as(enrolled.deviceToken) });
  }
  return { session, owner, counters, shopId: session.user.shopId };
}
