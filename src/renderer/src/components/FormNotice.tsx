/** A panel's last good news ("saved", "added"), announced to screen readers; nothing without one. */
export function FormNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <span className="form-notice" role="status">
      {message}
    </span>
  );
}
