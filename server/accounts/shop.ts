// The shop record an owner keeps up to date: trade name, legal name, GSTIN, state and address (what GST returns need).
import { eq } from 'drizzle-orm';
import { NotFound } from '../../src-shared/errors';
import type { ShopProfileInput } from '../../src-shared/contracts/accounts';
import type { ServerDb } from '../db/connection';
import { shops } from './schema';

const PROFILE = {
  id: shops.id,
  name: shops.name,
  legalName: shops.legalName,
  gstin: shops.gstin,
  stateCode: shops.stateCode,
  address: shops.address,
};

export interface ShopProfile {
  id: string;
  name: string;
  legalName: string;
  gstin: string | null;
  stateCode: string | null;
  address: string;
}

/** Both run in the caller's shop transaction (shopProcedure's ctx.tx). */
export async function shopProfile(tx: ServerDb, shopId: string): Promise<ShopProfile> {
  const [shop] = await tx.select(PROFILE).from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new NotFound('No such shop.');
  return shop;
}

export async function updateShopProfile(tx: ServerDb, shopId: string, input: ShopProfileInput): Promise<ShopProfile> {
  const [shop] = await tx.update(shops).set(input).where(eq(shops.id, shopId)).returning(PROFILE);
  if (!shop) throw new NotFound('No such shop.');
  return shop;
}
