import type { ReactNode } from 'react';

/**
 * A button that says it is busy instead of turning off while its work runs: a disabled button drops the keyboard's
 * focus on the body. Presses while busy do nothing (for a submit button that also stops Enter typed in a field, which
 * submits through the button's click).
 */
export function BusyButton({
  busy,
  onPress,
  type = 'button',
  className,
  children,
}: {
  busy: boolean;
  /** What a press does; a submit button leaves it to its form. */
  onPress?: () => void;
  type?: 'button' | 'submit';
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type={type}
      className={className}
      aria-disabled={busy || undefined}
      onClick={(e) => {
        if (busy) e.preventDefault();
        else onPress?.();
      }}
    >
      {children}
    </button>
  );
}
