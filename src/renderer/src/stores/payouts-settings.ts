import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import type { OperatorView, PayoutSettings } from '../../../shared/payouts';
import { callPayouts, type PayoutInput } from '../api/payouts';
import { payoutViews } from './payouts-views';
import { saveSettings } from './save-settings';

/** Thresholds and reasons for the SLA colours before the core has answered. */
export const FALLBACK_SLA = { slaWarnMinutes: 30, slaLateMinutes: 120 };

// ---- state ----
export interface PayoutSettingsState {
  settings: PayoutSettings | null;
  settingsError: WireError | null;
  saving: boolean;
  notice: string | null;
  operators: OperatorView[];
  operatorsError: WireError | null;
}

export const usePayoutSettings = create<PayoutSettingsState>()(() => ({
  settings: null,
  settingsError: null,
  saving: false,
  notice: null,
  operators: [],
  operatorsError: null,
}));
const set = usePayoutSettings.setState;

// ---- actions ----
export const payoutSettingsActions = {
  async load() {
    const [settings, operators] = await Promise.all([
      callPayouts('payout-settings:get', {}),
      callPayouts('operators:list', {}),
      payoutViews.actions.load(),
    ]);
    set({
      ...(settings.ok ? { settings: settings.data, settingsError: null } : { settingsError: settings.error }),
      ...(operators.ok ? { operators: operators.data, operatorsError: null } : { operatorsError: operators.error }),
    });
  },

  /** Returns the core's error (its message names the field) or null when saved. */
  save: (next: PayoutInput<'payout-settings:save'>): Promise<WireError | null> =>
    saveSettings(set, () => callPayouts('payout-settings:save', next), 'Payout settings saved.'),

  /** The PIN goes straight to the core, which keeps only a hash; it is never put in a store. */
  async addOperator(name: string, pin: string): Promise<WireError | null> {
    const res = await callPayouts('operators:add', { name, pin });
    if (!res.ok) {
      set({ operatorsError: res.error });
      return res.error;
    }
    set({ operators: res.data, operatorsError: null, notice: `Operator “${name}” added.` });
    return null;
  },

  async removeOperator(name: string) {
    const res = await callPayouts('operators:remove', { name });
    if (res.ok) set({ operators: res.data, operatorsError: null, notice: `Operator “${name}” removed.` });
    else set({ operatorsError: res.error });
  },
};
