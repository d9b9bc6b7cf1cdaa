import { useState } from 'react';
import type { CaptureSettings } from '../../../../shared/captures';
import { capturesAvailable } from '../../api/captures';
import { SettingsSaveFooter, SettingsSection, useSavedSettings } from '../../components/SettingsSection';
import { cleanReasons, ReasonListEditor, type ReasonDraft } from '../../components/ReasonListEditor';
import { captureSettingsActions, useCaptureSettings } from '../../stores/captures-settings';
import { Field, fieldErrorProps } from '../../components/Field';
import { fieldErrorsFrom } from '../../stores/field-errors';
import { HoldWindowsEditor } from './HoldWindowsEditor';
import { captureSettingsFields, rulesFrom, toDraft, type HoldWindowDraft } from './hold-window-drafts';
import './captures.css';

function SettingsForm({ settings }: { settings: CaptureSettings }) {
  const saving = useCaptureSettings((s) => s.saving);
  const [drafts, setDrafts] = useState<HoldWindowDraft[]>(() => settings.holdWindows.map(toDraft));
  const [reasons, setReasons] = useState<ReasonDraft[]>(settings.voidReasons);
  const [concurrency, setConcurrency] = useState(String(settings.bulkConcurrency));
  useSavedSettings(settings, (saved) => {
    setDrafts(saved.holdWindows.map(toDraft));
    setReasons(saved.voidReasons);
    setConcurrency(String(saved.bulkConcurrency));
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const save = async () => {
    setFieldErrors({});
    setProblem(null);
    const rules = rulesFrom(drafts);
    if (!rules.ok) return setFieldErrors(rules.fields);
    const cleaned = cleanReasons(reasons, 'void reason');
    if (!cleaned.ok) return setProblem(cleaned.message);
    if (!/^\d+$/.test(concurrency.trim()))
      return setFieldErrors({ bulkConcurrency: 'Enter a whole number from 1 to 32.' });
    const err = await captureSettingsActions.save({
      holdWindows: rules.rules,
      voidReasons: cleaned.value,
      bulkConcurrency: Number(concurrency.trim()),
    });
    if (!err) return;
    const placed = fieldErrorsFrom(err, captureSettingsFields(drafts.length));
    setFieldErrors(placed.fields);
    setProblem(placed.general);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <HoldWindowsEditor drafts={drafts} setDrafts={setDrafts} errors={fieldErrors} />
      <ReasonListEditor
        title="Void reasons"
        hint="Kept in the audit log with each void (Praxis takes no reason). The first nine are picked with keys 1–9 in the void dialog, in this order. A reason that needs a note is not sent without one."
        reasons={reasons}
        setReasons={setReasons}
      />
      <Field
        id="cs-bulk-concurrency"
        label="Bulk concurrency"
        hint="Holds sent to Praxis at once in a bulk capture or void (1–32)."
        error={fieldErrors.bulkConcurrency}
      >
        <input
          id="cs-bulk-concurrency"
          type="text"
          inputMode="numeric"
          value={concurrency}
          {...fieldErrorProps('cs-bulk-concurrency', fieldErrors.bulkConcurrency)}
          onChange={(e) => setConcurrency(e.target.value)}
        />
      </Field>
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
      {(loaded) => <SettingsForm settings={loaded} />}
    </SettingsSection>
  );
}
