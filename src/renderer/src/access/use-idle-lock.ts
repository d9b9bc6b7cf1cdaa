import { useEffect } from 'react';
import { accessActions, useAccess } from '../stores/access';

const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * While someone is signed in: their keys and pointer tell the core they are still here, and after the desk's idle
 * time without either the window locks itself (the core also refuses calls once that time has passed).
 */
export function useIdleLock(): void {
  const access = useAccess((s) => s.access);
  const minutes = access?.mode === 'signed-in' ? access.idleLockMinutes : null;
  useEffect(() => {
    if (minutes === null) return;
    let timer = window.setTimeout(() => void accessActions.lock(), minutes * 60_000);
    const active = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void accessActions.lock(), minutes * 60_000);
      accessActions.touch();
    };
    ACTIVITY.forEach((e) => window.addEventListener(e, active, { capture: true, passive: true }));
    return () => {
      window.clearTimeout(timer);
      ACTIVITY.forEach((e) => window.removeEventListener(e, active, { capture: true }));
    };
  }, [minutes]);
}
