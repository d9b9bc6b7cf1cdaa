import { WebSocket } from 'ws';
import type { BrowserHost } from '../../src/server/browser-host';
import type { Result } from '../../src/shared/errors';
import { WS_PATH, WS_TOKEN_PARAM } from '../../src/shared/ipc/ws-protocol';

/** The desk socket's URL with this run's token, and the Origin a page of the host presents. */
export function hostSocketUrl(host: BrowserHost): { url: string; origin: string } {
  const { origin, hash } = new URL(host.url);
  const token = new URLSearchParams(hash.slice(1)).get(WS_TOKEN_PARAM)!;
  return { url: `${origin.replace('http', 'ws')}${WS_PATH}?${WS_TOKEN_PARAM}=${token}`, origin };
}

export interface HostPage {
  /** Every event the page was told, in order. */
  events: Array<{ event: string; payload: unknown }>;
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  close(): void;
}

/** A page's socket as the browser host serves it (right origin and token), replies matched by id, events recorded. */
export async function openHostPage(host: BrowserHost): Promise<HostPage> {
  const { url, origin } = hostSocketUrl(host);
  const ws = new WebSocket(url, { origin });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const replies = new Map<number, (result: Result<unknown>) => void>();
  const events: HostPage['events'] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as {
      event?: string;
      payload?: unknown;
      id?: number;
      result?: Result<unknown>;
    };
    if (msg.event) events.push({ event: msg.event, payload: msg.payload });
    else if (typeof msg.id === 'number') replies.get(msg.id)?.(msg.result!);
  });
  let nextId = 1;
  return {
    events,
    call: (channel, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        replies.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, input }));
      }),
    close: () => ws.terminate(),
  };
}
