import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../shared/errors';
import { buildDeskApi } from '../shared/ipc/contract';

// The renderer gets named per-domain methods only (window.desk.credentials.set …); no generic invoke, no ipcRenderer.
contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi(
    (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
    (name, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(name, forward);
      return () => {
        ipcRenderer.removeListener(name, forward);
      };
    },
  ),
);
