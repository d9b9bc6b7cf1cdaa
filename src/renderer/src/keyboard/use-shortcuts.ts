import { useEffect, useRef } from 'react';
import { createShortcutMatcher, type Bindings } from './shortcut-matcher';

const isEditable = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

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
    const matcher = createShortcutMatcher(() => latest.current);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      if (matcher.handle(e, isEditable(e.target))) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
