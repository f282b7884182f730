// The one IPC channel between a counter window and main, and the messages that cross it (plain, structured-cloneable data).

export const IPC_CHANNEL = 'galla:trpc';

export interface IpcRequest {
  type: 'query' | 'mutation';
  path: string;
  input: unknown;
}

/** tRPC's error shape as the router's errorFormatter made it: code, message and data (with data.details) pass through untouched. */
export interface IpcErrorShape {
  code: number;
  message: string;
  data: { code: string; httpStatus?: number; path?: string; details?: unknown; [key: string]: unknown };
}

export type IpcResponse = { ok: true; data: unknown } | { ok: false; error: IpcErrorShape };

/** What the preload exposes as `window.galla`: one function, one channel. */
export interface GallaPreloadApi {
  invoke(request: IpcRequest): Promise<IpcResponse>;
}
