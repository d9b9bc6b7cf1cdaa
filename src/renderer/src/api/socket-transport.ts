import type { Channel, DeskEventName } from '../../../shared/ipc/contract';
import { WS_PATH, WS_TOKEN_PARAM, WsServerMessage } from '../../../shared/ipc/ws-protocol';
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
      ws.addEventListener('open', () => {
        opts.onLinkState?.('open');
        resolve(ws);
      });
      ws.addEventListener('close', () => {
        opts.onLinkState?.('closed');
        reject(new Error('closed'));
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
      } catch {
        return {
          ok: false,
          error: {
            code: 'NETWORK',
            message:
              'Could not connect to the desk host. Open the exact URL that "npm run start:browser" printed (it carries this run\'s access token) and check the host is still running.',
          },
        };
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
