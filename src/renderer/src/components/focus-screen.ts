/** The id of the frame's <main>, the screen's own focus stop (tabIndex -1). */
export const SCREEN_ID = 'main';

/** Hands the keyboard to the screen (its J/K, A… keys) without dropping the focus on the page body. */
export function focusScreen(): void {
  document.getElementById(SCREEN_ID)?.focus({ preventScroll: true });
}
