import { create } from 'zustand';
import type { AccessState } from '../../../shared/access';
import type { Result, WireError } from '../../../shared/errors';
import { desk } from '../api/desk';
import { onSignInNeeded } from '../api/sign-in-watch';
import { mayOpen } from '../access/screen-roles';
import { navigationActions } from './navigation';

// ---- state ----
export interface AccessStoreState {
  access: AccessState | null;
  error: WireError | null;
}

export const useAccess = create<AccessStoreState>()(() => ({ access: null, error: null }));
const set = useAccess.setState;

/** Whether `access` is signed in as `name` (names compare as the core compares them: trimmed, any case). */
export function isSignedInAs(access: AccessState | null, name: string): boolean {
  return access?.mode === 'signed-in' && access.operator.trim().toLowerCase() === name.trim().toLowerCase();
}

const apply = (res: Result<AccessState>) => set(res.ok ? { access: res.data, error: null } : { error: res.error });

// At most one "still here" a this often: enough for an idle clock counted in minutes.
const TOUCH_EVERY_MS = 20_000;
let lastTouch = 0;

// ---- actions ----
// The first status answer, asked for at page start: the app's mount waits for it instead of asking again.
let atStart: Promise<void> | null = null;

export const accessActions = {
  async load(): Promise<void> {
    apply(await desk().session.status({}));
  },

  /** The sign-in state as page start asked for it (`asked`), or asked now if nobody has yet. */
  loadAtStart(asked?: Promise<Result<AccessState>>): Promise<void> {
    atStart ??= asked ? asked.then(apply) : accessActions.load();
    return atStart;
  },

  /** The PIN goes straight to the core and is never kept here. Returns the refusal, or null when signed in. */
  async signIn(operator: string, pin: string): Promise<WireError | null> {
    const res = await desk().session.signIn({ operator, pin });
    if (!res.ok) return res.error;
    lastTouch = Date.now();
    // Whoever signed out may have left a screen this person's role cannot open (a manager's Settings).
    navigationActions.stayWithin((screen) => mayOpen(screen, res.data));
    set({ access: res.data, error: null });
    return null;
  },

  async lock(): Promise<void> {
    const res = await desk().session.lock({});
    if (res.ok) set({ access: res.data });
    else await accessActions.load();
  },

  async signOut(): Promise<void> {
    const res = await desk().session.signOut({});
    if (res.ok) set({ access: res.data });
    await accessActions.load();
  },

  /** The person is active: tells the core, at most every TOUCH_EVERY_MS. */
  touch(): void {
    const now = Date.now();
    if (now - lastTouch < TOUCH_EVERY_MS) return;
    lastTouch = now;
    void desk()
      .session.touch({})
      .then((res) => res.ok && set({ access: res.data }));
  },

  /**
   * Any call refused with SIGN_IN, or the core saying who may be signed in changed (another profile, an operator
   * removed), reloads the state, so the lock or sign-in shows at once; returns the unsubscribe.
   */
  follow(): () => void {
    const stopRefusals = onSignInNeeded(() => void accessActions.load());
    const stopChanges = desk().events.on('event:access-changed', () => void accessActions.load());
    return () => {
      stopRefusals();
      stopChanges();
    };
  },
};

/** The signed-in person's name, or the sandbox operator's; null while locked or signed out. */
export const selectActingOperator = (s: AccessStoreState): string | null =>
  s.access && (s.access.mode === 'signed-in' || s.access.mode === 'sandbox') ? s.access.operator : null;
