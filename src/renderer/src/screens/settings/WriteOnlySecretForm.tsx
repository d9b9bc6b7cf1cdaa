import { useRef, type FormEvent, type ReactNode } from 'react';
import { BusyButton } from '../../components/BusyButton';

/**
 * A secret that goes from a password field to the core and is never held in page state or shown again: the merchant
 * secret and the team store's database password. The field is emptied as soon as it is sent.
 */
export function WriteOnlySecretForm({
  name,
  fieldId,
  label,
  hint,
  placeholder,
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
  saveLabel: string;
  clearLabel: string;
  /** A secret is stored: offer to clear it. */
  stored: boolean;
  busy: boolean;
  className?: string;
  onSave(secret: string): void;
  onClear(): void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!field.current) return;
    const secret = field.current.value;
    field.current.value = '';
    onSave(secret);
  };
  return (
    <form className={className} onSubmit={submit} aria-label={name}>
      <label htmlFor={fieldId}>{label}</label>
      {hint}
      <input
        id={fieldId}
        ref={field}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder={placeholder}
      />
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
