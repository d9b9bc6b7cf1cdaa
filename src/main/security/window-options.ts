import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The main window's web preferences: the renderer is an isolated, sandboxed web page that knows only window.desk. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** The desk's main window. Hidden until the first paint so a user never sees a blank white frame. */
export function mainWindowOptions(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    // Linux takes the window icon from here; macOS and Windows from the packaged app's own icon.
    ...(iconPath ? { icon: iconPath } : {}),
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Praxis Desk',
    backgroundColor: '#111418',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
