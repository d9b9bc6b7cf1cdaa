import { create } from 'zustand';
import type { AppInfo, ClockOff, ConnectionState, Environment, Profile, ProfilesState } from '../../../shared/domain';
import { PRAXIS_HOSTS } from '../../../shared/domain';
import type { WireError } from '../../../shared/errors';
import { desk, hostLink, onHostLink, type HostLink } from '../api/desk';

// ---- state ----
export interface SessionState {
  info: AppInfo | null;
  profiles: Profile[];
  activeProfileId: string | null;
  /** Whether Praxis (or the simulator) answered the last call for the active profile. */
  connection: ConnectionState;
  connectionMessage: string;
  /** Praxis refused this computer's time on the active profile's host; null once it answers normally. */
  clockOff: ClockOff | null;
  /** The page's link to its host: Electron IPC, or the browser host's socket. */
  hostLink: HostLink;
  loading: boolean;
  error: WireError | null;
}

const initialSession: SessionState = {
  info: null,
  profiles: [],
  activeProfileId: null,
  connection: 'unknown',
  connectionMessage: '',
  clockOff: null,
  hostLink: 'connecting',
  loading: false,
  error: null,
};

export const useSession = create<SessionState>()(() => initialSession);

// ---- actions ----
export const sessionActions = {
  applyProfiles(state: ProfilesState) {
    useSession.setState({ profiles: state.profiles, activeProfileId: state.activeProfileId });
  },

  async load() {
    useSession.setState({ loading: true, error: null, hostLink: hostLink() });
    try {
      const [info, profiles] = await Promise.all([desk().app.info({}), desk().profiles.list({})]);
      if (!info.ok) return useSession.setState({ error: info.error });
      if (!profiles.ok) return useSession.setState({ error: profiles.error });
      useSession.setState({ info: info.data, connection: info.data.connection, clockOff: info.data.clockOff });
      sessionActions.applyProfiles(profiles.data);
    } finally {
      useSession.setState({ loading: false });
    }
  },

  async activate(id: string): Promise<WireError | null> {
    const res = await desk().profiles.activate({ id });
    if (!res.ok) return res.error;
    sessionActions.applyProfiles(res.data);
    // The connection state belonged to the previous profile.
    useSession.setState({ connection: 'unknown', connectionMessage: '', clockOff: null });
    const info = await desk().app.info({});
    if (info.ok)
      useSession.setState({ info: info.data, connection: info.data.connection, clockOff: info.data.clockOff });
    return null;
  },

  setConnection(connection: ConnectionState, message: string) {
    useSession.setState({ connection, connectionMessage: message });
  },

  /** Keeps the session in step with pushes from the core; returns the unsubscribe. */
  follow(): () => void {
    const offs = [
      desk().events.on('event:profiles-changed', (p) => sessionActions.applyProfiles(p)),
      desk().events.on('event:connection-changed', (c) => sessionActions.setConnection(c.state, c.message)),
      desk().events.on('event:clock-changed', ({ clockOff }) => useSession.setState({ clockOff })),
      onHostLink((s) => useSession.setState({ hostLink: s })),
    ];
    return () => offs.forEach((off) => off());
  },
};

// ---- selectors ----
export const selectActiveProfile = (s: SessionState): Profile | null =>
  s.profiles.find((p) => p.id === s.activeProfileId) ?? null;

export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  'embedded-sandbox': 'Embedded sandbox',
  'praxis-sandbox': 'Praxis sandbox',
  'praxis-live': 'LIVE',
  custom: 'Custom',
};

/** Where a profile's calls go, for display (the embedded sandbox's address is known only at run time). */
export function profileBaseUrl(p: Profile, simulatorUrl: string | null): string {
  if (p.environment === 'custom') return p.customBaseUrl ?? '';
  if (p.environment === 'embedded-sandbox') return simulatorUrl ?? 'embedded simulator';
  return PRAXIS_HOSTS[p.environment];
}

export const isLive = (p: Profile | null): boolean => p?.environment === 'praxis-live';
