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

export function StatusBar() {
  const profile = useSession(selectActiveProfile);
  const info = useSession((s) => s.info);
  const connection = useSession((s) => s.connection);
  const connectionMessage = useSession((s) => s.connectionMessage);
  const link = useSession((s) => s.hostLink);

  const env = profile ? ENVIRONMENT_LABELS[profile.environment] : '—';
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="status-item" role="group" aria-label="Profile">
        <span className="status-key">Profile</span> {profile?.name ?? 'none'}
      </span>
      <span
        className={`status-item env env-${profile?.environment ?? 'none'}`}
        role="group"
        aria-label="Environment"
        title={profile ? profileBaseUrl(profile, info?.simulatorUrl ?? null) : undefined}
      >
        <span className="status-key">Environment</span> {env}
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
        <span className="status-item warn" title={info.keychainMessage}>
          Keychain unavailable: secrets kept for this run only
        </span>
      )}
      <span className="status-spacer" />
      <span className="status-item muted">v{info?.version ?? '…'}</span>
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
        className="status-item warn"
        role="group"
        aria-label="Operator"
        title="No manager is registered yet, so nobody signs in and everyone acts as the sandbox operator with every role. Add a manager in Settings › Operators to turn sign-in on."
      >
        <span className="status-key">Operator</span> {access.operator} — every role, no sign-in until a manager is added
      </span>
    );
  }
  if (access.mode !== 'signed-in') return null;
  return (
    <span className="status-item" role="group" aria-label="Operator">
      <span className="status-key">Operator</span> {access.operator} ({ROLE_LABELS[access.role]})
      <button type="button" className="status-button" onClick={() => void accessActions.lock()}>
        Lock
      </button>
      <button type="button" className="status-button" onClick={() => void accessActions.signOut()}>
        Sign out
      </button>
    </span>
  );
}
