/** Where the desk put the keyboard when it fell to the page body (use-focus-never-on-body.ts); null once it moves. */
let standIn: Element | null = null;

/**
 * The keyboard is nowhere a person put it: on the page body, or on the stand-in the desk gave it when it fell there.
 * What hands the focus on by itself (a dialog's opener, a session's outcome) treats both alike.
 */
export const focusLost = (): boolean => {
  const active = document.activeElement;
  return active === null || active === document.body || active === standIn;
};

/** Gives the fallen keyboard to `el`, as a stand-in that what comes next may still take it from. */
export function focusAsStandIn(el: HTMLElement): void {
  el.focus({ preventScroll: true });
  standIn = document.activeElement === el ? el : null;
}

/** Called on each focus move: a move anywhere else ends the stand-in. */
export function focusMoved(to: EventTarget | null): void {
  if (to !== standIn) standIn = null;
}
