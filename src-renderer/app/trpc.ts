// The counter's tRPC client and React bindings; the link is chosen at start (IPC in Electron, WebSocket in a browser).
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs, inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '../../src-main/trpc/app-router';

export type { AppRouter };
export type Outputs = inferRouterOutputs<AppRouter>;
export type Inputs = inferRouterInputs<AppRouter>;
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
