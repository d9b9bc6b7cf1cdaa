import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { focusScreen } from './focus-screen';
import { focusLost } from './focus-lost';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** How long a closed panel's opener, busy (disabled) when it closed, may take to be enabled and get the focus. */
const GIVE_BACK_WITHIN_MS = 10_000;

const visible = (el: HTMLElement) => el.offsetParent !== null || el === document.activeElement;

/** The control Shift+Tab would reach from `el`: the last enabled, visible one before it on the page. */
function controlBefore(el: HTMLElement): HTMLElement | null {
  const before = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (c) => visible(c) && c.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  return before.at(-1) ?? null;
}

/*
 * A control disabled while it has the focus (a Save button busy while its change is sent, Add operator once its
 * fields are cleared) drops the focus on the body. `dropped` remembers it until the focus lands anywhere, so a
 * dialog that this work opens (the second-manager dialog) still knows the control that opened it.
 * `owed` is a closed panel's opener that was disabled when the panel closed: it gets the focus once it is enabled
 * again. If it is still disabled once the work has settled (a task later), the control before it stands in
 * meanwhile rather than the body. A panel opened meanwhile counts `owed` as its opener; the focus landing anywhere
 * else means the person has moved on, and nothing is owed any more.
 */
let dropped: HTMLElement | null = null;
let owed: { to: HTMLElement; standIn: HTMLElement | null; end(): void } | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener(
    'focusout',
    (e) => {
      if (e.target instanceof HTMLElement && e.target.matches(':disabled')) dropped = e.target;
    },
    true,
  );
  document.addEventListener(
    'focusin',
    (e) => {
      dropped = null;
      if (owed && e.target !== owed.standIn) owed.end();
    },
    true,
  );
}

function openerNow(): Element | null {
  const active = document.activeElement;
  if (owed && (focusLost() || active === owed.standIn)) return owed.to;
  return !focusLost() ? active : (dropped ?? active);
}

/** Focuses `to` now, or, while it is disabled, as soon as it is enabled again (see `owed`). */
function giveFocusBack(to: HTMLElement): void {
  owed?.end();
  if (!to.matches(':disabled')) {
    to.focus();
    return;
  }
  const observer = new MutationObserver(() => {
    if (to.matches(':disabled')) return;
    const waiting = focusLost() || document.activeElement === debt.standIn;
    debt.end();
    if (waiting && to.isConnected) to.focus();
  });
  const settled = setTimeout(() => {
    const standIn = focusLost() && to.isConnected ? controlBefore(to) : null;
    if (!standIn) return;
    debt.standIn = standIn;
    standIn.focus();
  }, 0);
  const expiry = setTimeout(() => debt.end(), GIVE_BACK_WITHIN_MS);
  const debt = {
    to,
    standIn: null as HTMLElement | null,
    end() {
      observer.disconnect();
      clearTimeout(settled);
      clearTimeout(expiry);
      if (owed === debt) owed = null;
    },
  };
  observer.observe(to, { attributes: true, attributeFilter: ['disabled'] });
  owed = debt;
}

/**
 * Focus for a dialog or a panel that takes over from the control that opened it: when it opens the focus moves in
 * (to its autoFocus control, else to the panel itself); when it closes with the focus inside it, it goes back to
 * that control — or, if that control is gone, to the first of `fallbacks` on the page, else to the screen — so the
 * keyboard never lands on the body. A control disabled at that moment gets it once it is enabled again (see
 * `owed`). A panel that closes because the person moved elsewhere (typing in another field) leaves the focus where
 * it is.
 * `fallbacks` are read when the panel closes (a control the same commit put on the page counts).
 */
export function useReturnFocus(
  panel: RefObject<HTMLElement | null>,
  fallbacks: readonly RefObject<HTMLElement | null>[] = [],
): void {
  const opener = useRef<Element | null>(null);
  // Refs are stable objects: the first render's list is the list.
  const others = useRef(fallbacks);
  useEffect(() => {
    const el = panel.current;
    if (el && !el.contains(document.activeElement)) el.focus();
    const before = opener.current;
    const list = others.current;
    return () => {
      if (!focusLost()) return;
      const to = [before, ...list.map((f) => f.current)].find(
        (c): c is HTMLElement => c instanceof HTMLElement && c.isConnected,
      );
      // A dialog opened from another dialog (four-eyes after Approve) outlives its opener: the screen takes the keys.
      if (to) giveFocusBack(to);
      else focusScreen();
    };
  }, [panel]);
  // Read during the first render, before autoFocus runs in the commit.
  if (opener.current === null) opener.current = openerNow();
}

/**
 * A modal's focus: in and back as useReturnFocus says, and Tab and Shift+Tab cycle within it. Returns the keydown
 * handler for the dialog element.
 */
export function useModalFocus(
  dialog: RefObject<HTMLElement | null>,
  fallbacks?: readonly RefObject<HTMLElement | null>[],
): (e: KeyboardEvent<HTMLElement>) => void {
  useReturnFocus(dialog, fallbacks);

  return (e) => {
    if (e.key !== 'Tab') return;
    const el = dialog.current;
    if (!el) return;
    const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(visible);
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
