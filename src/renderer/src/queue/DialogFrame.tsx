import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useModalFocus } from '../components/use-modal-focus';
import { useShortcuts } from '../keyboard/use-shortcuts';

/**
 * A modal for one queue decision: Esc or a click outside cancels (unless a send is in flight), Ctrl/Cmd+Enter sends;
 * focus stays inside.
 */
export function DialogFrame({
  title,
  label,
  children,
  onCancel,
  busy,
  wide,
}: {
  title: ReactNode;
  label: string;
  children: ReactNode;
  onCancel: () => void;
  busy?: boolean;
  wide?: boolean;
}) {
  const cancel = () => {
    if (!busy) onCancel();
  };
  useShortcuts({ escape: cancel }, true, 'dialog');
  const ref = useRef<HTMLDivElement>(null);
  const trapFocus = useModalFocus(ref);
  // Ctrl/Cmd+Enter sends from anywhere in the dialog, a note's text area too (where Enter is a new line): it presses
  // the dialog's send button, so a button disabled (a reason or a note missing) sends nothing.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      ref.current?.querySelector<HTMLButtonElement>('button[type="submit"]:not(:disabled)')?.click();
      return;
    }
    trapFocus(e);
  };
  return (
    <div className="overlay" onMouseDown={cancel}>
      <div
        className={wide ? 'dialog queue-dialog wide' : 'dialog queue-dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        ref={ref}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
