import { create } from 'zustand';
import type { Profile } from '../../../shared/domain';
import type { WireError } from '../../../shared/errors';
import { focusScreen } from '../components/focus-screen';
import { sessionActions } from './session';

/**
 * A profile switch waiting for the manager's yes (the dialog in the frame): it moves every window of the desk to
 * another store and signs everyone out, so neither Settings nor the palette does it on one key.
 */
export interface ProfileSwitchState {
  asked: Profile | null;
  busy: boolean;
  error: WireError | null;
}

export const useProfileSwitch = create<ProfileSwitchState>()(() => ({ asked: null, busy: false, error: null }));
const set = useProfileSwitch.setState;

// The control that asked gets the keyboard back on Cancel (the palette's input is gone by then: the screen instead).
let askedFrom: HTMLElement | null = null;

export const profileSwitchActions = {
  ask(profile: Profile): void {
    askedFrom = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    set({ asked: profile, busy: false, error: null });
  },

  cancel(): void {
    set({ asked: null, error: null });
    if (askedFrom?.isConnected) askedFrom.focus();
    else focusScreen();
    askedFrom = null;
  },

  /** Answers the refusal, or null once the desk is on the profile (this window then shows what the switch left). */
  async confirm(): Promise<WireError | null> {
    const profile = useProfileSwitch.getState().asked;
    if (!profile) return null;
    set({ busy: true, error: null });
    const err = await sessionActions.activate(profile.id);
    set(err ? { busy: false, error: err } : { asked: null, busy: false });
    if (!err) askedFrom = null;
    return err;
  },
};
