// tRPC for the cloud server: the request context (database, config, who is calling) and procedures by caller kind and role.
import { initTRPC } from '@trpc/server';
import type { Logger } from 'pino';
import type { Clock } from '../../src-shared/clock';
import { DomainError, Forbidden, Unauthorized } from '../../src-shared/errors';
import type { ServerConfig } from '../config';
import type { ServerDb } from '../db/connection';
import { inShop } from '../db/tenant';
import type { UserRole } from '../accounts/schema';
import { toTRPCError } from '../../src-shared/trpc-errors';

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
  /** Why a presented token was refused, for the error the caller sees. */
  authProblem?: string;
}

const t = initTRPC.context<ServerContext>().create({
  errorFormatter({ shape, error }) {
    const unexpected = error.code === 'INTERNAL_SERVER_ERROR';
    // The reason code (SYNC_CURSOR_AHEAD, JOURNAL_CHAIN_BROKEN…) tells a counter what to do; the message tells a person.
    const reason = error.cause instanceof DomainError ? error.cause.reason : null;
    return {
      ...shape,
      message: unexpected
        ? 'Something went wrong on the server and nothing was saved. Please try again.'
        : shape.message,
      data: { ...shape.data, reason },
    };
  },
});

const mapDomainErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  if (result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  if (result.error.code === 'INTERNAL_SERVER_ERROR')
    ctx.log.error({ err: result.error.cause ?? result.error, path }, 'procedure failed');
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
