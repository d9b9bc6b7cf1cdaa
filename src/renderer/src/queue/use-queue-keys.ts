import { useShortcuts } from '../keyboard/use-shortcuts';
import type { Bindings } from '../keyboard/shortcut-matcher';

/** The moves every queue's keyboard makes; the store factory's actions and selectors provide them. */
export interface QueueKeyTargets {
  moveCursor(delta: number): void;
  openDetail(tid: number): Promise<void>;
  closeDetail(): void;
  toggleSelected(tid: number): void;
  cursorOrFirst(): number | null;
}

/**
 * J/K (and the arrows) move, Enter opens the detail, Esc closes it, X selects or unselects, / searches; the screen
 * adds its action keys, each given the tid under the cursor. Single keys never fire from a button, a field or a
 * dialog (the shortcut registry's rule), so `enabled` is off while the screen's own dialog is open.
 */
export function useQueueKeys(
  queue: QueueKeyTargets,
  searchId: string,
  actionKeys: Record<string, (tid: number) => void>,
  bulkKeys: Bindings,
  enabled: boolean,
): void {
  const onCursor = (act: (tid: number) => void) => () => {
    const tid = queue.cursorOrFirst();
    if (tid !== null) act(tid);
  };
  const bindings: Bindings = {
    j: () => queue.moveCursor(1),
    k: () => queue.moveCursor(-1),
    arrowdown: () => queue.moveCursor(1),
    arrowup: () => queue.moveCursor(-1),
    enter: onCursor((tid) => void queue.openDetail(tid)),
    escape: () => queue.closeDetail(),
    // Only toggles, as the keyboard map says: a cursor that moved on made J X J X select every other row.
    x: onCursor((tid) => queue.toggleSelected(tid)),
    '/': () => document.getElementById(searchId)?.focus(),
    ...bulkKeys,
  };
  for (const [key, act] of Object.entries(actionKeys)) bindings[key] = onCursor(act);
  useShortcuts(bindings, enabled);
}
