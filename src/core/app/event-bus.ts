import type { DeskEventName, DeskEvents } from '../../shared/ipc/contract';

/**
 * `to`: the one window (connection) the event is for, the one whose command it reports on (a lookup's progress);
 * absent, every window that may read it.
 */
export type EventListener<E extends DeskEventName> = (payload: DeskEvents[E], to?: string) => void;

export interface EventBus {
  emit<E extends DeskEventName>(name: E, payload: DeskEvents[E], to?: string): void;
  on<E extends DeskEventName>(name: E, listener: EventListener<E>): () => void;
}

/** Typed pub/sub from the core to whichever transport forwards events to windows. */
export function createEventBus(onListenerError: (name: DeskEventName, err: unknown) => void): EventBus {
  const listeners = new Map<DeskEventName, Set<(payload: unknown, to?: string) => void>>();
  return {
    emit(name, payload, to) {
      for (const l of listeners.get(name) ?? []) {
        // One failing window must not stop the others from hearing the event.
        try {
          l(payload, to);
        } catch (err) {
          onListenerError(name, err);
        }
      }
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const l = listener as (payload: unknown, to?: string) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}
