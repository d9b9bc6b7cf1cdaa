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
  // Carries nothing: a window just signed out must hear it to show the sign-in and its reason.
  'event:access-changed': () => null,
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

interface WaitingEvent {
  name: DeskEventName;
  payload: unknown;
  send: () => void;
}

/**
 * Tells each window the events it may be told, in the order they happened. The role check reads the store, so the
 * events that arrive while a window's check runs wait and are checked together with one read of its roles: a burst
 * (a bulk run, a replay after start) costs a window a few reads, not three queries per event behind the store's
 * writes. `send` answers false once the window is gone. An event for one window (`to`, the one whose command it
 * reports on) is told to that window only.
 */
export function createEventTeller(rolesAt: (connection: string) => Promise<readonly Role[]>) {
  const waiting = new Map<string, WaitingEvent[]>();

  async function drain(connection: string): Promise<void> {
    for (let batch = waiting.get(connection); batch?.length; batch = waiting.get(connection)) {
      waiting.set(connection, []);
      let roles: Promise<readonly Role[]> | undefined;
      const rolesOnce = () => (roles ??= rolesAt(connection));
      try {
        for (const e of batch) if (await mayReceiveEvent(rolesOnce, e.name, e.payload as never)) e.send();
      } catch {
        // A store closing mid-check: the rest of this batch is not told.
      }
    }
    waiting.delete(connection);
  }

  return <E extends DeskEventName>(
    connection: string,
    name: E,
    payload: DeskEvents[E],
    send: () => void,
    to?: string,
  ): void => {
    if (to !== undefined && to !== connection) return;
    const queue = waiting.get(connection);
    if (queue) return void queue.push({ name, payload, send });
    waiting.set(connection, [{ name, payload, send }]);
    void drain(connection);
  };
}
