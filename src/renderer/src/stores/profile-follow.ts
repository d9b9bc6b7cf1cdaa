import { desk } from '../api/desk';

/** A queue screen's part in a profile switch: drop what it shows, reload from the new store. */
export interface ProfileFollower {
  available(): boolean;
  /** The screen has loaded once (a first announcement before that needs no reload). */
  loaded(): boolean;
  reset(): void;
  reload(): void;
}

/**
 * Each profile has its own work store, so another profile's queues replace these whole: rows, selection and detail
 * are dropped at once (no sandbox row may linger under LIVE) and each queue and its settings reload. The core
 * announces the profile only once the new store is open, so the reload lands on it. Returns the unsubscribe.
 */
export function followActiveProfile(queues: readonly ProfileFollower[]): () => void {
  let profileId: string | null | undefined;
  return desk().events.on('event:profiles-changed', (state) => {
    if (state.activeProfileId === profileId) return;
    const first = profileId === undefined;
    profileId = state.activeProfileId;
    for (const q of queues) {
      if (!q.available() || (first && !q.loaded())) continue;
      q.reset();
      q.reload();
    }
  });
}
