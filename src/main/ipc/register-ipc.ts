import type { BrowserWindow, IpcMain } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { EVENT_NAMES } from '../../shared/ipc/desk-api';
import { createEventTeller } from '../../core/access/event-readers';
import type { DeskCore } from '../../core/app/desk-core-types';
import { electronConnection, type createIpcGate } from './ipc-gate';

/**
 * Registers every contract channel through the gate (the only ipcMain.handle in the app) and forwards the
 * core's events to our windows. Returns a function that undoes both.
 */
export function registerDeskIpc(
  ipcMain: IpcMain,
  core: Promise<DeskCore>,
  gate: ReturnType<typeof createIpcGate>,
  windows: () => BrowserWindow[],
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      gate(
        {
          webContentsId: event.sender.id,
          frameUrl: event.senderFrame?.url,
          isMainFrame: !!event.senderFrame && event.senderFrame.parent === null,
        },
        channel,
        input,
      ),
    );
  }
  const unsubscribe: Array<() => void> = [];
  let unregistered = false;
  void core.then(
    (ready) => {
      if (unregistered) return;
      // Each window is told only what its person may read (event-readers.ts), as the browser host's pages are.
      const tell = createEventTeller(ready.rolesAt);
      for (const name of EVENT_NAMES) {
        unsubscribe.push(
          ready.events.on(name, (payload, to) => {
            for (const win of windows()) {
              if (win.isDestroyed()) continue;
              const contents = win.webContents;
              tell(
                electronConnection(contents.id),
                name,
                payload,
                () => {
                  if (!contents.isDestroyed()) contents.send(name, payload);
                },
                to,
              );
            }
          }),
        );
      }
    },
    () => undefined, // the gate reports a failed start to the renderer
  );
  return () => {
    unregistered = true;
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
    for (const off of unsubscribe) off();
  };
}
