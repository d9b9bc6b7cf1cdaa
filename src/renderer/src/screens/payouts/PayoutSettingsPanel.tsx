import { useState } from 'react';
import { minorToDecimalString, parseAmount } from '../../../../shared/money';
import { AmountInput } from '../../queue/AmountInput';
import type { PayoutSettings, RejectReason } from '../../../../shared/payouts';
import { payoutsAvailable } from '../../api/payouts';
import { payoutSettingsActions, usePayoutSettings } from '../../stores/payouts-settings';
import './payouts.css';
import { SettingsSaveFooter, SettingsSection, useSavedSettings } from '../../components/SettingsSection';
import { cleanReasons, ReasonListEditor } from '../../components/ReasonListEditor';
import { Field, fieldErrorProps } from '../../components/Field';
import { fieldErrorsFrom } from '../../stores/field-errors';

interface ThresholdDraft {
  currency: string;
  amountText: string;
}

const toDrafts = (t: Record<string, number>): ThresholdDraft[] =>
  Object.entries(t).map(([currency, minor]) => ({ currency, amountText: minorToDecimalString(minor, currency) }));

/** Turns the drafts into the saved shape, or says which line is wrong. */
function thresholdsFrom(
  drafts: ThresholdDraft[],
): { ok: true; value: Record<string, number> } | { ok: false; message: string } {
  const value: Record<string, number> = {};
  for (const d of drafts) {
    const currency = d.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      return { ok: false, message: `"${d.currency}" is not a currency code; use three letters such as EUR.` };
    let parsed;
    try {
      parsed = parseAmount(d.amountText, currency);
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
    if (!parsed.ok) return { ok: false, message: `${currency} threshold: ${parsed.message}` };
    if (currency in value)
      return { ok: false, message: `${currency} is listed twice; keep one threshold per currency.` };
    value[currency] = parsed.amountMinor;
  }
  return { ok: true, value };
}

const NUMBER_FIELDS: { key: keyof PayoutSettings; label: string; hint: string }[] = [
  { key: 'slaWarnMinutes', label: 'SLA warning after (minutes)', hint: 'Age turns amber.' },
  { key: 'slaLateMinutes', label: 'SLA late after (minutes)', hint: 'Age turns red; must be after the warning.' },
  {
    key: 'withdrawalRatioPercent',
    label: 'Withdrawal-to-deposit ratio flag (%)',
    hint: '150 flags withdrawals above 1.5× deposits.',
  },
  { key: 'velocityCount', label: 'Velocity: requests', hint: 'This many requests…' },
  { key: 'velocityWindowHours', label: 'Velocity: within hours', hint: '…within this window is flagged.' },
  {
    key: 'bulkConcurrency',
    label: 'Bulk concurrency',
    hint: 'Requests sent to Praxis at once in a bulk action (1–32).',
  },
];
const NUMBER_KEYS = NUMBER_FIELDS.map((f) => f.key);

const toNumberDrafts = (settings: PayoutSettings) =>
  Object.fromEntries(NUMBER_FIELDS.map((f) => [f.key, String(settings[f.key])])) as Record<string, string>;

function SettingsForm({ settings }: { settings: PayoutSettings }) {
  const saving = usePayoutSettings((s) => s.saving);
  const [numbers, setNumbers] = useState(() => toNumberDrafts(settings));
  const [thresholds, setThresholds] = useState<ThresholdDraft[]>(() => toDrafts(settings.fourEyesThresholds));
  const [reasons, setReasons] = useState<RejectReason[]>(settings.rejectReasons);
  useSavedSettings(settings, (saved) => {
    setNumbers(toNumberDrafts(saved));
    setThresholds(toDrafts(saved.fourEyesThresholds));
    setReasons(saved.rejectReasons);
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const save = async () => {
    setProblem(null);
    setFieldErrors({});
    const nums: Record<string, number> = {};
    const notWhole: Record<string, string> = {};
    for (const f of NUMBER_FIELDS) {
      const text = numbers[f.key]?.trim() ?? '';
      if (/^\d+$/.test(text)) nums[f.key] = Number(text);
      else notWhole[f.key] = 'Enter a whole number.';
    }
    if (Object.keys(notWhole).length) return setFieldErrors(notWhole);
    const t = thresholdsFrom(thresholds);
    if (!t.ok) return setProblem(t.message);
    const cleaned = cleanReasons(reasons, 'reject reason');
    if (!cleaned.ok) return setProblem(cleaned.message);
    const err = await payoutSettingsActions.save({
      ...settings,
      ...nums,
      fourEyesThresholds: t.value,
      rejectReasons: cleaned.value,
    });
    if (!err) return;
    const placed = fieldErrorsFrom(err, NUMBER_KEYS);
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
      <div className="form-grid">
        {NUMBER_FIELDS.map((f) => (
          <Field key={f.key} id={`ps-${f.key}`} label={f.label} hint={f.hint} error={fieldErrors[f.key]}>
            <input
              id={`ps-${f.key}`}
              type="text"
              inputMode="numeric"
              value={numbers[f.key]}
              {...fieldErrorProps(`ps-${f.key}`, fieldErrors[f.key])}
              onChange={(e) => setNumbers((n) => ({ ...n, [f.key]: e.target.value }))}
            />
          </Field>
        ))}
      </div>
      <h3>Four-eyes thresholds</h3>
      <p className="field-hint">
        An approval strictly above the amount needs a second operator with their PIN. A currency not listed needs one
        for every amount, until a threshold is set for it. Raising a threshold, or setting one for a currency not
        listed, lets more through with one person: a second manager confirms it with their PIN.
      </p>
      {thresholds.map((t, i) => (
        <div className="inline threshold-row" key={i}>
          <input
            aria-label={`Threshold ${i + 1} currency`}
            value={t.currency}
            maxLength={3}
            style={{ maxWidth: 70 }}
            onChange={(e) =>
              setThresholds((ts) => ts.map((x, j) => (j === i ? { ...x, currency: e.target.value } : x)))
            }
          />
          <AmountInput
            label={`Threshold ${i + 1} amount`}
            value={t.amountText}
            onChange={(amountText) => setThresholds((ts) => ts.map((x, j) => (j === i ? { ...x, amountText } : x)))}
          />
          <button
            type="button"
            aria-label={`Remove threshold ${i + 1}`}
            onClick={() => setThresholds((ts) => ts.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setThresholds((ts) => [...ts, { currency: '', amountText: '' }])}>
        Add currency
      </button>
      <ReasonListEditor
        title="Reject reasons"
        hint="The first nine are picked with keys 1–9 in the reject dialog, in this order. A reason that needs a note is not sent without one."
        reasons={reasons}
        setReasons={setReasons}
      />
      <SettingsSaveFooter problem={problem} saving={saving} label="Save payout settings" />
    </form>
  );
}

/** Settings › Payouts: SLA and risk thresholds, four-eyes amounts and reject reasons. */
export function PayoutSettingsPanel() {
  const settings = usePayoutSettings((s) => s.settings);
  const error = usePayoutSettings((s) => s.settingsError);
  const notice = usePayoutSettings((s) => s.notice);
  const available = payoutsAvailable();
  if (!available) return null;
  return (
    <div className="payout-settings">
      <SettingsSection
        label="Payout settings"
        title="Payouts"
        available={available}
        load={payoutSettingsActions.load}
        settings={settings}
        error={error}
        notice={notice}
      >
        {(loaded) => <SettingsForm settings={loaded} />}
      </SettingsSection>
    </div>
  );
}
