import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../core/log';
import type { AppLocation } from './security/app-location';
import { mainWindowOptions } from './security/window-options';

/** Opens the desk's window on our renderer, shown once it has painted. */
export async function openMainWindow(
  location: AppLocation,
  paths: { preload: string; icon: string },
  devServerUrl: string | undefined,
  log: Logger,
): Promise<BrowserWindow> {
  // Electronegativity cannot read options built by a function: mainWindowOptions sets sandbox, contextIsolation on and
  // nodeIntegration off (window-options.test.ts); Electron 45 has no remote module; every new window and navigation,
  // middle-click included, is refused by install-guards.ts.
  const win = new BrowserWindow(mainWindowOptions(paths.preload, paths.icon)); // eng-disable NODE_INTEGRATION_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK REMOTE_MODULE_JS_CHECK AUXCLICK_JS_CHECK
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_e, details) =>
    log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode }),
  );
  if (location.kind === 'dev' && devServerUrl) await win.loadURL(devServerUrl);
  else if (location.kind === 'file') await win.loadFile(join(location.rendererDir, 'index.html'));
  return win;
}
