import type { App, Session } from 'electron';
import type { Logger } from '../../core/log';
import { isAppUrl, type AppLocation } from './app-location';
import { contentSecurityPolicy } from './content-security-policy';
import { hostedPageOriginOf } from '../hosted-page-window';

/**
 * App-wide guards, installed once before any window exists: every webContents may only show our pages and
 * may not open windows or attach webviews; every permission is refused; every response carries our CSP.
 */
export function installSecurityGuards(app: App, session: Session, location: AppLocation, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log.warn('blocked a new window', { url });
      return { action: 'deny' };
    });
    // The terminal's hosted card page window may move within its Praxis origin only (hosted-page-window.ts).
    const allowed = (url: string) => {
      const praxis = hostedPageOriginOf(contents.id);
      if (praxis === null) return isAppUrl(url, location);
      try {
        return new URL(url).origin === praxis;
      } catch {
        return false;
      }
    };
    contents.on('will-navigate', (event, url) => {
      if (!allowed(url)) {
        event.preventDefault();
        log.warn('blocked navigation away from the desk', { url });
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowed(url)) {
        event.preventDefault();
        log.warn('blocked a redirect away from the desk', { url });
      }
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.warn('blocked a webview');
    });
  });

  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('denied a permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);

  // Built at run time (the dev server's origin differs), so Electronegativity cannot parse it; content-security-policy.test.ts
  // checks the policy itself.
  const csp = contentSecurityPolicy(location.kind === 'dev' ? location.origin : undefined);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } }); // eng-disable CSP_GLOBAL_CHECK
  });
}
