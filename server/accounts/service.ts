// Shop sign-up, login with short-lived access tokens and rotating refresh tokens, staff of a shop, and who a bearer token is.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { Conflict, NotFound, Unauthorized } from '../../src-shared/errors';
import type { AddStaffInput, LoginInput, SignUpInput } from '../../src-shared/contracts/accounts';
import type { ServerDb } from '../db/connection';
import { inShop, shopOf } from '../db/tenant';
import { authTokens, counters, shops, users, type UserRole } from './schema';
import type { Caller, ServerDeps } from '../trpc/init';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from './passwords';
import { addressKey, dropOldAttempts, forgetAttempts, refundAttempt, takeAttempt } from './throttle';
import { hashToken, newToken, tokenKind } from './tokens';

export interface Session {
  accessToken: string;
  accessExpiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  user: { id: string; email: string; role: UserRole; shopId: string };
}

/** Both tokens of a login; neither outlives the login's absolute end (SESSION_MAX_DAYS after the password). */
async function issueSession(
  deps: ServerDeps,
  db: ServerDb,
  user: Session['user'],
  family: { id: string; startedAt: Date },
): Promise<Session> {
  const now = deps.clock().getTime();
  const sessionEnd = family.startedAt.getTime() + deps.config.auth.sessionMaxDays * 86_400_000;
  const accessToken = newToken('access');
  const refreshToken = newToken('refresh');
  const accessExpiresAt = new Date(Math.min(now + deps.config.accessTokenTtlSeconds * 1000, sessionEnd));
  const refreshExpiresAt = new Date(Math.min(now + deps.config.refreshTokenTtlDays * 86_400_000, sessionEnd));
  const common = { shopId: user.shopId, userId: user.id, familyId: family.id, sessionStartedAt: family.startedAt };
  await db.insert(authTokens).values([
    { ...common, kind: 'access', tokenHash: hashToken(accessToken), expiresAt: accessExpiresAt },
    { ...common, kind: 'refresh', tokenHash: hashToken(refreshToken), expiresAt: refreshExpiresAt },
  ]);
  return {
    accessToken,
    accessExpiresAt: accessExpiresAt.toISOString(),
    refreshToken,
    refreshExpiresAt: refreshExpiresAt.toISOString(),
    user,
  };
}

const newFamily = (deps: ServerDeps) => ({ id: randomUUID(), startedAt: deps.clock() });

function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause)
    if ((cause as { code?: string }).code === '23505') return true;
  return false;
}

export async function signUp(deps: ServerDeps, input: SignUpInput): Promise<Session> {
  const passwordHash = await hashPassword(input.password);
  // The new shop's id is chosen here, so its rows are written inside its own inShop like any other shop's.
  const shopId = randomUUID();
  try {
    return await inShop(deps.db, shopId, async (tx) => {
      const [shop] = await tx
        .insert(shops)
        .values({ id: shopId, name: input.shopName, gstin: input.gstin ?? null, stateCode: input.stateCode ?? null })
        .returning({ id: shops.id });
      const [user] = await tx
        .insert(users)
        .values({ shopId: shop!.id, name: input.ownerName ?? null, email: input.email, passwordHash, role: 'owner' })
        .returning();
      return issueSession(
        deps,
        tx,
        { id: user!.id, email: user!.email, role: user!.role, shopId: shop!.id },
        newFamily(deps),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('An account with this email already exists; log in instead.');
    throw error;
  }
}

const BAD_LOGIN = 'Wrong email or password.';

/**
 * Each try counts against the sender's address and the email, before the password is checked; the fifth wrong
 * password in the window locks that email (and a guessing address) until the window ends, whatever is typed next.
 */
export async function login(deps: ServerDeps, input: LoginInput, clientAddress?: string | null): Promise<Session> {
  const address = addressKey(clientAddress);
  await takeAttempt(deps, 'login-address', address);
  await takeAttempt(deps, 'login-account', input.email);
  const shopId = await shopOf(deps.db, 'login', input.email);
  const [user] = shopId
    ? await inShop(deps.db, shopId, (tx) => tx.select().from(users).where(eq(users.email, input.email)))
    : [];
  if (!user || user.disabledAt) {
    await burnPasswordCheck(input.password);
    throw new Unauthorized(BAD_LOGIN);
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) throw new Unauthorized(BAD_LOGIN);
  await forgetAttempts(deps, 'login-account', input.email);
  await refundAttempt(deps, 'login-address', address);
  await dropOldAttempts(deps.db, deps.clock(), deps.config.auth.windowMinutes);
  // The password is known right now: a hash made at an older cost is replaced by one at today's.
  const upgraded = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  return inShop(deps.db, user.shopId, async (tx) => {
    if (upgraded) await tx.update(users).set({ passwordHash: upgraded }).where(eq(users.id, user.id));
    return issueSession(
      deps,
      tx,
      { id: user.id, email: user.email, role: user.role, shopId: user.shopId },
      newFamily(deps),
    );
  });
}

const EXPIRED = 'Your login has expired; log in again.';

/**
 * Rotation: a refresh token works once. Presenting a used one means it leaked, so the whole login is revoked, except
 * within REFRESH_GRACE_SECONDS of its first use: two tabs refreshing together both get a session. After that the old
 * token is theft again. No refresh reaches past the login's absolute end (SESSION_MAX_DAYS).
 */
export async function refresh(deps: ServerDeps, refreshToken: string): Promise<Session> {
  const now = deps.clock();
  const graceMs = deps.config.auth.refreshGraceSeconds * 1000;
  const shopId = await shopOf(deps.db, 'token', hashToken(refreshToken));
  if (!shopId) throw new Unauthorized(EXPIRED);
  return inShop(deps.db, shopId, async (tx) => {
    const [token] = await tx
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.tokenHash, hashToken(refreshToken)), eq(authTokens.kind, 'refresh')));
    if (!token || token.revokedAt || token.expiresAt <= now) throw new Unauthorized(EXPIRED);
    const sessionEnd = token.sessionStartedAt.getTime() + deps.config.auth.sessionMaxDays * 86_400_000;
    if (sessionEnd <= now.getTime()) throw new Unauthorized(EXPIRED);
    const [claimed] = await tx
      .update(authTokens)
      .set({ usedAt: now })
      .where(and(eq(authTokens.id, token.id), isNull(authTokens.usedAt)))
      .returning({ id: authTokens.id });
    if (!claimed) {
      const [used] = await tx.select({ usedAt: authTokens.usedAt }).from(authTokens).where(eq(authTokens.id, token.id));
      const withinGrace = used?.usedAt && now.getTime() - used.usedAt.getTime() <= graceMs;
      if (!withinGrace) {
        await tx.update(authTokens).set({ revokedAt: now }).where(eq(authTokens.familyId, token.familyId));
        return null;
      }
    }
    const [user] = await tx.select().from(users).where(eq(users.id, token.userId));
    if (!user || user.disabledAt) throw new Unauthorized('This login has been disabled.');
    return issueSession(
      deps,
      tx,
      { id: user.id, email: user.email, role: user.role, shopId: user.shopId },
      { id: token.familyId, startedAt: token.sessionStartedAt },
    );
  }).then((session) => {
    // Thrown outside the transaction so that the family's revocation above is committed.
    if (!session)
      throw new Unauthorized(
        'This login was used from somewhere else and has been signed out everywhere; log in again.',
      );
    return session;
  });
}

