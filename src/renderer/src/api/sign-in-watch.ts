import type { Result } from '../../../shared/errors';
import type { DeskApi } from '../../../shared/ipc/contract';

type Method = (input?: unknown) => Promise<Result<unknown>>;
const listeners = new Set<() => void>();

/** Called whenever any call is refused with SIGN_IN (the desk locked, or the person was removed). */
export function onSignInNeeded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The same API, each method reporting a SIGN_IN refusal, so the whole desk turns to the sign-in at once. */
export function watchSignIn(api: DeskApi): DeskApi {
  const watched: Record<string, unknown> = { events: api.events };
  for (const [domain, methods] of Object.entries(api as unknown as Record<string, Record<string, Method>>)) {
    if (domain === 'events') continue;
    watched[domain] = Object.fromEntries(
      Object.entries(methods).map(([name, method]) => [
        name,
        async (input?: unknown) => {
          const res = await method(input);
          if (!res.ok && res.error.code === 'SIGN_IN') listeners.forEach((l) => l());
          return res;
        },
      ]),
    );
  }
  return watched as unknown as DeskApi;
}
