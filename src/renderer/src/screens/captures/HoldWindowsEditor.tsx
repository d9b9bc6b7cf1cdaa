import type { Dispatch, SetStateAction } from 'react';
import { emptyDraft, type HoldWindowDraft } from './hold-window-drafts';

const FIELDS: { key: keyof HoldWindowDraft; header: string; placeholder: string; narrow?: boolean }[] = [
  { key: 'cardType', header: 'Card brand', placeholder: 'any brand' },
  { key: 'paymentMethod', header: 'Payment method', placeholder: 'any method' },
  { key: 'days', header: 'Days', placeholder: '0', narrow: true },
  { key: 'hours', header: 'Hours', placeholder: '0', narrow: true },
  { key: 'minutes', header: 'Minutes', placeholder: '0', narrow: true },
  { key: 'label', header: 'Label (shown in the queue)', placeholder: 'e.g. Visa (4 d 18 h)' },
];

/** Settings › Captures › Hold windows: one row per card brand or payment method, plus the default row. */
export function HoldWindowsEditor({
  drafts,
  setDrafts,
  rowErrors,
  tableError,
}: {
  drafts: HoldWindowDraft[];
  setDrafts: Dispatch<SetStateAction<HoldWindowDraft[]>>;
  rowErrors: Record<number, string>;
  tableError: string | null;
}) {
  const update = (i: number, patch: Partial<HoldWindowDraft>) =>
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <>
      <h3 id="hold-windows-title">Hold windows</h3>
      <p className="field-hint">
        How long a hold lasts before it lapses, per card brand or payment method. A brand row wins over a method row;
        the row with neither is the default for everything else. Defaults are the shortest plausible window per brand
        (Visa 4 d 18 h); set what your Praxis gateways really allow.
      </p>
      {tableError && (
        <p className="field-error" role="alert">
          {tableError}
        </p>
      )}
      <table className="grid compact hold-windows" aria-labelledby="hold-windows-title">
        <thead>
          <tr>
            {FIELDS.map((f) => (
              <th key={f.key}>{f.header}</th>
            ))}
            <th>
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, i) => (
            <tr key={i} className={rowErrors[i] ? 'row-invalid' : undefined}>
              {FIELDS.map((f) => (
                <td key={f.key}>
                  <input
                    type="text"
                    inputMode={f.narrow ? 'numeric' : undefined}
                    className={f.narrow ? 'narrow' : undefined}
                    aria-label={`Hold window ${i + 1} ${f.header.toLowerCase()}`}
                    aria-invalid={!!rowErrors[i]}
                    aria-describedby={rowErrors[i] ? `hold-window-${i}-error` : undefined}
                    placeholder={f.placeholder}
                    value={d[f.key]}
                    onChange={(e) => update(i, { [f.key]: e.target.value })}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  aria-label={`Remove hold window ${i + 1}`}
                  disabled={drafts.length <= 1}
                  onClick={() => setDrafts((ds) => ds.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.entries(rowErrors).map(([i, message]) => (
        <p key={i} className="field-error" id={`hold-window-${i}-error`} role="alert">
          Hold window {Number(i) + 1}: {message}
        </p>
      ))}
      <button type="button" onClick={() => setDrafts((ds) => [...ds, emptyDraft()])}>
        Add hold window
      </button>
    </>
  );
}
