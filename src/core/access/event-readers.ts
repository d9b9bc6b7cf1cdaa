import type { Role } from '../../shared/access';
import type { Channel } from '../../shared/ipc/contract';
import type { DeskEventName, DeskEvents } from '../../shared/ipc/desk-api';
import { CHANNEL_ROLES, rolesFor } from './channel-roles';

/**
 * The channel whose roles a window needs to be told an event: each event carries what that channel would answer
 * (a hold's customer and amount, a profile's store address). Null: every window, signed in or not (the status bar's
 * connection and clock, which carry nothing of the book). Typed over every event, so a new one cannot skip the choice.
 */
export const EVENT_READERS: { [E in DeskEventName]: (payload: DeskEvents[E]) => Channel | null } = {
  'event:queue-changed': ({ queue }) =>
    queue === 'payouts' ? 'payouts:rows' : queue === 'deposits' ? 'captures:rows' : 'terminal:history',
  'event:connection-changed': () => null,
  'event:clock-changed': () => null,
  'event:profiles-changed': () => 'profiles:list',
  'event:bulk-progress': ({ queue }) => (queue === 'deposits' ? 'captures:bulk' : 'payouts:bulk'),
  'event:lookup-progress': () => 'lookup:run',
  'event:holds-expiring': () => 'captures:list',
  'event:open-item': ({ queue }) => (queue === 'deposits' ? 'captures:detail' : 'payouts:detail'),
};

export const channelReadingEvent = <E extends DeskEventName>(name: E, payload: DeskEvents[E]): Channel | null =>
  EVENT_READERS[name](payload);

/** Whether a window whose person holds `roles` (none: nobody signed in there) may be told this event. */
export async function mayReceiveEvent<E extends DeskEventName>(
  rolesAtWindow: () => Promise<readonly Role[]>,
  name: E,
  payload: DeskEvents[E],
): Promise<boolean> {
  const channel = channelReadingEvent(name, payload);
  if (channel === null) return true;
  const access = CHANNEL_ROLES[channel];
  if (access === 'open') return true;
  const allowed = rolesFor(access);
  return (await rolesAtWindow()).some((r) => allowed.includes(r));
}

/**
 * Tells each window the events it may be told, in the order they happened (the role check is asynchronous, so each
 * window's events wait for the one before). `send` answers false once the window is gone. An event for one window
 * (`to`, the one whose command it reports on) is told to that window only.
 */
export function createEventTeller(
  mayReceive: (connection: string, name: DeskEventName, payload: unknown) => Promise<boolean>,
) {
  const queues = new Map<string, Promise<void>>();
  return <E extends DeskEventName>(
    connection: string,
    name: E,
    payload: DeskEvents[E],
    send: () => void,
    to?: string,
  ): void => {
    if (to !== undefined && to !== connection) return;
    const next = (queues.get(connection) ?? Promise.resolve())
      .then(async () => {
        if (await mayReceive(connection, name, payload)) send();
      })
      .catch(() => undefined); // a store closing mid-check: the event is not told
    queues.set(connection, next);
    void next.then(() => {
      if (queues.get(connection) === next) queues.delete(connection);
    });
  };
}
