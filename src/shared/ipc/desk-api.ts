import type { ExpiringHold } from '../captures';
import type { ClockOff, ProfilesState } from '../domain';
import type { Result } from '../errors';
import type { Channel, InputOf, ResultOf } from './contract';

/*
 * The API a window gets (`desk.profiles.save(...)`) and the events the core pushes, derived from the contract's types
 * only: the page builds it without evaluating the contract's zod schemas, which the core alone parses inputs with
 * (building them all cost the page tens of ms before it could ask for its first rows).
 */

/** Pushes from the core to every open window. */
export interface DeskEvents {
  'event:queue-changed': { queue: 'payouts' | 'deposits' | 'terminal'; ids: string[] };
  'event:connection-changed': { state: 'ok' | 'failing'; message: string };
  /** The active profile's host refused the desk's clock (clockOff set) or answered normally again (null). */
  'event:clock-changed': { clockOff: ClockOff | null };
  'event:profiles-changed': ProfilesState;
  /** Who may be signed in changed (another profile made active, an operator removed or changed): ask the status again. */
  'event:access-changed': Record<string, never>;
  'event:bulk-progress': {
    action: 'approve' | 'reject' | 'capture' | 'void';
    /** The queue the bulk runs on (absent: payouts, as before captures existed). */
    queue?: 'payouts' | 'deposits';
    done: number;
    total: number;
  };
  'event:lookup-progress': { done: number; total: number };
  /** Holds that entered their last 24 hours: each announced once, ever (the store remembers, across restarts). */
  'event:holds-expiring': { items: ExpiringHold[] };
  /** Open one item in its queue's screen (the desktop notification about it was clicked). */
  'event:open-item': { queue: 'payouts' | 'deposits'; tid: number };
}
export type DeskEventName = keyof DeskEvents;
export const EVENT_NAMES: DeskEventName[] = [
  'event:queue-changed',
  'event:connection-changed',
  'event:clock-changed',
  'event:profiles-changed',
  'event:access-changed',
  'event:bulk-progress',
  'event:lookup-progress',
  'event:holds-expiring',
  'event:open-item',
];

type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<Channel>;

// A channel whose input is an empty object may be called with no argument.
type Method<C extends Channel> =
  Record<string, never> extends InputOf<C>
    ? (input?: InputOf<C>) => Promise<Result<ResultOf<C>>>
    : (input: InputOf<C>) => Promise<Result<ResultOf<C>>>;

export type DeskApi = {
  [D in Domain]: { [C in Channel as C extends `${D}:${infer M}` ? CamelCase<M> : never]: Method<C> };
} & {
  events: { on<E extends DeskEventName>(name: E, listener: (payload: DeskEvents[E]) => void): () => void };
};

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Builds `window.desk` from a transport and the contract's channel names. Used by the preload (ipcRenderer.invoke)
 * and by the browser host's client (WebSocket); both expose only these named methods, never a generic invoke.
 */
export function buildDeskApi(
  channels: readonly Channel[],
  invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
  subscribe: (name: DeskEventName, listener: (payload: unknown) => void) => () => void,
): DeskApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const ch of channels) {
    const [domain, method] = ch.split(':') as [string, string];
    (api[domain] ??= {})[camel(method)] = (input?: unknown) => invoke(ch, input ?? {});
  }
  api.events = {
    on: (name: DeskEventName, listener: (payload: unknown) => void) => {
      if (!EVENT_NAMES.includes(name)) throw new Error(`Unknown event ${name}`);
      return subscribe(name, listener);
    },
  };
  return api as unknown as DeskApi;
}
