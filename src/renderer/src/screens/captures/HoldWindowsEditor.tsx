import { Fragment, type Dispatch, type SetStateAction } from 'react';
import { FieldError, fieldErrorProps } from '../../components/Field';
import { emptyDraft, holdWindowField, type HoldWindowDraft, type HoldWindowPart } from './hold-window-drafts';

/** Each input, and the part of the saved row it makes (days, hours and minutes make one window). */
const FIELDS: {
  key: keyof HoldWindowDraft;
  part: HoldWindowPart;
  header: string;
  placeholder: string;
  narrow?: boolean;
}[] = [
  { key: 'cardType', part: 'cardType', header: 'Card brand', placeholder: 'any brand' },
  { key: 'paymentMethod', part: 'paymentMethod', header: 'Payment method', placeholder: 'any method' },
  { key: 'days', part: 'minutes', header: 'Days', placeholder: '0', narrow: true },
  { key: 'hours', part: 'minutes', header: 'Hours', placeholder: '0', narrow: true },
  { key: 'minutes', part: 'minutes', header: 'Minutes', placeholder: '0', narrow: true },
  { key: 'label', part: 'label', header: 'Label (shown in the queue)', placeholder: 'e.g. Visa (4 d 18 h)' },
];
const PARTS = [...new Set(FIELDS.map((f) => f.part))];

/** The element id of a message about a row (or a part of it); `fieldErrorProps` adds "-error". */
const messageId = (row: number, part: HoldWindowPart | null) =>
  part ? `hold-window-${row}-${part}` : `hold-window-${row}`;
/** Settings › Captures › Hold windows: one row per card brand or payment method, plus the default row. */
export function HoldWindowsEditor({
  drafts,
  setDrafts,
  errors,
}: {
  drafts: HoldWindowDraft[];
  setDrafts: Dispatch<SetStateAction<HoldWindowDraft[]>>;
  /** Messages placed by `fieldErrorsFrom` (keys from `holdWindowField`, and "holdWindows" for the whole table). */
  errors: Record<string, string>;
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
      <FieldError id="hold-windows" error={errors.holdWindows} />
      <table
        className="grid compact hold-windows"
        aria-labelledby="hold-windows-title"
        // A table is not a field (no aria-invalid); it is described by its message.
        aria-describedby={fieldErrorProps('hold-windows', errors.holdWindows)['aria-describedby']}
      >
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
          {drafts.map((d, i) => {
            // A message about a part of the row (its window, label…) or about the row as a whole, under the row.
            const rowError = errors[holdWindowField(i)];
            const messages = [
              ...PARTS.map((p) => [messageId(i, p), errors[holdWindowField(i, p)]] as const),
              [messageId(i, null), rowError] as const,
            ].filter(([, m]) => m);
            const describe = (part: HoldWindowPart) => {
              const own = errors[holdWindowField(i, part)];
              return own ? fieldErrorProps(messageId(i, part), own) : fieldErrorProps(messageId(i, null), rowError);
            };
            return (
              <Fragment key={i}>
                <tr className={messages.length ? 'row-invalid' : undefined}>
                  {FIELDS.map((f) => (
                    <td key={f.key}>
                      <input
                        type="text"
                        inputMode={f.narrow ? 'numeric' : undefined}
                        className={f.narrow ? 'narrow' : undefined}
                        aria-label={`Hold window ${i + 1} ${f.header.toLowerCase()}`}
                        {...describe(f.part)}
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
                {messages.length > 0 && (
                  <tr className="row-messages">
                    <td colSpan={FIELDS.length + 1}>
                      {messages.map(([id, m]) => (
                        <FieldError key={id} id={id} error={m} />
                      ))}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={() => setDrafts((ds) => [...ds, emptyDraft()])}>
        Add hold window
      </button>
    </>
  );
}
