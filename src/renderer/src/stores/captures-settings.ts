import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import type { CaptureSettings } from '../../../shared/captures';
import { callCaptures, type CaptureInput } from '../api/captures';
import { captureViews } from './captures-views';
import { saveSettings, type SettingsSlice } from './save-settings';

// ---- state ----
export type CaptureSettingsState = SettingsSlice<CaptureSettings>;

export const useCaptureSettings = create<CaptureSettingsState>()(() => ({
  settings: null,
  settingsError: null,
  saving: false,
  notice: null,
}));
const set = useCaptureSettings.setState;

// ---- actions ----
export const captureSettingsActions = {
  async load() {
    const [settings] = await Promise.all([callCaptures('capture-settings:get', {}), captureViews.actions.load()]);
    set(settings.ok ? { settings: settings.data, settingsError: null } : { settingsError: settings.error });
  },

  /** Returns the core's error (its message names the field) or null when saved. */
  save: (next: CaptureInput<'capture-settings:save'>): Promise<WireError | null> =>
    saveSettings(set, () => callCaptures('capture-settings:save', next), 'Capture settings saved.'),
};
