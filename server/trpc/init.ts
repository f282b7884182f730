// tRPC for the cloud server: the request context (database, config, who is calling) and procedures by caller kind and role.
import { initTRPC, type TRPCError } from '@trpc/server';
import type { Logger } from 'pino';
import type { Clock } from '../../src-shared/clock';
import { DomainError, Forbidden, Unauthorized } from '../../src-shared/errors';
import type { ServerConfig } from '../config';
import type { ServerDb } from '../db/connection';
import { inShop } from '../db/tenant';
import type { UserRole } from '../accounts/schema';
import { toTRPCError } from '../../src-shared/trpc-errors';
import { shopText } from '../../src-shared/shop-messages';
import { internalErrorMessage, logInternalError, newErrorId } from '../http/internal-errors';

export type Caller =
  | { kind: 'user'; userId: string; shopId: string; role: UserRole }
  | { kind: 'device'; counterId: string; shopId: string; counterCode: string };

export interface ServerDeps {
  db: ServerDb;
  config: ServerConfig;
  clock: Clock;
  log: Logger;
}

export interface ServerContext extends ServerDeps {
  caller: Caller | null;
  /** The client's address as Fastify sees it (TRUST_PROXY decides whether a proxy's X-Forwarded-For counts). */
  clientAddress?: string | null;
  /** Why a presented token was refused, for the error the caller sees. */
  authProblem?: string;
}

/** Ids given to internal errors where they are logged (noteInternalError), read back when the reply is formatted. */
const errorIds = new WeakMap<TRPCError, string>();

/** Called by the HTTP adapter's onError for every failed call: an internal one is logged once, under a new id. */
export function noteInternalError(log: Logger, error: TRPCError, path: string | undefined): void {
  if (error.code !== 'INTERNAL_SERVER_ERROR' || errorIds.has(error)) return;
  errorIds.set(error, logInternalError(log, error.cause ?? error, 'procedure failed', { path }));
}

const t = initTRPC.context<ServerContext>().create({
  // Never a stack in a reply, whatever NODE_ENV says (tRPC adds one when it thinks it runs in development).
  isDev: false,
  errorFormatter({ shape, error }) {
    const domain = error.cause instanceof DomainError ? error.cause : null;
    const data = { ...shape.data, reason: domain?.reason ?? null, shop: domain?.shop ?? null };
    if (error.code !== 'INTERNAL_SERVER_ERROR') return { ...shape, data };
    // Whatever the error said (SQL text, a database host) stays in the log line under this id.
    const errorId = errorIds.get(error) ?? newErrorId();
    const shop = internalErrorMessage(errorId);
    return { ...shape, message: shopText(shop.key, shop.params), data: { ...data, shop, errorId } };
  },
});

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  if (result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);

export const userProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.caller?.kind !== 'user') throw new Unauthorized(ctx.authProblem ?? 'Log in first.');
  return next({ ctx: { user: ctx.caller } });
});

const RANK: Record<UserRole, number> = { staff: 0, manager: 1, owner: 2 };

export function roleProcedure(role: UserRole) {
  return userProcedure.use(({ ctx, next }) => {
    if (RANK[ctx.user.role] < RANK[role]) throw new Forbidden(`Only a shop ${role} may do this.`);
    return next();
  });
}

/**
 * A role procedure whose ctx.tx is one transaction already scoped to the caller's shop (role galla_app, RLS on),
 * with ctx.shopId beside it. A failed procedure rolls the transaction back; its error still reaches the caller.
 */
export function shopProcedure(role: UserRole) {
  return roleProcedure(role).use(async ({ ctx, next }) => {
    const shopId = ctx.user.shopId;
    let outcome: Awaited<ReturnType<typeof next<{ tx: ServerDb; shopId: string }>>> | undefined;
    try {
      await inShop(ctx.db, shopId, async (tx) => {
        outcome = await next({ ctx: { tx, shopId } });
        if (!outcome.ok) throw outcome.error;
      });
    } catch (error) {
      if (outcome && !outcome.ok && error === outcome.error) return outcome;
      throw error;
    }
    return outcome!;
  });
}

export const deviceProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.caller?.kind !== 'device')
    throw new Unauthorized(
      ctx.authProblem ?? 'This counter is not enrolled (or was revoked); enrol it again with a code from the owner.',
    );
  return next({ ctx: { device: ctx.caller } });
});
