import { DEFAULT_IDLE_LOCK_MINUTES, type AccessSettings } from '../../shared/access';
import { accessContract } from '../../shared/ipc/access-contract';
import { settingsSlot } from '../store/settings-slot';

/** How long a signed-in desk may sit idle before it locks (desk-wide, in the store, audited on save). */
export const { load: loadAccessSettings, save: saveAccessSettings } = settingsSlot<AccessSettings>(
  'access-settings',
  accessContract['access-settings:save'].input,
  { idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES },
);
