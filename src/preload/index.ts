import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../shared/errors';
import { CHANNELS } from '../shared/ipc/contract';
import { buildDeskApi } from '../shared/ipc/desk-api';

// The renderer gets named per-domain methods only (window.desk.credentials.set …); no generic invoke, no ipcRenderer.
contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi(
    CHANNELS,
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
