/**
 * A STAND-IN for the `electron` module, for the smoke test of the built main process and preload where no
 * Electron binary runs. It is not Electron: it only records what the composition root asks of Electron (windows,
 * IPC handlers, session guards, app events) and lets the test drive them. The `_electron` tests stay the real proof.
 */
import { pathToFileURL } from 'node:url';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

let nextContentsId = 1;

export class StandInWebContents extends Emitter {
  readonly id = nextContentsId++;
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  readonly sent: { name: string; payload: unknown }[] = [];
  /** The URL the window loaded, as its frames report it. */
  url = '';
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn;
  }
  send(name: string, payload: unknown) {
    this.sent.push({ name, payload });
  }
  /** A stand-in window is closed only with the process. */
  isDestroyed() {
    return false;
  }
}

export interface StandInState {
  userData: string;
  windows: StandInBrowserWindow[];
  handlers: Map<string, Listener>;
  app: Emitter & { quitCalls: number };
  permissionRequestHandler: Listener | null;
  permissionCheckHandler: Listener | null;
  headersHandler: Listener | null;
  exposed: Record<string, unknown>;
  /** What a sandboxed preload's require('electron') returns. */
  preloadElectron: unknown;
  /** Desktop notifications the main process showed. */
  notifications: StandInNotification[];
}

export const standIn: StandInState = {
  userData: '',
  windows: [],
  handlers: new Map(),
  app: Object.assign(new Emitter(), { quitCalls: 0 }),
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  headersHandler: null,
  exposed: {},
  preloadElectron: null,
  notifications: [],
};

/** Records a desktop notification; a test clicks it with `emit('click')`. */
export class StandInNotification extends Emitter {
  static isSupported() {
    return true;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    this.shown = true;
    standIn.notifications.push(this);
  }
}

export class StandInBrowserWindow extends Emitter {
  readonly webContents = new StandInWebContents();
  loadedFile: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    standIn.windows.push(this);
    // Guards are installed per webContents as Electron announces each one.
    standIn.app.emit('web-contents-created', {}, this.webContents);
  }
  async loadFile(path: string) {
    this.loadedFile = path;
    this.webContents.url = pathToFileURL(path).href;
  }
  async loadURL(url: string) {
    this.webContents.url = url;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  show() {}
  restore() {}
  focus() {}
}

const app = Object.assign(standIn.app, {
  isPackaged: false,
  getPath: (name: string) => {
    if (name !== 'userData') throw new Error(`The stand-in knows only the userData path, not ${name}.`);
    return standIn.userData;
  },
  setPath: (name: string, path: string) => {
    if (name === 'userData') standIn.userData = path;
  },
  getVersion: () => '0.0.0-stand-in',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit: () => {
    standIn.app.quitCalls++;
  },
});

const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn: Listener) => (standIn.permissionRequestHandler = fn),
    setPermissionCheckHandler: (fn: Listener) => (standIn.permissionCheckHandler = fn),
    webRequest: { onHeadersReceived: (fn: Listener) => (standIn.headersHandler = fn) },
  },
};

const ipcMain = {
  handle: (channel: string, fn: Listener) => {
    if (standIn.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    standIn.handlers.set(channel, fn);
  },
  removeHandler: (channel: string) => standIn.handlers.delete(channel),
};

/** What the preload's ipcRenderer.invoke reaches: the handler, with an event from `sender`'s top frame. */
export function invokeFrom(sender: StandInWebContents, channel: string, input: unknown, frameUrl = sender.url) {
  const handler = standIn.handlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  return handler({ sender, senderFrame: { url: frameUrl, parent: null } }, input);
}

const ipcRenderer = {
  invoke: (channel: string, input: unknown) => {
    const win = standIn.windows[0];
    if (!win) throw new Error('The stand-in has no window to send from.');
    return invokeFrom(win.webContents, channel, input);
  },
  on: (name: string, fn: Listener) => standIn.windows[0]?.webContents.on(name, fn),
  removeListener: () => undefined,
};

const contextBridge = {
  exposeInMainWorld: (name: string, api: unknown) => {
    standIn.exposed[name] = api;
  },
};

export const electronStandIn = {
  app,
  session,
  ipcMain,
  BrowserWindow: StandInBrowserWindow,
  Notification: StandInNotification,
};
standIn.preloadElectron = { ipcRenderer, contextBridge };
