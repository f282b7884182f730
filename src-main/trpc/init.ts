// tRPC for the counter: the context (ledger + logged-in session), error shapes, and procedures by role.
import { initTRPC, TRPCError } from '@trpc/server';
import { Conflict, DomainError, Forbidden, SessionEnded } from '../../src-shared/errors';
import type { StaffRole } from '../../src-shared/contracts/staff';
import type { Actor, Ledger } from '../ledger/ledger';
import { hasRole, resolveActor } from '../ledger/staff/service';
import { toTRPCError } from '../../src-shared/trpc-errors';
import { errorDetails, errorShopMessage, inputErrorMessage } from './errors';

/** One per window or WebSocket connection: who is logged in there. */
export interface CounterSession {
  staffId: string | null;
}

export interface LedgerContext {
  ledger: Ledger;
  session: CounterSession;
  /** Told after each committed mutation, so background work (printing, sync) starts now rather than at its next poll. */
  afterWrite?: () => void;
  /**
   * Opens a file in the system's viewer (the desktop app passes Electron's shell.openPath). Absent in the browser
   * bridge: there the renderer downloads the bytes instead.
   */
  openFile?: (file: string) => Promise<void>;
  /** What PRAGMA quick_check found at start (src-main/ledger/file-check.ts); set, the counter takes no bill. */
  ledgerDamage?: string | null;
}

export interface ProcedureMeta {
  /** A write of working state only (the open bill's draft): background work has nothing new to do. */
  workingStateOnly?: boolean;
}

const t = initTRPC
  .context<LedgerContext>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const message =
        error.code === 'INTERNAL_SERVER_ERROR'
          ? 'Something went wrong and nothing was saved. Please try again.'
          : shape.message;
      const reason = error.cause instanceof DomainError ? error.cause.reason : null;
      const details = errorDetails(error.cause);
      const shop = errorShopMessage(error.cause, details);
      return { ...shape, message, data: { ...shape.data, details, reason, shop } };
    },
  });

/** Domain errors get their tRPC code; zod's input errors get a one-line message naming each field. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const { cause, code } = result.error;
  if (cause instanceof DomainError) throw toTRPCError(cause);
  const details = code === 'BAD_REQUEST' ? errorDetails(cause) : [];
  if (details.length) throw new TRPCError({ code, message: inputErrorMessage(details), cause });
  return result;
});

const announceWrites = t.middleware(async ({ ctx, type, meta, next }) => {
  const result = await next();
  if (result.ok && type === 'mutation' && !meta?.workingStateOnly) ctx.afterWrite?.();
  return result;
});

/** On a damaged ledger file nothing is written but a login and the restore of a verified backup. */
const WRITABLE_WHEN_DAMAGED = new Set(['staff.login', 'staff.logout', 'ledgerHealth.restoreLatest']);
const refuseWritesOnDamage = t.middleware(({ ctx, type, path, next }) => {
  if (ctx.ledgerDamage && type === 'mutation' && !WRITABLE_WHEN_DAMAGED.has(path))
    throw new Conflict({ key: 'ledgerDamaged' });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors).use(refuseWritesOnDamage).use(announceWrites);

export const staffProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session.staffId) throw new SessionEnded({ key: 'loginFirst' });
  const actor: Actor = resolveActor(ctx.ledger, ctx.session.staffId);
  return next({ ctx: { actor } });
});

function roleProcedure(role: StaffRole) {
  return staffProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.actor, role)) throw new Forbidden({ key: role === 'owner' ? 'onlyOwner' : 'onlyManager' });
    return next();
  });
}

export const managerProcedure = roleProcedure('manager');
export const ownerProcedure = roleProcedure('owner');
