import type { InputHTMLAttributes } from 'react';

/**
 * A text field for an amount in major units: never type=number (it would accept "1e3" and drop "12,5" silently).
 * The screen parses the text with `parseAmount` from src/shared/money.ts, the one parser, and passes its message back
 * as `problem`, shown beside the field and tied to it for screen readers.
 */
export function AmountInput({
  label,
  value,
  onChange,
  problem,
  showProblem = true,
  ...rest
}: {
  label: string;
  value: string;
  onChange(text: string): void;
  problem?: string | null;
  /** Off where the screen reports the problem elsewhere (a filter's one line). */
  showProblem?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>) {
  const problemId = rest.id ? `${rest.id}-problem` : undefined;
  return (
    <>
      <input
        {...rest}
        type="text"
        inputMode="decimal"
        aria-label={label}
        value={value}
        aria-invalid={!!problem}
        aria-describedby={problem && showProblem && problemId ? problemId : rest['aria-describedby']}
        title={problem ?? undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && showProblem && (
        <p className="field-error" id={problemId}>
          {problem}
        </p>
      )}
    </>
  );
}
