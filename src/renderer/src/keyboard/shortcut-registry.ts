import { createShortcutMatcher, type Bindings, type KeyPress } from './shortcut-matcher';

/**
 * Every mounted useShortcuts call registers here and one matcher serves them all, so a sequence started in
 * the frame ('g' then 's') finishes before a screen's single key ('s' = split) can claim the second press.
 * On a clash of the same key, the latest registration (a dialog opened over a screen) wins.
 */

/** 'screen': the frame's and a screen's keys; 'dialog': a modal's own keys, the only ones live while it is open. */
export type ShortcutScope = 'screen' | 'dialog';

/** Where the key press happened, as far as shortcuts care. */
export interface FocusPlace {
  /** A text field, select or editable element: typing belongs to it. */
  inField: boolean;
  /** A button, link or other control: Enter and Space belong to it, and single keys stay off (sequences act). */
  onControl: boolean;
  /** A modal dialog is open: the screen behind it hears nothing. */
  inDialog: boolean;
}

const registrations: Array<{ bindings: () => Bindings; scope: ShortcutScope }> = [];
let place: FocusPlace = { inField: false, onControl: false, inDialog: false };

export function mergedBindings(): Bindings {
  const scope: ShortcutScope = place.inDialog ? 'dialog' : 'screen';
  return Object.assign({}, ...registrations.filter((r) => r.scope === scope).map((r) => r.bindings()));
}

const matcher = createShortcutMatcher(mergedBindings);

/** `where` is a FocusPlace, or (for tests and simple callers) whether the press was in an editable field. */
export function handleKeyPress(e: KeyPress, where: boolean | FocusPlace): boolean {
  place = typeof where === 'boolean' ? { inField: where, onControl: false, inDialog: false } : where;
  // On a control Esc, Ctrl/Cmd combinations and sequences (G then P) act; single keys stay off.
  return matcher.handle(e, place.inField, place.onControl);
}

export function registerShortcuts(bindings: () => Bindings, scope: ShortcutScope = 'screen'): () => void {
  const entry = { bindings, scope };
  registrations.push(entry);
  return () => {
    const i = registrations.indexOf(entry);
    if (i >= 0) registrations.splice(i, 1);
  };
}

export const registrationCount = (): number => registrations.length;
