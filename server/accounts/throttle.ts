// Login and enrolment throttling: at most AUTH_ATTEMPTS_MAX tries per AUTH_WINDOW_MINUTES per account and per address.
// Kept in PostgreSQL rather than in @fastify/rate-limit's in-memory store: the server runs as stateless instances on one
// database and restarts on deploys, and a limit that resets when a guesser reaches another instance, or waits for a
// restart, is no limit. Each key is one upsert, atomic under its row lock, so parallel guesses cannot slip past the count.
import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import ipaddr from 'ipaddr.js';
import { TooManyTries } from '../../src-shared/errors';
import { shopTime } from '../../src-shared/shop-time';
import type { ServerDb } from '../db/connection';
import type { ServerDeps } from '../trpc/init';
import { authThrottle } from './schema';

export type ThrottleScope = 'login-account' | 'login-address' | 'enrol-address';

/**
 * The unit one sender controls: an IPv4 address, or an IPv6 /64 (a home or office line gets a whole /64, so single
 * IPv6 addresses would give a guesser billions of fresh counts). Null when the address is not known (an in-process call).
 */
export function addressKey(address: string | null | undefined): string {
  if (!address || !ipaddr.isValid(address)) return 'unknown';
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${parts.join(':')}::/64`;
}

function keyHash(scope: ThrottleScope, value: string): string {
  return createHash('sha256').update(`${scope}\u0000${value}`).digest('hex');
}

/** The next whole minute at or after the moment: "try again at 10:15" must not be refused at 10:15:00. */
function ceilMinute(moment: Date): Date {
  return new Date(Math.ceil(moment.getTime() / 60_000) * 60_000);
}

/**
 * Counts one try against the key, refusing it with "Too many tries. Try again at HH:MM" (IST) when the key already
 * spent its tries in the current window. The try is counted before the password or code is checked, so a burst of
 * parallel requests is held to the limit too.
 */
export async function takeAttempt(deps: ServerDeps, scope: ThrottleScope, value: string): Promise<void> {
  const { attemptsMax, windowMinutes } = deps.config.auth;
  const now = deps.clock();
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000);
  const expired = sql`${authThrottle.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz`;
  const [row] = await deps.db
    .insert(authThrottle)
    .values({ keyHash: keyHash(scope, value), attempts: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: authThrottle.keyHash,
      set: {
        attempts: sql`CASE WHEN ${expired} THEN 1 ELSE ${authThrottle.attempts} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${expired} THEN excluded.window_started_at ELSE ${authThrottle.windowStartedAt} END`,
      },
    })
    .returning({ attempts: authThrottle.attempts, windowStartedAt: authThrottle.windowStartedAt });
  if (row!.attempts <= attemptsMax) return;
  const retryAt = ceilMinute(new Date(row!.windowStartedAt.getTime() + windowMinutes * 60_000));
  throw new TooManyTries({ key: 'tooManyTries', params: { time: shopTime(retryAt) } }, retryAt);
}

/** A successful login: the account's count starts again. */
export async function forgetAttempts(deps: ServerDeps, scope: ThrottleScope, value: string): Promise<void> {
  await deps.db.delete(authThrottle).where(eq(authThrottle.keyHash, keyHash(scope, value)));
}

/**
 * A successful try gives its address the try back, so a shop whose staff all log in from one line is not locked out by
 * logging in. (The address is not reset outright: a guesser must not clear its count by logging into its own account.)
 */
export async function refundAttempt(deps: ServerDeps, scope: ThrottleScope, value: string): Promise<void> {
  await deps.db
    .update(authThrottle)
    .set({ attempts: sql`GREATEST(${authThrottle.attempts} - 1, 0)` })
    .where(eq(authThrottle.keyHash, keyHash(scope, value)));
}

/** Windows that ended long ago say nothing any more; dropped now and then so the table stays small. */
export async function dropOldAttempts(db: ServerDb, now: Date, windowMinutes: number): Promise<void> {
  await db
    .delete(authThrottle)
    .where(lt(authThrottle.windowStartedAt, new Date(now.getTime() - windowMinutes * 60_000)));
}
