import type { Dispatch, SetStateAction } from 'react';
import { reasonNeedsNote, type ReasonOption } from '../../../shared/queue-views';

export type ReasonDraft = ReasonOption;

/**
 * Trims the drafts and drops empty lines; a half-filled line is reported, saying which field it lacks. Whether each
 * needs a note is written out, so a list saved here no longer leans on the `other` rule.
 */
export function cleanReasons(
  drafts: readonly ReasonDraft[],
  what: string,
): { ok: true; value: ReasonDraft[] } | { ok: false; message: string } {
  const value = drafts
    .map((r) => ({ code: r.code.trim(), label: r.label.trim(), needsNote: reasonNeedsNote(r) }))
    .filter((r) => r.code || r.label);
  if (value.find((r) => !r.code || !r.label))
    return { ok: false, message: `Every ${what} needs both a code (kept in the audit log) and a label.` };
  return { ok: true, value };
}

/**
 * A settings list of reasons (reject, void): code, label and whether it needs a note per line, the first nine picked by
 * 1–9 in the dialog.
 */
export function ReasonListEditor({
  title,
  hint,
  reasons,
  setReasons,
}: {
  title: string;
  hint: string;
  reasons: ReasonDraft[];
  setReasons: Dispatch<SetStateAction<ReasonDraft[]>>;
}) {
  return (
    <>
      <h3>{title}</h3>
      <p className="field-hint">{hint}</p>
      {reasons.map((r, i) => (
        <div className="inline" key={i}>
          <input
            aria-label={`Reason ${i + 1} code`}
            value={r.code}
            style={{ maxWidth: 180 }}
            onChange={(e) => setReasons((rs) => rs.map((x, j) => (j === i ? { ...x, code: e.target.value } : x)))}
          />
          <input
            aria-label={`Reason ${i + 1} label`}
            value={r.label}
            onChange={(e) => setReasons((rs) => rs.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
          />
          <label className="inline-check">
            <input
              type="checkbox"
              aria-label={`Reason ${i + 1} needs a note`}
              checked={reasonNeedsNote(r)}
              onChange={(e) =>
                setReasons((rs) => rs.map((x, j) => (j === i ? { ...x, needsNote: e.target.checked } : x)))
              }
            />
            needs a note
          </label>
          <button
            type="button"
            aria-label={`Remove reason ${i + 1}`}
            disabled={reasons.length <= 1}
            onClick={() => setReasons((rs) => rs.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setReasons((rs) => [...rs, { code: '', label: '', needsNote: false }])}>
        Add reason
      </button>
    </>
  );
}
