import type { ReactNode } from 'react';
import { useShortcuts } from '../../keyboard/use-shortcuts';

/** A modal for one payout decision: Esc or a click outside cancels (unless a send is in flight). */
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
  useShortcuts({ escape: cancel });
  return (
    <div className="overlay" onMouseDown={cancel}>
      <div
        className={wide ? 'dialog payout-dialog wide' : 'dialog payout-dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
