// tRPC over Electron IPC, renderer side: a terminating link that sends each operation through the preload's one function.
// No DOM or Electron here: the invoke function is passed in, so the same link is tested in Node against the main side.
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import type { GallaPreloadApi } from '../../src-shared/bridge/ipc-protocol';

export function ipcLink<R extends AnyTRPCRouter>(api: GallaPreloadApi): TRPCLink<R> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        if (op.type === 'subscription') {
          observer.error(new TRPCClientError('Subscriptions are not carried over IPC.'));
          return;
        }
        api
          .invoke({ type: op.type, path: op.path, input: op.input })
          .then((response) => {
            if (!response.ok) {
              observer.error(TRPCClientError.from({ error: response.error }));
              return;
            }
            observer.next({ result: { type: 'data', data: response.data } });
            observer.complete();
          })
          .catch((cause: unknown) =>
            observer.error(TRPCClientError.from(cause instanceof Error ? cause : new TRPCClientError(String(cause)))),
          );
      });
}
