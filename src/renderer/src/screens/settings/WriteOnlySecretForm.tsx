import { useRef, useState, type FocusEvent, type FormEvent, type ReactNode } from 'react';
import { BusyButton } from '../../components/BusyButton';
import { FieldError, fieldErrorProps } from '../../components/Field';

/**
 * A secret that goes from a password field to the core and is never held in page state or shown again: the merchant
 * secret and the team store's database password. The field is emptied as soon as it is sent. What is wrong with what
 * was sent is said at the field, until the field is typed in or the operator moves on to another control.
 */
export function WriteOnlySecretForm({
  name,
  fieldId,
  label,
  hint,
  placeholder,
  emptyProblem,
  saveLabel,
  clearLabel,
  stored,
  busy,
  className = 'secret-form',
  onSave,
  onClear,
}: {
  /** The form's accessible name. */
  name: string;
  fieldId: string;
  label: string;
  hint: ReactNode;
  placeholder: string;
  /** Said at the field when Save is pressed on an empty one: what to do. */
  emptyProblem: string;
  saveLabel: string;
  clearLabel: string;
  /** A secret is stored: offer to clear it. */
  stored: boolean;
  busy: boolean;
  className?: string;
  /** Sends the secret; answers what is wrong with it, for the field, or null. */
  onSave(secret: string): Promise<string | null>;
  onClear(): void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!field.current) return;
    const secret = field.current.value;
    if (secret === '') {
      setProblem(emptyProblem);
      field.current.focus();
      return;
    }
    field.current.value = '';
    setProblem(await onSave(secret));
  };
  const movedOn = (e: FocusEvent<HTMLFormElement>) => {
    if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) setProblem(null);
  };
  return (
    <form className={className} onSubmit={(e) => void submit(e)} onBlur={movedOn} aria-label={name}>
      <label htmlFor={fieldId}>{label}</label>
      {hint}
      <input
        id={fieldId}
        ref={field}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder={placeholder}
        onInput={() => setProblem(null)}
        {...fieldErrorProps(fieldId, problem)}
      />
      <FieldError id={fieldId} error={problem} />
      <div className="form-actions">
        <BusyButton type="submit" className="primary" busy={busy}>
          {saveLabel}
        </BusyButton>
        {stored && (
          <BusyButton busy={busy} onPress={onClear}>
            {clearLabel}
          </BusyButton>
        )}
      </div>
    </form>
  );
}
