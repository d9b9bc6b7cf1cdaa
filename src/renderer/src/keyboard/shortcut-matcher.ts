/** A key press as the matcher needs it (a DOM KeyboardEvent fits). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Bindings are written 'mod+k', 'escape', 'shift+a', or a two-step sequence 'g p'. */
export type Bindings = Record<string, () => void>;

const SEQUENCE_WINDOW_MS = 1500;

/** 'mod' is Ctrl or Cmd so one binding serves Linux, Windows and macOS. */
export function comboOf(e: KeyPress): string {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase().replace(/^esc$/, 'escape');
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('mod');
  if (e.altKey) parts.push('alt');
  // Shift only matters for letters: '?' already says shift.
  if (e.shiftKey && /^[a-z]$/.test(key)) parts.push('shift');
  parts.push(key);
  return parts.join('+');
}

/** Keys that still act while the operator types into a field. */
const worksInFields = (combo: string) => combo === 'escape' || combo.startsWith('mod+');

/**
 * Turns key presses into binding calls, including two-key sequences ('g' then 'p'). Returns true when the
 * press was consumed, so the caller can preventDefault. In a field only Esc and Ctrl/Cmd combinations act; on a
 * control (`onControl`) sequences act too, but no single key.
 */
export function createShortcutMatcher(getBindings: () => Bindings, now: () => number = Date.now) {
  let pending: { prefix: string; at: number } | null = null;
  return {
    handle(e: KeyPress, inEditableField: boolean, onControl = false): boolean {
      const combo = comboOf(e);
      if (['control', 'meta', 'shift', 'alt'].includes(combo.split('+').pop()!)) return false;
      if (inEditableField && !worksInFields(combo)) {
        pending = null;
        return false;
      }
      const bindings = getBindings();
      if (pending && now() - pending.at <= SEQUENCE_WINDOW_MS) {
        const action = bindings[`${pending.prefix} ${combo}`];
        pending = null;
        if (action) {
          action();
          return true;
        }
      }
      pending = null;
      // On a button or link a letter means nothing to the control: a sequence (G then P) may go on, a single key not.
      const action = onControl && !worksInFields(combo) ? undefined : bindings[combo];
      if (action) {
        action();
        return true;
      }
      if (Object.keys(bindings).some((b) => b.startsWith(`${combo} `))) {
        pending = { prefix: combo, at: now() };
        return true;
      }
      return false;
    },
  };
}
