// The preload (sandboxed, context-isolated): exposes exactly one function on one channel as `window.galla`.
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNEL,
  type GallaPreloadApi,
  type IpcRequest,
  type IpcResponse,
} from '../../src-shared/bridge/ipc-protocol';

const api: GallaPreloadApi = {
  invoke: (request: IpcRequest) => ipcRenderer.invoke(IPC_CHANNEL, request) as Promise<IpcResponse>,
};

contextBridge.exposeInMainWorld('galla', api);
