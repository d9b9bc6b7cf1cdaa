import { capturesAvailable } from '../api/captures';
import { payoutsAvailable } from '../api/payouts';
import { capturesActions, useCaptures } from './captures';
import { captureSettingsActions } from './captures-settings';
import { payoutsActions, usePayouts } from './payouts';
import { payoutSettingsActions } from './payouts-settings';
import type { ProfileFollower } from './profile-follow';

/** Both queues, as a profile switch reloads them. */
export const QUEUE_FOLLOWERS: ProfileFollower[] = [
  {
    available: payoutsAvailable,
    loaded: () => usePayouts.getState().loaded,
    reset: payoutsActions.reset,
    reload: () => {
      void payoutsActions.load();
      void payoutSettingsActions.load();
    },
  },
  {
    available: capturesAvailable,
    loaded: () => useCaptures.getState().loaded,
    reset: capturesActions.reset,
    reload: () => {
      void capturesActions.load();
      void captureSettingsActions.load();
    },
  },
];
