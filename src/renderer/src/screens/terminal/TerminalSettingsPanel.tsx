import { useCallback, useState } from 'react';
import type { WireError } from '../../../../shared/errors';
import type { TerminalSettings } from '../../../../shared/ipc/terminal-contract';
import { callTerminal } from '../../api/terminal';
import { channelAvailable } from '../../api/call-channel';
import { Field } from '../../components/Field';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { SavedNotice, SettingsSection } from '../../components/SettingsSection';
import { limitsFromText, limitsToText } from './limits-text';

function TerminalSettingsForm({
  settings,
  onSaved,
}: {
  settings: TerminalSettings;
  onSaved(s: TerminalSettings): void;
}) {
  const [checks, setChecks] = useState(settings.callerCheck.join('\n'));
  const [max, setMax] = useState(limitsToText(settings.depositMaxMinor));
  const [min, setMin] = useState(limitsToText(settings.depositMinMinor));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const maxes = limitsFromText(max);
    const mins = limitsFromText(min);
    if (!maxes.ok || !mins.ok)
      return setProblem(
        !maxes.ok ? `Largest deposit: ${maxes.message}` : !mins.ok ? `Smallest deposit: ${mins.message}` : null,
      );
    setSaving(true);
    try {
      const r = await callTerminal('terminal-settings:save', {
        callerCheck: checks
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        depositMaxMinor: maxes.limits,
        depositMinMinor: mins.limits,
      });
      if (r.ok) {
        setProblem(null);
        onSaved(r.data);
      } else setProblem(r.error.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Field id="vt-set-checks" label="Caller check (one line per check)">
        <textarea id="vt-set-checks" rows={4} value={checks} onChange={(e) => setChecks(e.target.value)} />
      </Field>
      <div className="form-grid">
        <Field
          id="vt-set-max"
          label="Largest deposit per currency"
          hint='One per line, e.g. "EUR 500.00"; none = no limit'
        >
          <textarea id="vt-set-max" rows={3} value={max} onChange={(e) => setMax(e.target.value)} />
        </Field>
        <Field id="vt-set-min" label="Smallest deposit per currency" hint='One per line, e.g. "JPY 500"'>
          <textarea id="vt-set-min" rows={3} value={min} onChange={(e) => setMin(e.target.value)} />
        </Field>
      </div>
      <FormError message={problem} />
      <div className="form-actions">
        <BusyButton className="primary" busy={saving} onPress={() => void save()}>
          Save terminal settings
        </BusyButton>
        <SavedNotice />
        <span className="muted">
          The limits are what the desk&apos;s validation answers Praxis before a deposit is processed.
        </span>
      </div>
    </>
  );
}

/** Settings › Virtual terminal: the caller-check text and the per-currency limits validation applies. */
export function TerminalSettingsPanel() {
  const [settings, setSettings] = useState<TerminalSettings | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await callTerminal('terminal-settings:get', {});
    if (r.ok) setSettings(r.data);
    else setError(r.error);
  }, []);
  return (
    <SettingsSection
      label="Virtual terminal settings"
      title="Virtual terminal"
      available={channelAvailable('terminal-settings:get')}
      load={load}
      settings={settings}
      error={error}
      notice={notice}
    >
      {(s) => (
        <TerminalSettingsForm
          settings={s}
          onSaved={(saved) => {
            setSettings(saved);
            setNotice('Terminal settings saved.');
          }}
        />
      )}
    </SettingsSection>
  );
}
