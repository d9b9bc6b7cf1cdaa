import { useState } from 'react';
import type { CaptureSettings } from '../../../../shared/captures';
import { capturesAvailable } from '../../api/captures';
import { SettingsSaveFooter, SettingsSection } from '../../components/SettingsSection';
import { cleanReasons, ReasonListEditor, type ReasonDraft } from '../../components/ReasonListEditor';
import { captureSettingsActions, useCaptureSettings } from '../../stores/captures-settings';
import { HoldWindowsEditor } from './HoldWindowsEditor';
import { placeSaveErrors, rulesFrom, toDraft, type HoldWindowDraft } from './hold-window-drafts';
import './captures.css';

function SettingsForm({ settings }: { settings: CaptureSettings }) {
  const saving = useCaptureSettings((s) => s.saving);
  const [drafts, setDrafts] = useState<HoldWindowDraft[]>(() => settings.holdWindows.map(toDraft));
  const [reasons, setReasons] = useState<ReasonDraft[]>(settings.voidReasons);
  const [concurrency, setConcurrency] = useState(String(settings.bulkConcurrency));
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [tableError, setTableError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async () => {
    setRowErrors({});
    setTableError(null);
    setProblem(null);
    const rules = rulesFrom(drafts);
    if (!rules.ok) return setRowErrors(rules.rowErrors);
    const cleaned = cleanReasons(reasons, 'void reason');
    if (!cleaned.ok) return setProblem(cleaned.message);
    if (!/^\d+$/.test(concurrency.trim())) return setProblem('Bulk concurrency: enter a whole number from 1 to 32.');
    const err = await captureSettingsActions.save({
      holdWindows: rules.rules,
      voidReasons: cleaned.value,
      bulkConcurrency: Number(concurrency.trim()),
    });
    if (!err) return;
    if (err.code !== 'VALIDATION') return setProblem(err.message);
    const placed = placeSaveErrors(err.message);
    setRowErrors(placed.rowErrors);
    setTableError(placed.table);
    setProblem(placed.general);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <HoldWindowsEditor drafts={drafts} setDrafts={setDrafts} rowErrors={rowErrors} tableError={tableError} />
      <ReasonListEditor
        title="Void reasons"
        hint="Kept in the audit log with each void (Praxis takes no reason). The first nine are picked with keys 1–9 in the void dialog, in this order."
        reasons={reasons}
        setReasons={setReasons}
      />
      <div className="field">
        <label htmlFor="cs-bulk-concurrency">Bulk concurrency</label>
        <input
          id="cs-bulk-concurrency"
          type="text"
          inputMode="numeric"
          value={concurrency}
          onChange={(e) => setConcurrency(e.target.value)}
        />
        <p className="field-hint">Holds sent to Praxis at once in a bulk capture or void (1–32).</p>
      </div>
      <SettingsSaveFooter problem={problem} saving={saving} label="Save capture settings" />
    </form>
  );
}

/** Settings › Captures: hold windows per brand and method, void reasons, bulk concurrency. */
export function CaptureSettingsPanel() {
  const settings = useCaptureSettings((s) => s.settings);
  const error = useCaptureSettings((s) => s.settingsError);
  const notice = useCaptureSettings((s) => s.notice);
  return (
    <SettingsSection
      label="Capture settings"
      title="Captures"
      className="capture-settings"
      available={capturesAvailable()}
      load={captureSettingsActions.load}
      settings={settings}
      error={error}
      notice={notice}
    >
      {(loaded) => <SettingsForm key={JSON.stringify(loaded)} settings={loaded} />}
    </SettingsSection>
  );
}
