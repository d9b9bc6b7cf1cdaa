import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { WireError } from '../../../shared/errors';
import { FormError } from './FormError';
import { FormNotice } from './FormNotice';
import { BusyButton } from './BusyButton';

// The panel's last good news, shown beside the button that saved: the panel's head is out of view after a long form.
const SectionNotice = createContext<string | null>(null);

/** The section's "saved" notice, for a form's actions row. */
export function SavedNotice() {
  return <FormNotice message={useContext(SectionNotice)} />;
}

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
  /** The form for the loaded settings; it takes a save's settings in with useSavedSettings, not by being remounted. */
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
      </div>
      <SectionNotice.Provider value={notice}>
        {settings ? (
          children(settings)
        ) : error ? (
          <p className="form-error">{error.message}</p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </SectionNotice.Provider>
    </section>
  );
}

/**
 * Puts the settings a save (or a reload) brings into the form's drafts when they differ, as data, from the ones it
 * shows: the form stays mounted, so the focus stays where it was (on Save) instead of falling on the body.
 */
export function useSavedSettings<S>(settings: S, reset: (saved: S) => void): void {
  const json = JSON.stringify(settings);
  const [shown, setShown] = useState(json);
  if (shown !== json) {
    setShown(json);
    reset(settings);
  }
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
        <BusyButton type="submit" className="primary" busy={saving}>
          {saving ? 'Saving…' : label}
        </BusyButton>
        <SavedNotice />
      </div>
    </>
  );
}
