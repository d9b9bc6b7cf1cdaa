import { capturesAvailable } from '../api/captures';
import { payoutsAvailable } from '../api/payouts';
import { captureActions } from './captures-actions';
import { capturesActions, useCaptures } from './captures';
import { captureSettingsActions } from './captures-settings';
import { payoutActions } from './payouts-actions';
import { payoutsActions, usePayouts } from './payouts';
import { payoutSettingsActions } from './payouts-settings';
import type { ProfileFollower } from './profile-follow';

/** Both queues, as a profile switch reloads them. */
export const QUEUE_FOLLOWERS: ProfileFollower[] = [
  {
    available: payoutsAvailable,
    loaded: () => usePayouts.getState().loaded,
    reset: () => {
      payoutsActions.reset();
      payoutActions.forget();
    },
    reload: () => {
      void payoutsActions.load();
      void payoutSettingsActions.load();
    },
  },
  {
    available: capturesAvailable,
    loaded: () => useCaptures.getState().loaded,
    reset: () => {
      capturesActions.reset();
      captureActions.forget();
    },
    reload: () => {
      void capturesActions.load();
      void captureSettingsActions.load();
    },
  },
];
