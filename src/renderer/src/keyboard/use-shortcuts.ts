import { useEffect, useRef } from 'react';
import {
  handleKeyPress,
  registerShortcuts,
  registrationCount,
  type FocusPlace,
  type ShortcutScope,
} from './shortcut-registry';
import type { Bindings } from './shortcut-matcher';

const CONTROLS =
  'button, a[href], summary, [role="button"], [role="link"], [role="menuitem"], [role="option"], [role="tab"], [role="checkbox"], [role="radio"]';

function placeOf(target: EventTarget | null): FocusPlace {
  const el = target instanceof HTMLElement ? target : null;
  return {
    inField: !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)),
    onControl: !!el && el.closest(CONTROLS) !== null,
    inDialog: document.querySelector('[aria-modal="true"]') !== null,
  };
}

// While the desk is locked nothing under the lock hears a key, dialogs included.
let paused = false;
export const pauseShortcuts = (pause: boolean) => {
  paused = pause;
};

const onKey = (e: KeyboardEvent) => {
  if (paused || e.defaultPrevented || e.repeat) return;
  if (handleKeyPress(e, placeOf(e.target))) e.preventDefault();
};

/**
 * The desk's one keyboard hook: the frame binds navigation and the palette, each queue screen binds its own keys
 * (J/K, A, R…), and a modal binds its own with scope 'dialog'. Bindings may change on every render.
 */
export function useShortcuts(bindings: Bindings, enabled = true, scope: ShortcutScope = 'screen'): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  useEffect(() => {
    if (!enabled) return;
    if (registrationCount() === 0) window.addEventListener('keydown', onKey);
    const unregister = registerShortcuts(() => latest.current, scope);
    return () => {
      unregister();
      if (registrationCount() === 0) window.removeEventListener('keydown', onKey);
    };
  }, [enabled, scope]);
}
