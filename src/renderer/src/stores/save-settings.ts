import type { Result, WireError } from '../../../shared/errors';

/** The part of a settings store that a save touches. */
export interface SettingsSlice<S> {
  settings: S | null;
  settingsError: WireError | null;
  saving: boolean;
  notice: string | null;
}

/**
 * Saves one queue's settings: busy while it runs (reset in finally), the core's error kept (its message names the
 * field), the saved settings and a notice on success. Returns the error, or null when saved.
 */
export async function saveSettings<S>(
  set: (patch: Partial<SettingsSlice<S>>) => void,
  call: () => Promise<Result<S>>,
  notice: string,
): Promise<WireError | null> {
  set({ saving: true, notice: null, settingsError: null });
  try {
    const res = await call();
    if (!res.ok) {
      set({ settingsError: res.error });
      return res.error;
    }
    set({ settings: res.data, notice });
    return null;
  } finally {
    set({ saving: false });
  }
}
