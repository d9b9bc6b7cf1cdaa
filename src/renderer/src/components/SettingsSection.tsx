import { useEffect, type ReactNode } from 'react';
import type { WireError } from '../../../shared/errors';
import { FormError } from './FormError';

/** One queue's settings panel: loads when shown, says it is loading or why it could not, then shows the form. */
export function SettingsSection<S>({
  label,
  title,
  className,
  available,
  load,
  settings,
  error,
  notice,
  children,
}: {
  /** The panel's accessible name ("Payout settings"). */
  label: string;
  title: string;
  className?: string;
  /** The build has this queue's engine. */
  available: boolean;
  load(): Promise<void>;
  settings: S | null;
  error: WireError | null;
  notice: string | null;
  /** The form for the loaded settings (keyed by them, so a save starts it afresh). */
  children(settings: S): ReactNode;
}) {
  useEffect(() => {
    if (available) void load();
  }, [available, load]);
  if (!available) return null;
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-label={label}>
      <div className="panel-head">
        <h2>{title}</h2>
        {notice && (
          <span className="form-notice" role="status">
            {notice}
          </span>
        )}
      </div>
      {settings ? (
        children(settings)
      ) : error ? (
        <p className="form-error">{error.message}</p>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}

/** A settings form's last lines: what was wrong, and the save button (busy while saving). */
export function SettingsSaveFooter({
  problem,
  saving,
  label,
}: {
  problem: string | null;
  saving: boolean;
  label: string;
}) {
  return (
    <>
      <FormError message={problem} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : label}
        </button>
      </div>
    </>
  );
}
