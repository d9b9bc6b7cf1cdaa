import { createShortcutMatcher, type Bindings, type KeyPress } from './shortcut-matcher';

/**
 * Every mounted useShortcuts call registers here and one matcher serves them all, so a sequence started in
 * the frame ('g' then 's') finishes before a screen's single key ('s' = split) can claim the second press.
 * On a clash of the same key, the latest registration (a dialog opened over a screen) wins.
 */
const registrations: Array<{ bindings: () => Bindings }> = [];

export function mergedBindings(): Bindings {
  return Object.assign({}, ...registrations.map((r) => r.bindings()));
}

const matcher = createShortcutMatcher(mergedBindings);

export function handleKeyPress(e: KeyPress, inEditableField: boolean): boolean {
  return matcher.handle(e, inEditableField);
}

export function registerShortcuts(bindings: () => Bindings): () => void {
  const entry = { bindings };
  registrations.push(entry);
  return () => {
    const i = registrations.indexOf(entry);
    if (i >= 0) registrations.splice(i, 1);
  };
}

export const registrationCount = (): number => registrations.length;
