import type { WebSocket } from 'ws';
import { createEventTeller } from '../core/access/event-readers';
import { dispatch } from '../core/commands/dispatch';
import type { DeskCore } from '../core/app/desk-core-types';
import type { Logger } from '../core/log';
import { EVENT_NAMES } from '../shared/ipc/desk-api';
import { WsRequest, type WsReply, type WsEvent } from '../shared/ipc/ws-protocol';
import { describeZodError } from '../core/commands/dispatch';
import { randomUUID } from 'node:crypto';

/**
 * Calls one page may have waiting for an answer at once. A page starting up makes a few dozen at most; a page holding
 * the token that sends thousands at once has the rest refused at once rather than queued in the core.
 */
export const MAX_CALLS_IN_FLIGHT = 64;

const busy = {
  code: 'BUSY',
  message: `This page has too many commands waiting for an answer (${MAX_CALLS_IN_FLIGHT}): nothing was done with this one. Wait for the others' answers, then try again, or reload the page.`,
} as const;

/**
 * Answers and events a page has not read yet, beyond which its socket is closed. A browser reads its socket whatever
 * the tab does; only a program that stops reading gets here, and its answers would otherwise pile up in memory.
 */
export const MAX_UNREAD_BYTES = 32 * 1024 * 1024;

/** Best effort to echo the id of a request we refuse, so the page can fail the right promise. */
function idOf(raw: unknown): number | null {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0) return id;
  }
  return null;
}

/**
 * Serves one page's socket: each `{ id, channel, input }` goes through the same dispatch as Electron IPC,
 * and every core event is pushed to the page. Returns a function that detaches the event listeners.
 */
export function serveDeskSocket(socket: WebSocket, core: DeskCore, logger: Logger): () => void {
  const send = (msg: WsReply | WsEvent) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_UNREAD_BYTES) {
      logger.warn('browser host: closed a socket that is not reading its answers', {
        unreadBytes: socket.bufferedAmount,
      });
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(msg));
  };

  // Sign-in belongs to this page's socket: a reload or a second tab signs in again.
  const connection = `browser-host:${randomUUID()}`;
  // Only what this window's person may read: a page nobody signed in at is told nothing of the book.
  const tell = createEventTeller(core.rolesAt);
  const unsubscribers = EVENT_NAMES.map((name) =>
    core.events.on(name, (payload, to) => tell(connection, name, payload, () => send({ event: name, payload }), to)),
  );

  // A page sending garbage is logged once, and the count when it goes, not once per frame.
  let malformedFrames = 0;
  let inFlight = 0;
  let refusedBusy = 0;
  socket.on('message', (data, isBinary) => {
    void (async () => {
      let raw: unknown;
      try {
        raw = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        raw = undefined;
      }
      const parsed = WsRequest.safeParse(raw);
      if (!parsed.success) {
        // Only the shape is logged: the input may carry a secret.
        if (malformedFrames++ === 0)
          logger.warn('browser host: malformed socket message', {
            problem: raw === undefined ? 'not JSON text' : describeZodError(parsed.error).slice(0, 500),
          });
        send({
          id: idOf(raw),
          result: {
            ok: false,
            error: {
              code: 'VALIDATION',
              message: 'Malformed desk message: expected JSON { id, channel, input }. Reload the page.',
            },
          },
        });
        return;
      }
      const { id, channel, input } = parsed.data;
      if (inFlight >= MAX_CALLS_IN_FLIGHT) {
        if (refusedBusy++ === 0)
          logger.warn('browser host: page has too many commands in flight', { limit: MAX_CALLS_IN_FLIGHT });
        send({ id, result: { ok: false, error: busy } });
        return;
      }
      inFlight++;
      try {
        const result = await dispatch(core.handlers, channel, input, { transport: 'browser-host', connection }, logger);
        send({ id, result });
      } finally {
        inFlight--;
      }
    })().catch((err: unknown) =>
      logger.error('browser host: socket handler failed', { error: logger.redact(String(err)) }),
    );
  });

  const detach = () => unsubscribers.forEach((off) => off());
  socket.on('close', () => {
    detach();
    core.forgetConnection(connection);
    if (malformedFrames > 1)
      logger.warn('browser host: connection closed after malformed socket messages', { count: malformedFrames });
    if (refusedBusy > 1)
      logger.warn('browser host: connection closed after commands refused as too many in flight', {
        count: refusedBusy,
      });
  });
  return detach;
}
