// tRPC over Electron IPC, main side, on tRPC's public API: one request in, the procedure's data or its formatted error shape out.
// Electron itself stays at the edge (an ipcMain-like transport is passed in), so this runs and is tested in plain Node.
import { z } from 'zod';
import {
  TRPCError,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type AnyTRPCRouter,
  type inferRouterContext,
} from '@trpc/server';
import { IPC_CHANNEL, type IpcErrorShape, type IpcResponse } from '../../src-shared/bridge/ipc-protocol';
import type { InFlight } from './in-flight';

const ipcRequest = z
  .object({ type: z.enum(['query', 'mutation']), path: z.string().min(1).max(200), input: z.unknown() })
  .strict();

function errorResponse<R extends AnyTRPCRouter>(
  router: R,
  error: TRPCError,
  request: { type: 'query' | 'mutation' | 'unknown'; path?: string; input?: unknown },
  ctx: inferRouterContext<R> | undefined,
): IpcResponse {
  const shape = getTRPCErrorShape({
    config: router._def._config,
    error,
    type: request.type,
    path: request.path,
    input: request.input,
    ctx,
  });
  // Electron's structured clone would drop a stack's prototype anyway; it never helps a cashier.
  const { stack: _stack, ...data } = (shape as IpcErrorShape).data;
  return { ok: false, error: { ...(shape as IpcErrorShape), data } };
}

/** Calls one procedure for one window's context. Never throws: every failure comes back as a tRPC error shape. */
export async function handleIpcCall<R extends AnyTRPCRouter>(
  router: R,
  ctx: inferRouterContext<R>,
  message: unknown,
): Promise<IpcResponse> {
  const parsed = ipcRequest.safeParse(message);
  if (!parsed.success)
    return errorResponse(
      router,
      new TRPCError({ code: 'BAD_REQUEST', message: 'Malformed IPC request.' }),
      { type: 'unknown' },
      ctx,
    );
  const { type, path, input } = parsed.data;
  try {
    const data: unknown = await callTRPCProcedure({
      router,
      ctx,
      path,
      type,
      input,
      getRawInput: async () => input,
      signal: undefined,
      batchIndex: 0,
    });
    return { ok: true, data };
  } catch (cause) {
    return errorResponse(router, getTRPCErrorFromUnknown(cause), { type, path, input }, ctx);
  }
}

/** The parts of Electron's IpcMainInvokeEvent the bridge looks at. */
export interface IpcInvokeEventLike<Sender> {
  sender: Sender;
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain the bridge uses. */
export interface IpcMainLike<Sender> {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike<Sender>, message: unknown) => Promise<IpcResponse>,
  ): void;
  removeHandler(channel: string): void;
}

export interface ServeIpcOptions<R extends AnyTRPCRouter, Sender> {
  router: R;
  /** Each window has its own context (its own login session). */
  contextFor(sender: Sender): inferRouterContext<R>;
  /** Only our own windows showing our own page may call the router. */
  isTrustedSender(event: IpcInvokeEventLike<Sender>): boolean;
  inFlight?: InFlight;
}

export function serveIpc<R extends AnyTRPCRouter, Sender>(
  ipcMain: IpcMainLike<Sender>,
  options: ServeIpcOptions<R, Sender>,
): () => void {
  ipcMain.handle(IPC_CHANNEL, (event, message) => {
    if (!options.isTrustedSender(event)) {
      return Promise.resolve(
        errorResponse(
          options.router,
          new TRPCError({ code: 'FORBIDDEN', message: 'This window may not use the counter ledger.' }),
          { type: 'unknown' },
          undefined,
        ),
      );
    }
    const call = handleIpcCall(options.router, options.contextFor(event.sender), message);
    return options.inFlight ? options.inFlight.track(call) : call;
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
