// Slots for procedures other engineers are adding (printing, sync): read them when the router has them, show "not set up" when not.
import { useQuery } from '@tanstack/react-query';
import { getUntypedClient } from '@trpc/client';
import { errorCode } from './errors';
import { useTRPCClient } from './trpc';

export type OptionalResult<T> = { available: false } | { available: true; data: T | undefined; error: unknown };

/** Queries `path` if the router serves it; a NOT_FOUND for the path itself means the feature is not in this build. */
export function useOptionalQuery<T>(path: string, input: unknown = undefined, refetchInterval = 5_000): OptionalResult<T> {
  const client = useTRPCClient();
  const query = useQuery({
    queryKey: ['optional', path, input],
    queryFn: () => getUntypedClient(client).query(path, input) as Promise<T>,
    refetchInterval,
    retry: false,
  });
  if (query.error && errorCode(query.error) === 'NOT_FOUND' && /No procedure found|No "query"-procedure/i.test((query.error as Error).message)) return { available: false };
  return { available: true, data: query.data, error: query.error };
}

/** Calls a mutation the router may not serve yet (reprint, test print). */
export function useOptionalMutation(): (path: string, input: unknown) => Promise<unknown> {
  const client = useTRPCClient();
  return (path, input) => getUntypedClient(client).mutation(path, input);
}
