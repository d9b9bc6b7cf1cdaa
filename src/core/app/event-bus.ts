import type { DeskEventName, DeskEvents } from '../../shared/ipc/contract';

export interface EventBus {
  emit<E extends DeskEventName>(name: E, payload: DeskEvents[E]): void;
  on<E extends DeskEventName>(name: E, listener: (payload: DeskEvents[E]) => void): () => void;
}

/** Typed pub/sub from the core to whichever transport forwards events to windows. */
export function createEventBus(onListenerError: (name: DeskEventName, err: unknown) => void): EventBus {
  const listeners = new Map<DeskEventName, Set<(payload: unknown) => void>>();
  return {
    emit(name, payload) {
      for (const l of listeners.get(name) ?? []) {
        // One failing window must not stop the others from hearing the event.
        try {
          l(payload);
        } catch (err) {
          onListenerError(name, err);
        }
      }
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}
