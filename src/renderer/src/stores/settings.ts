import { create } from 'zustand';
import type { ConnectionTestResult, CredentialStatus, Profile } from '../../../shared/domain';
import type { WireError } from '../../../shared/errors';
import type { InputOf } from '../../../shared/ipc/contract';
import { desk } from '../api/desk';
import { fieldErrorsFrom } from './field-errors';
import { sessionActions, useSession } from './session';

export const PROFILE_FIELDS = [
  'name',
  'environment',
  'customBaseUrl',
  'merchantId',
  'applicationKey',
  'notificationUrl',
  'storeUrl',
] as const;
export type ProfileDraft = InputOf<'profiles:save'>;
type CredentialKind = NonNullable<InputOf<'credentials:set'>['which']>;

// ---- state ----
export interface SettingsState {
  /** The profile open in the editor; 'new' for a blank one. */
  selectedId: string | null;
  fieldErrors: Record<string, string>;
  formError: string | null;
  saving: boolean;
  notice: string | null;
  /** Where each profile's secret is kept; never the secret itself. */
  credentials: Record<string, CredentialStatus>;
  credentialsBusy: boolean;
  credentialsError: WireError | null;
  testing: boolean;
  test: { profileId: string; result: ConnectionTestResult } | null;
}

const initialSettings: SettingsState = {
  selectedId: null,
  fieldErrors: {},
  formError: null,
  saving: false,
  notice: null,
  credentials: {},
  credentialsBusy: false,
  credentialsError: null,
  testing: false,
  test: null,
};

export const useSettings = create<SettingsState>()(() => initialSettings);

const set = useSettings.setState;

// ---- actions ----
export const settingsActions = {
  select(id: string | null) {
    set({ selectedId: id, fieldErrors: {}, formError: null, notice: null, credentialsError: null, test: null });
    if (id && id !== 'new') void settingsActions.loadCredentials(id);
  },

  async save(draft: ProfileDraft): Promise<Profile | null> {
    set({ saving: true, fieldErrors: {}, formError: null, notice: null });
    const hadSecret = draft.id ? useSettings.getState().credentials[draft.id]?.hasSecret === true : false;
    try {
      const res = await desk().profiles.save(draft);
      if (!res.ok) {
        const { fields, general } = fieldErrorsFrom(res.error, PROFILE_FIELDS);
        set({ fieldErrors: fields, formError: general ?? (Object.keys(fields).length ? null : res.error.message) });
        return null;
      }
      const list = await desk().profiles.list({});
      if (list.ok) sessionActions.applyProfiles(list.data);
      await settingsActions.loadCredentials(res.data.id);
      // The core forgets a secret when its profile moves to another host: say so, and what to do.
      const secretCleared = hadSecret && useSettings.getState().credentials[res.data.id]?.hasSecret === false;
      set({
        selectedId: res.data.id,
        notice: secretCleared
          ? `Saved “${res.data.name}”. It now sends to another host, so its secret was cleared: paste the merchant secret for that host.`
          : `Saved “${res.data.name}”.`,
      });
      return res.data;
    } finally {
      set({ saving: false });
    }
  },

  async remove(id: string): Promise<boolean> {
    set({ saving: true, formError: null, notice: null });
    try {
      const res = await desk().profiles.remove({ id });
      if (!res.ok) {
        set({ formError: res.error.message });
        return false;
      }
      sessionActions.applyProfiles(res.data);
      set({ selectedId: res.data.activeProfileId, notice: 'Profile deleted; its stored secret was removed with it.' });
      return true;
    } finally {
      set({ saving: false });
    }
  },

  async loadCredentials(profileId: string) {
    const res = await desk().credentials.status({ profileId });
    if (res.ok) set((s) => ({ credentials: { ...s.credentials, [profileId]: res.data } }));
    else set({ credentialsError: res.error });
  },

  /**
   * The secret passes straight through to the core; it is never put in any store. Answers what is wrong with the
   * secret itself, for its field (null when stored, or when the problem is not the field's: that is the panel's).
   */
  async setSecret(profileId: string, secret: string, which?: CredentialKind): Promise<string | null> {
    set({ credentialsBusy: true, credentialsError: null });
    try {
      const res = await desk().credentials.set({ profileId, secret, ...(which ? { which } : {}) });
      if (!res.ok) {
        const { fields, general } = fieldErrorsFrom(res.error, ['secret']);
        if (general) set({ credentialsError: { ...res.error, message: general } });
        return fields.secret ?? null;
      }
      // Another secret: the last connection test no longer says anything about it.
      set((s) => ({ credentials: { ...s.credentials, [profileId]: res.data }, test: null }));
      return null;
    } finally {
      set({ credentialsBusy: false });
    }
  },

  async clearSecret(profileId: string, which?: CredentialKind) {
    set({ credentialsBusy: true, credentialsError: null, test: null });
    try {
      const res = await desk().credentials.clear({ profileId, ...(which ? { which } : {}) });
      if (res.ok) set((s) => ({ credentials: { ...s.credentials, [profileId]: res.data } }));
      else set({ credentialsError: res.error });
    } finally {
      set({ credentialsBusy: false });
    }
  },

  async testConnection(profileId: string) {
    set({ testing: true, credentialsError: null, test: null });
    try {
      const res = await desk().credentials.test({ profileId });
      if (!res.ok) {
        set({ credentialsError: res.error });
        return;
      }
      set({ test: { profileId, result: res.data } });
      if (useSession.getState().activeProfileId === profileId) {
        sessionActions.setConnection(res.data.ok ? 'ok' : 'failing', res.data.message);
      }
    } finally {
      set({ testing: false });
    }
  },
};

// ---- selectors ----
export const selectCredentialStatus = (profileId: string | null) => (s: SettingsState) =>
  profileId ? (s.credentials[profileId] ?? null) : null;
