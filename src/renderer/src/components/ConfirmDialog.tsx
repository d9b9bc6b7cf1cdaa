import { useRef, type ReactNode } from 'react';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { useModalFocus } from './use-modal-focus';

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** The confirmed action is under way: its button waits (one click, one action). */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  useShortcuts({ escape: onCancel }, true, 'dialog');
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = useModalFocus(ref);
  return (
    <div className="overlay" onMouseDown={onCancel}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        ref={ref}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2 id="confirm-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
