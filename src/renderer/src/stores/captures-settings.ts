import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import type { CaptureSettings } from '../../../shared/captures';
import { callCaptures, type CaptureInput } from '../api/captures';
import { captureViews } from './captures-views';

// ---- state ----
export interface CaptureSettingsState {
  settings: CaptureSettings | null;
  settingsError: WireError | null;
  saving: boolean;
  notice: string | null;
}

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
  async save(next: CaptureInput<'capture-settings:save'>): Promise<WireError | null> {
    set({ saving: true, notice: null, settingsError: null });
    try {
      const res = await callCaptures('capture-settings:save', next);
      if (!res.ok) {
        set({ settingsError: res.error });
        return res.error;
      }
      set({ settings: res.data, notice: 'Capture settings saved.' });
      return null;
    } finally {
      set({ saving: false });
    }
  },
};
