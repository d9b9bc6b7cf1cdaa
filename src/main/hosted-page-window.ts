import { BrowserWindow, session } from 'electron';
import type { Logger } from '../core/log';

/** webContents id → the one origin its hosted card page may navigate within (read by the app-wide guards). */
const hostedPageOrigins = new Map<number, string>();

export const hostedPageOriginOf = (webContentsId: number): string | null =>
  hostedPageOrigins.get(webContentsId) ?? null;

/**
 * Opens Praxis's hosted card page (the terminal's redirect_url) in its own window: its own in-memory session
 * partition, no preload, sandboxed, content protection on (no screenshots of card fields), navigation only within
 * the active environment's Praxis origin, no new windows, no permissions. Card data stays between it and Praxis.
 */
export function openHostedPageWindow(redirectUrl: string, praxisOrigin: string, orderId: string, log: Logger) {
  if (new URL(redirectUrl).origin !== praxisOrigin) {
    log.warn('refused to open a hosted page outside the Praxis host', { orderId });
    return null;
  }
  const partition = `vt-${orderId}`;
  const pageSession = session.fromPartition(partition, { cache: false });
  pageSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  pageSession.setPermissionCheckHandler(() => false);
  // Electron 45 has no remote module; new windows are denied and navigation kept to the Praxis origin just below.
  // Kept as written: the eng-disable must stay on the line Electronegativity reports.
  // prettier-ignore
  const win = new BrowserWindow({ // eng-disable REMOTE_MODULE_JS_CHECK AUXCLICK_JS_CHECK
    width: 520,
    height: 720,
    title: `Praxis payment page — ${orderId}`,
    webPreferences: {
      partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const id = win.webContents.id;
  hostedPageOrigins.set(id, praxisOrigin);
  win.setContentProtection(true);
  const allowed = (url: string) => {
    try {
      return new URL(url).origin === praxisOrigin;
    } catch {
      return false;
    }
  };
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  win.on('closed', () => {
    hostedPageOrigins.delete(id);
    void pageSession.clearStorageData().catch(() => undefined);
  });
  void win.loadURL(redirectUrl);
  return win;
}
