// Tenant transactions: the server's connection runs as the galla_app role, which owns no table, so row-level security
// binds every query; inShop sets the shop for one transaction. What must cross shops goes through the narrow SECURITY
// DEFINER functions of migration 0010, each answering with a shop id only.
import { sql } from 'drizzle-orm';
import type { ServerDb } from './connection';

/** The role the application runs as (never the owner of the tables). */
export const APP_ROLE = 'galla_app';

/**
 * Runs fn in one transaction scoped to shopId. Queries inside still filter by shop_id themselves;
 * row-level security (migrations 0001 and 0010) is the second lock on the same door.
 */
export function inShop<T>(db: ServerDb, shopId: string, fn: (tx: ServerDb) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('galla.shop_id', ${shopId}, true)`);
    return fn(tx as unknown as ServerDb);
  });
}

type ShopLookup = 'login' | 'token' | 'device' | 'enrolment';

const LOOKUPS: Record<ShopLookup, ReturnType<typeof sql.raw>> = {
  login: sql.raw('galla_shop_of_login'),
  token: sql.raw('galla_shop_of_token'),
  device: sql.raw('galla_shop_of_device'),
  enrolment: sql.raw('galla_shop_of_enrolment'),
};

/** Which shop a login email, a token hash or an enrolment code hash belongs to; null when none does. */
export async function shopOf(db: ServerDb, lookup: ShopLookup, key: string): Promise<string | null> {
  const result = (await db.execute(sql`SELECT ${LOOKUPS[lookup]}(${key}) AS shop_id`)) as unknown as {
    rows: { shop_id: string | null }[];
  };
  return result.rows[0]?.shop_id ?? null;
}

/** Every shop's id, for the operator's jobs that visit each shop in turn (inside inShop). */
export async function allShopIds(db: ServerDb): Promise<string[]> {
  const result = (await db.execute(sql`SELECT galla_shop_ids() AS id`)) as unknown as { rows: { id: string }[] };
  return result.rows.map((row) => row.id);
}
