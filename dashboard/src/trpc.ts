// The dashboard's tRPC client to the server's /trpc, with the owner's access token; types come from the server's router.
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { ServerRouter } from '../../server/trpc/app-router';
import { session } from './session';

export type Outputs = inferRouterOutputs<ServerRouter>;
export type Inputs = inferRouterInputs<ServerRouter>;
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<ServerRouter>();

export function makeClient() {
  return createTRPCClient<ServerRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        headers: () => {
          const tokens = session.get();
          return tokens ? { authorization: `Bearer ${tokens.accessToken}` } : {};
        },
      }),
    ],
  });
}
