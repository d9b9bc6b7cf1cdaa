import { app, ipcMain, session, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeskCore } from '../core/app/desk-core';
import { openKeytarSecretStore } from '../core/credentials/keytar-secret-store';
import { keychainService } from '../core/credentials/secret-names';
import { createFileLogger } from '../core/file-logger';
import { keepNewFilesPrivate } from '../core/private-folder';
import { usePgliteWorkerModule } from '../core/store/pglite-worker-module';
import pgliteWorkerPath from '../core/store/pglite-worker?modulePath';
import { notifyExpiringHolds } from './hold-notifications';
import { createIpcGate, electronConnection } from './ipc/ipc-gate';
import { registerDeskIpc } from './ipc/register-ipc';
import { withHostedPageWindows } from './terminal-windows';
import { appLocationFrom } from './security/app-location';
import { installSecurityGuards } from './security/install-guards';
import { openMainWindow } from './window';

// Composition root: paths, logger, keychain, core, IPC, window. Everything testable lives in plain modules.
const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
// Runtime assets live in resources/ (unpacked next to the asar when packaged), as in the electron-vite template.
const iconPath = join(here, '../../resources/icon.png').replace('app.asar', 'app.asar.unpacked');
const rendererDir = join(here, '../renderer');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
// PGlite runs on a worker thread; electron-vite builds its code as a file of its own next to this bundle.
usePgliteWorkerModule(pgliteWorkerPath);

// Tests (and people running two desks side by side) can point the desk at its own data folder.
if (process.env.PRAXIS_DESK_USER_DATA_DIR) app.setPath('userData', process.env.PRAXIS_DESK_USER_DATA_DIR);
// Tests turn the sandbox's timed arrivals off, so nothing lands in a queue they did not put there.
const sandboxArrivalIntervalMs = process.env.PRAXIS_DESK_SANDBOX_ARRIVALS === 'off' ? null : undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void main();
}

async function main(): Promise<void> {
  keepNewFilesPrivate();
  const userData = app.getPath('userData');
  const log = createFileLogger(userData, { echoToStderr: true });
  const location = appLocationFrom(devServerUrl, rendererDir);
  const windows = new Set<BrowserWindow>();

  app.on('second-instance', () => {
    const win = [...windows][0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  await app.whenReady();
  installSecurityGuards(app, session.defaultSession, location, log);

  // The window opens while the core starts (a first start creates the PGlite store); calls wait for it.
  const core = openKeytarSecretStore({ service: keychainService(app.isPackaged), log }).then((secretStore) =>
    createDeskCore({
      dataDir: join(userData, 'desk'),
      host: 'electron',
      secretStore,
      logger: log,
      sandboxArrivalIntervalMs,
    }),
  );
  core.then(
    (ready) =>
      void ready.info().then((info) =>
        log.info('desk core ready', {
          simulatorUrl: info.simulatorUrl,
          intakeUrl: info.intakeUrl,
          keychain: info.keychainAvailable,
        }),
      ),
    (err: unknown) => log.error('desk core failed to start', { error: log.redact(String(err)) }),
  );
  const trusted = () => new Set([...windows].filter((w) => !w.isDestroyed()).map((w) => w.webContents.id));
  const handlers = core.then((c) => withHostedPageWindows(c, log));
  handlers.catch(() => undefined); // reported per call by the gate, and logged above
  const gate = createIpcGate({ handlers, log, location, trustedWebContents: trusted });
  const unregister = registerDeskIpc(ipcMain, core, gate, () => [...windows]);
  const notifying = core.then((ready) => notifyExpiringHolds(ready, () => [...windows], log));
  notifying.catch(() => undefined); // a failed start is reported above

  const open = async () => {
    const win = await openMainWindow(location, { preload: preloadPath, icon: iconPath }, devServerUrl, log);
    windows.add(win);
    // Whoever signed in at this window is signed out with it (as the browser host does when its socket closes).
    const connection = electronConnection(win.webContents.id);
    win.on('closed', () => {
      windows.delete(win);
      void core.then((ready) => ready.forgetConnection(connection)).catch(() => undefined);
    });
  };
  await open();
  log.info('desk window open', { version: app.getVersion(), userData });

  app.on('activate', () => {
    if (windows.size === 0) void open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    unregister();
    void notifying.then(
      (stop) => stop(),
      () => undefined,
    );
    // Stop the simulator, intake and store cleanly before the process goes.
    void core
      .then((ready) => ready.close())
      .catch(() => undefined)
      .finally(() => app.quit());
  });
}
