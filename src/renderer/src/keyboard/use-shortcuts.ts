import { useEffect, useRef } from 'react';
import { handleKeyPress, registerShortcuts, registrationCount } from './shortcut-registry';
import type { Bindings } from './shortcut-matcher';

const isEditable = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

const onKey = (e: KeyboardEvent) => {
  if (e.defaultPrevented || e.repeat) return;
  if (handleKeyPress(e, isEditable(e.target))) e.preventDefault();
};

/**
 * The desk's one keyboard hook: the frame binds navigation and the palette, and each queue screen binds
 * its own keys (J/K, A, R…) with the same call. Bindings may change on every render.
 */
export function useShortcuts(bindings: Bindings, enabled = true): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  useEffect(() => {
    if (!enabled) return;
    if (registrationCount() === 0) window.addEventListener('keydown', onKey);
    const unregister = registerShortcuts(() => latest.current);
    return () => {
      unregister();
      if (registrationCount() === 0) window.removeEventListener('keydown', onKey);
    };
  }, [enabled]);
}
