import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * A modal's focus: it starts inside (on the autoFocus control, else the dialog itself), Tab and Shift+Tab cycle
 * within it, and on close it goes back to the control that had it before, so the keyboard never lands on the body.
 * Returns the keydown handler for the dialog element.
 */
export function useModalFocus(dialog: RefObject<HTMLElement | null>): (e: KeyboardEvent<HTMLElement>) => void {
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.contains(document.activeElement)) el.focus();
    const before = opener.current;
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [dialog]);
  // Read during the first render, before autoFocus runs in the commit.
  if (opener.current === null) opener.current = document.activeElement;

  return (e) => {
    if (e.key !== 'Tab') return;
    const el = dialog.current;
    if (!el) return;
    const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (i) => i.offsetParent !== null || i === document.activeElement,
    );
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === el)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    } else if (!el.contains(active)) {
      e.preventDefault();
      first.focus();
    }
  };
}
