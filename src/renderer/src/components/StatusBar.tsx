import { ROLE_LABELS } from '../../../shared/access';
import { accessActions, useAccess } from '../stores/access';
import { ENVIRONMENT_LABELS, profileBaseUrl, selectActiveProfile, useSession } from '../stores/session';

const CONNECTION_LABELS = { unknown: 'not tested', ok: 'OK', failing: 'failing' } as const;
const LINK_LABELS = {
  ipc: 'app',
  connecting: 'connecting…',
  open: 'connected',
  closed: 'lost — retrying on next action',
} as const;
const KEYCHAIN_UNAVAILABLE = 'Keychain unavailable: secrets kept for this run only';
const SANDBOX_NOTE = 'every role, no sign-in until a manager is added';

/**
 * One row at any window width: the version goes first when the row is full, then the items marked gives-way (the
 * sandbox operator's note, then the profile's name, then an operator's name and the keychain warning) cut their
 * words with an ellipsis, their full text on hover and still in the page. Below 1200 pixels the keys marked spare
 * (Profile, Environment, Operator: their values say what they are) leave the row first, still each group's name.
 */
export function StatusBar() {
  const profile = useSession(selectActiveProfile);
  const info = useSession((s) => s.info);
  const connection = useSession((s) => s.connection);
  const connectionMessage = useSession((s) => s.connectionMessage);
  const link = useSession((s) => s.hostLink);

  const env = profile ? ENVIRONMENT_LABELS[profile.environment] : '—';
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="status-item gives-way soon" role="group" aria-label="Profile" title={profile?.name}>
        <span className="status-key spare">Profile</span> <span className="status-fit">{profile?.name ?? 'none'}</span>
      </span>
      <span
        className={`status-item env env-${profile?.environment ?? 'none'}`}
        role="group"
        aria-label="Environment"
        title={profile ? profileBaseUrl(profile, info?.simulatorUrl ?? null) : undefined}
      >
        <span className="status-key spare">Environment</span> {env}
      </span>
      <span
        className={`status-item conn conn-${connection}`}
        role="group"
        aria-label="Praxis connection"
        title={connectionMessage || undefined}
      >
        <span className="status-key">Praxis</span> {CONNECTION_LABELS[connection]}
      </span>
      <OperatorStatus />
      {info?.host === 'browser-host' && (
        <span className={`status-item link link-${link}`} role="group" aria-label="Browser host link">
          <span className="status-key">Browser host</span> {LINK_LABELS[link]}
        </span>
      )}
      {info && !info.keychainAvailable && (
        <span
          className="status-item warn gives-way"
          title={[KEYCHAIN_UNAVAILABLE, info.keychainMessage].filter(Boolean).join(' — ')}
        >
          <span className="status-fit">{KEYCHAIN_UNAVAILABLE}</span>
        </span>
      )}
      {/* The rest of the row; the version shows at its right end while it fits whole, else it is hover text only. */}
      <span className="status-end" title={`Praxis Desk v${info?.version ?? '…'}`}>
        <span className="status-item muted">v{info?.version ?? '…'}</span>
      </span>
    </footer>
  );
}

/** Who is acting at this window, and the way to step away (lock) or hand over (sign out). */
function OperatorStatus() {
  const access = useAccess((s) => s.access);
  if (!access) return null;
  if (access.mode === 'sandbox') {
    return (
      <span
        className="status-item warn gives-way first"
        role="group"
        aria-label="Operator"
        title={`${access.operator} — ${SANDBOX_NOTE}. Until then nobody signs in and everyone acts as the sandbox operator with every role: add a manager in Settings › Operators to turn sign-in on.`}
      >
        <span className="status-key">Operator</span> <span>{access.operator}</span>{' '}
        <span className="status-fit">— {SANDBOX_NOTE}</span>
      </span>
    );
  }
  if (access.mode !== 'signed-in') return null;
  return (
    <span
      className="status-item gives-way"
      role="group"
      aria-label="Operator"
      title={`${access.operator} (${ROLE_LABELS[access.role]})`}
    >
      {/* Name and role give way together (their whole on hover), so Lock and Sign out and a keychain warning fit at 1024. */}
      <span className="status-key spare">Operator</span>{' '}
      <span className="status-fit">
        {access.operator} ({ROLE_LABELS[access.role]})
      </span>
      <button type="button" className="status-button" onClick={() => void accessActions.lock()}>
        Lock
      </button>
      <button type="button" className="status-button" onClick={() => void accessActions.signOut()}>
        Sign out
      </button>
    </span>
  );
}
