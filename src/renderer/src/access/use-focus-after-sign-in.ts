import { useEffect, useRef } from 'react';
import { focusScreen } from '../components/focus-screen';
import { focusLost } from '../components/focus-lost';

/**
 * When the sign-in (or the lock over the desk) closes with the keyboard in it, the keyboard goes back to the control
 * it was on under the lock, else to the screen that opened, never to the page body.
 */
export function useFocusAfterSignIn(): void {
  // Read in the first render, before the desk under a lock turns inert.
  const before = useRef<Element | null | undefined>(undefined);
  if (before.current === undefined) before.current = document.activeElement;
  useEffect(
    () => () => {
      if (!focusLost()) return;
      const back = before.current;
      if (back instanceof HTMLElement && back !== document.body && back.isConnected) back.focus();
      else focusScreen();
    },
    [],
  );
}
