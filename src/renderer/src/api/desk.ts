import { buildDeskApi, type DeskApi } from '../../../shared/ipc/desk-api';
import { watchSignIn } from './sign-in-watch';
import { createSocketTransport, tokenFromLocation, type LinkState } from './socket-transport';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent when the page is served by the browser host. */
    desk?: DeskApi;
  }
}

export type HostLink = LinkState | 'ipc';

let api: DeskApi | null = null;
const linkListeners = new Set<(s: HostLink) => void>();
let link: HostLink = 'connecting';

const setLink = (s: HostLink) => {
  link = s;
  linkListeners.forEach((l) => l(s));
};

/**
 * The one seam between components and the desk: Electron's preload API when present, otherwise the same
 * API built over the browser host's WebSocket. Screens and stores call this, never window.desk.
 */
export function desk(): DeskApi {
  if (api) return api;
  if (window.desk) {
    api = watchSignIn(window.desk);
    setLink('ipc');
    return api;
  }
  const token = takeHostToken();
  const transport = createSocketTransport({ origin: window.location.origin, token, onLinkState: setLink });
  api = watchSignIn(buildDeskApi(__DESK_CHANNELS__, transport.invoke, transport.subscribe));
  return api;
}

const TOKEN_KEY = 'praxis-desk.host-token';

/**
 * Reads the browser host's token from the URL fragment once, then takes it out of the address bar and the
 * history; the tab keeps it in sessionStorage so a reload still connects.
 */
function takeHostToken(): string {
  const fromUrl = tokenFromLocation(window.location.hash);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export const hostLink = (): HostLink => link;

export function onHostLink(listener: (s: HostLink) => void): () => void {
  linkListeners.add(listener);
  return () => linkListeners.delete(listener);
}
