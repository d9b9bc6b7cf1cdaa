import type { ReactNode } from 'react';

/** A labelled input with its validation message right beside it. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && <p className="field-hint">{hint}</p>}
      <FieldError id={id} error={error} />
    </div>
  );
}

/**
 * A field's validation message, where the field's own layout puts it (Field does; a table row puts it under the row):
 * the element `fieldErrorProps(id, error)` points the field at.
 */
export function FieldError({ id, error }: { id: string; error: string | undefined | null }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`} role="alert">
      {error}
    </p>
  );
}

/** What the input inside a Field says of its error: invalid, and described by the message Field (FieldError) shows. */
export const fieldErrorProps = (id: string, error: string | undefined | null) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-error` : undefined,
});
