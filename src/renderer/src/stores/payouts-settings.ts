import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import type { PayoutSettings } from '../../../shared/payouts';
import { callPayouts, type PayoutInput } from '../api/payouts';
import { payoutViews } from './payouts-views';
import { saveSettings } from './save-settings';
import { withSecondManager } from './second-manager';

/** Thresholds and reasons for the SLA colours before the core has answered. */
export const FALLBACK_SLA = { slaWarnMinutes: 30, slaLateMinutes: 120 };

// ---- state ----
export interface PayoutSettingsState {
  settings: PayoutSettings | null;
  settingsError: WireError | null;
  saving: boolean;
  notice: string | null;
}

export const usePayoutSettings = create<PayoutSettingsState>()(() => ({
  settings: null,
  settingsError: null,
  saving: false,
  notice: null,
}));
const set = usePayoutSettings.setState;

// ---- actions ----
export const payoutSettingsActions = {
  async load() {
    const [settings] = await Promise.all([callPayouts('payout-settings:get', {}), payoutViews.actions.load()]);
    set(settings.ok ? { settings: settings.data, settingsError: null } : { settingsError: settings.error });
  },

  /** Returns the core's error (its message names the field) or null when saved. */
  /** Raising a four-eyes threshold (or setting one where every amount needed a second approver) asks a second manager. */
  save: (next: PayoutInput<'payout-settings:save'>): Promise<WireError | null> =>
    saveSettings(
      set,
      () => withSecondManager((secondManager) => callPayouts('payout-settings:save', { ...next, secondManager })),
      'Payout settings saved.',
    ),
};
