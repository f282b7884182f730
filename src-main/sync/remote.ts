// The counter's line to the cloud server: tRPC over HTTP, typed by the shared wire protocol (src-main never imports server/).
import { createTRPCUntypedClient, httpLink, TRPCClientError } from '@trpc/client';
import { Conflict, Unauthorized } from '../../src-shared/errors';
import { SHOP_MESSAGES_EN, type ShopMessage } from '../../src-shared/shop-messages';
import { assertAllowedServerUrl } from '../../src-shared/sync/server-url';
import {
  enrolResult,
  pullResult,
  pushResult,
  type EnrolInput,
  type EnrolResult,
  type PullInput,
  type PullResult,
  type PushInput,
  type PushResult,
} from '../../src-shared/sync/protocol';

export interface SyncRemote {
  push(input: PushInput): Promise<PushResult>;
  pull(input: PullInput): Promise<PullResult>;
}

export interface RemoteOptions {
  serverUrl: string;
  deviceToken?: string;
  /** A request that takes longer is abandoned and retried; the server's idempotency makes that safe. */
  timeoutMs?: number;
}

function client({ serverUrl, deviceToken, timeoutMs = 30_000 }: RemoteOptions) {
  // An enrolment stored before the https rule, or typed around the form, still never carries the token in clear.
  assertAllowedServerUrl(serverUrl);
  return createTRPCUntypedClient({
    links: [
      httpLink({
        url: `${serverUrl.replace(/\/$/, '')}/trpc`,
        headers: () => (deviceToken ? { authorization: `Bearer ${deviceToken}` } : {}),
        fetch: (url, init) => fetch(url, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) }),
      }),
    ],
  });
}

/** The server's reason code for refusing a request (src-shared/sync/protocol SYNC_REFUSALS), if it gave one. */
export function refusalReason(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const reason = (error.data as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : null;
}

/** The server said no for good (revoked device, bad code, an altered journal): retrying will not help, a person must act. */
export function isPermanentRefusal(error: unknown): boolean {
  if (error instanceof Unauthorized) return true;
  if (refusalReason(error) === 'JOURNAL_CHAIN_BROKEN') return true;
  return (
    error instanceof TRPCClientError &&
    ['UNAUTHORIZED', 'FORBIDDEN'].includes((error.data as { code?: string } | undefined)?.code ?? '')
  );
}

export function createRemote(options: RemoteOptions): SyncRemote {
  const trpc = client(options);
  return {
    push: async (input) => pushResult.parse(await trpc.mutation('sync.push', input)),
    pull: async (input) => pullResult.parse(await trpc.query('sync.pull', input)),
  };
}

function shopMessageOf(error: TRPCClientError<never>): ShopMessage | null {
  const shop = (error.data as { shop?: ShopMessage | null } | undefined)?.shop;
  return shop && shop.key in SHOP_MESSAGES_EN ? shop : null;
}

/** The innermost cause of a failed request, e.g. "connect ECONNREFUSED 127.0.0.1:9" rather than "fetch failed". */
function reasonOf(error: Error): string {
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error ? cause.message : String(cause);
}

export async function requestEnrolment(serverUrl: string, input: EnrolInput): Promise<EnrolResult> {
  try {
    return enrolResult.parse(await client({ serverUrl }).mutation('counters.enrol', input));
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const code = (error.data as { code?: string } | undefined)?.code;
      if (code === 'UNAUTHORIZED') throw new Unauthorized(error.message);
      if (code === 'BAD_REQUEST' || code === 'CONFLICT') throw new Conflict(error.message);
      // Too many wrong codes from this address: the server's message names the time to try again, in shop language.
      if (code === 'TOO_MANY_REQUESTS') throw new Conflict(shopMessageOf(error) ?? error.message);
      // No tRPC code: nothing answered, or something that is not a Galla server did; the owner must check the address.
      if (!code)
        throw new Conflict(
          `Could not reach a Galla server at ${serverUrl} (${reasonOf(error)}). Check the address and that the server is running.`,
        );
    }
    throw error;
  }
}
