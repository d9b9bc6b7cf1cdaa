import { useEffect } from 'react';
import { focusAsStandIn, focusMoved } from './focus-lost';
import { SCREEN_ID } from './focus-screen';

/** The open modal dialog on top, if any: focus that falls while one is open stays inside it. */
const topModal = (): HTMLElement | null => {
  const open = document.querySelectorAll<HTMLElement>('[aria-modal="true"]');
  return open.length ? open[open.length - 1]! : null;
};

/**
 * Focus that falls to the page body — its control left the page (a paid row, a closed pane, a dismissed result) —
 * goes to the screen, or to the modal dialog still open, so the keys and a screen reader keep their place. Checked a
 * frame later; it is a stand-in (focus-lost.ts), so what hands the focus on afterwards (an opener, an outcome) still
 * does. Chromium sends no focusout when the focused element is removed, so removals are watched too.
 */
export function useFocusNeverOnBody(): void {
  useEffect(() => {
    let frame = 0;
    // A page just opened has the focus on its body, where the first Tab starts at the navigation: only focus that fell
    // there from a control is taken up.
    let hadFocus = false;
    const check = () => {
      frame = 0;
      if (document.activeElement !== document.body && document.activeElement !== null) return;
      const modal = topModal();
      if (modal && !modal.hasAttribute('tabindex')) modal.tabIndex = -1;
      const to = modal ?? document.getElementById(SCREEN_ID);
      if (to) focusAsStandIn(to);
    };
    const moved = (e: FocusEvent) => {
      hadFocus = true;
      focusMoved(e.target);
    };
    const soon = () => {
      if (hadFocus && !frame && document.activeElement === document.body) frame = requestAnimationFrame(check);
    };
    // After focusout the new element is not yet focused: look once the move is over.
    const afterFocusOut = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    document.addEventListener('focusout', afterFocusOut);
    document.addEventListener('focusin', moved);
    const removals = new MutationObserver(soon);
    removals.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusout', afterFocusOut);
      document.removeEventListener('focusin', moved);
      removals.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
