import type { Channel, DeskEventName } from '../../../shared/ipc/contract';
import { WS_ADMISSION_PATH, WS_PATH, WS_TOKEN_PARAM, WsServerMessage } from '../../../shared/ipc/ws-protocol';
import type { Result } from '../../../shared/errors';

export type LinkState = 'connecting' | 'open' | 'closed';

export interface SocketTransport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  subscribe(name: DeskEventName, listener: (payload: unknown) => void): () => void;
}

/** The per-run token the browser host put in the page URL's fragment. */
export function tokenFromLocation(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(WS_TOKEN_PARAM);
}

/** A request was on its way when the socket dropped: the core may have acted, so say so rather than guess. */
const lostInFlight: Result<unknown> = {
  ok: false,
  error: {
    code: 'NETWORK',
    message:
      'The connection to the desk host dropped before it answered, so this page cannot tell whether the command ran. Check the item before retrying.',
  },
};

const COULD_NOT_CONNECT =
  'Could not connect to the desk host. Open the exact URL that "npm run start:browser" printed (it carries this run\'s access token) and check the host is still running.';

/**
 * Why the host refused this page's socket, asked over plain HTTP (a browser hides a refused upgrade's answer): its
 * reason (too many pages open, a wrong token), or the generic message when the host does not answer or would let
 * the socket in now.
 */
async function whyRefused(origin: string, token: string): Promise<string> {
  try {
    const res = await fetch(`${origin}${WS_ADMISSION_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      // The page's policy (no-referrer) lets a browser send its Origin as "null" (the Fetch standard), and the host checks it.
      referrerPolicy: 'same-origin',
      cache: 'no-store',
    });
    const reason = res.status === 204 ? '' : (await res.text()).trim();
    return reason && res.headers.get('content-type')?.startsWith('text/plain')
      ? reason.slice(0, 300)
      : COULD_NOT_CONNECT;
  } catch {
    return COULD_NOT_CONNECT;
  }
}

/**
 * The browser host's side of window.desk: requests go over one WebSocket and are matched to replies by id.
 * A dropped socket fails the pending calls (as NETWORK) and the next call reconnects.
 */
export function createSocketTransport(opts: {
  origin: string;
  token: string;
  onLinkState?: (s: LinkState) => void;
}): SocketTransport {
  const url = `${opts.origin.replace(/^http/, 'ws')}${WS_PATH}?${WS_TOKEN_PARAM}=${encodeURIComponent(opts.token)}`;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    if (opened && socket && socket.readyState <= WebSocket.OPEN) return opened;
    opts.onLinkState?.('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    opened = new Promise((resolve, reject) => {
      let open = false;
      ws.addEventListener('open', () => {
        open = true;
        opts.onLinkState?.('open');
        resolve(ws);
      });
      ws.addEventListener('close', () => {
        opts.onLinkState?.('closed');
        // Refused before it opened: every call waiting for it shares the one question of why.
        if (!open) void whyRefused(opts.origin, opts.token).then((reason) => reject(new Error(reason)));
        for (const [id, settle] of pending) {
          pending.delete(id);
          settle(lostInFlight);
        }
      });
    });
    ws.addEventListener('message', (ev) => {
      let parsed;
      try {
        parsed = WsServerMessage.safeParse(JSON.parse(String(ev.data)));
      } catch {
        return;
      }
      if (!parsed.success) return;
      const msg = parsed.data;
      if ('event' in msg) {
        listeners.get(msg.event)?.forEach((l) => l(msg.payload));
      } else if (msg.id !== null) {
        pending.get(msg.id)?.(msg.result as Result<unknown>);
        pending.delete(msg.id);
      }
    });
    return opened;
  };

  return {
    async invoke(channel, input) {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch (err) {
        return { ok: false, error: { code: 'NETWORK', message: (err as Error).message } };
      }
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, input }));
      });
    },
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener);
    },
  };
}
