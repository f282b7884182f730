// Tenant transactions: every shop-scoped unit of work runs as the galla_app role with the shop id set, so RLS holds it to that shop.
import { sql } from 'drizzle-orm';
import type { ServerDb } from './connection';

/**
 * Runs fn in one transaction scoped to shopId. Queries inside still filter by shop_id themselves;
 * row-level security (migration 0001) is the second lock on the same door.
 */
export function inShop<T>(db: ServerDb, shopId: string, fn: (tx: ServerDb) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('role', 'galla_app', true), set_config('galla.shop_id', ${shopId}, true)`);
    return fn(tx as unknown as ServerDb);
  });
}
