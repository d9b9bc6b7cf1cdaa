import { desk } from '../api/desk';
import { payoutsAvailable } from '../api/payouts';
import { payoutsActions, usePayouts } from './payouts';
import { payoutSettingsActions } from './payouts-settings';

/**
 * Each profile has its own work store, so another profile's queue replaces this one whole: the rows, selection
 * and detail are dropped at once (no sandbox row may linger under LIVE) and the queue and its settings reload.
 * The core announces the profile only once the new store is open, so the reload lands on it. Returns the unsubscribe.
 */
export function followActiveProfileForPayouts(): () => void {
  let profileId: string | null | undefined;
  return desk().events.on('event:profiles-changed', (state) => {
    if (state.activeProfileId === profileId) return;
    const first = profileId === undefined;
    profileId = state.activeProfileId;
    if (!payoutsAvailable() || (first && !usePayouts.getState().loaded)) return;
    payoutsActions.reset();
    void payoutsActions.load();
    void payoutSettingsActions.load();
  });
}