export async function logout(deps: ServerDeps, refreshToken: string): Promise<void> {
  const shopId = await shopOf(deps.db, 'token', hashToken(refreshToken));
  if (!shopId) return;
  await inShop(deps.db, shopId, async (tx) => {
    const [token] = await tx
      .select({ familyId: authTokens.familyId })
      .from(authTokens)
      .where(eq(authTokens.tokenHash, hashToken(refreshToken)));
    if (token)
      await tx
        .update(authTokens)
        .set({ revokedAt: deps.clock() })
        .where(and(eq(authTokens.familyId, token.familyId), isNull(authTokens.revokedAt)));
  });
}

export async function addStaff(
  deps: ServerDeps,
  shopId: string,
  input: AddStaffInput,
): Promise<{ id: string; name: string | null; email: string; role: UserRole }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await inShop(deps.db, shopId, async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ shopId, name: input.name ?? null, email: input.email, passwordHash, role: input.role })
        .returning({ id: users.id, name: users.name, email: users.email, role: users.role });
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('That email already has a Galla login.');
    throw error;
  }
}

export function listStaff(deps: ServerDeps, shopId: string) {
  return inShop(deps.db, shopId, (tx) =>
    tx
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.shopId, shopId))
      .orderBy(asc(users.createdAt)),
  );
}

export async function disableStaff(
  deps: ServerDeps,
  shopId: string,
  actingUserId: string,
  userId: string,
): Promise<void> {
  if (userId === actingUserId) throw new Conflict('You cannot disable your own login.');
  await inShop(deps.db, shopId, async (tx) => {
    const now = deps.clock();
    const [user] = await tx
      .update(users)
      .set({ disabledAt: now })
      .where(and(eq(users.id, userId), eq(users.shopId, shopId)))
      .returning({ id: users.id });
    if (!user) throw new NotFound('No such login in this shop.');
    await tx
      .update(authTokens)
      .set({ revokedAt: now })
      .where(and(eq(authTokens.userId, userId), eq(authTokens.shopId, shopId), isNull(authTokens.revokedAt)));
  });
}

/** Who a bearer token belongs to; null for no token, and an error for a bad one (so the caller hears why). */
export async function resolveCaller(deps: ServerDeps, bearer: string | null): Promise<Caller | null> {
  if (!bearer) return null;
  const kind = tokenKind(bearer);
  if (kind === 'device') {
    const shopId = await shopOf(deps.db, 'device', hashToken(bearer));
    const [counter] = shopId
      ? await inShop(deps.db, shopId, (tx) =>
          tx
            .select()
            .from(counters)
            .where(eq(counters.deviceTokenHash, hashToken(bearer))),
        )
      : [];
    if (!counter || counter.revokedAt)
      throw new Unauthorized(
        'This counter is not enrolled (or was revoked); enrol it again with a code from the owner.',
      );
    return { kind: 'device', counterId: counter.id, shopId: counter.shopId, counterCode: counter.counterCode };
  }
  if (kind === 'access') {
    const shopId = await shopOf(deps.db, 'token', hashToken(bearer));
    const [row] = shopId
      ? await inShop(deps.db, shopId, (tx) =>
          tx
            .select({ token: authTokens, user: users })
            .from(authTokens)
            .innerJoin(users, eq(users.id, authTokens.userId))
            .where(and(eq(authTokens.tokenHash, hashToken(bearer)), eq(authTokens.kind, 'access'))),
        )
      : [];
    if (!row || row.token.revokedAt || row.token.expiresAt <= deps.clock() || row.user.disabledAt)
      throw new Unauthorized('Your login has expired; refresh it or log in again.');
    return { kind: 'user', userId: row.user.id, shopId: row.user.shopId, role: row.user.role };
  }
  throw new Unauthorized('That is not a Galla token.');
}
