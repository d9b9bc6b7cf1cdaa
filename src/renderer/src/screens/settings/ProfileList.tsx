import { ENVIRONMENT_LABELS, useSession } from '../../stores/session';
import { settingsActions, useSettings } from '../../stores/settings';

export function ProfileList() {
  const profiles = useSession((s) => s.profiles);
  const activeProfileId = useSession((s) => s.activeProfileId);
  const selectedId = useSettings((s) => s.selectedId);
  return (
    <section className="profile-list" aria-label="Profiles">
      <h2>Profiles</h2>
      <ul>
        {profiles.map((p) => (
          <li key={p.id} className={p.id === selectedId ? 'selected' : undefined}>
            <button
              type="button"
              className="profile-pick"
              aria-pressed={p.id === selectedId}
              onClick={() => settingsActions.select(p.id)}
            >
              <span className="profile-name">{p.name}</span>
              <span className={`badge env-${p.environment}`}>{ENVIRONMENT_LABELS[p.environment]}</span>
              {p.id === activeProfileId && <span className="badge active">active</span>}
            </button>
          </li>
        ))}
      </ul>
      {profiles.length === 0 && <p className="muted">No profiles yet.</p>}
    </section>
  );
}
