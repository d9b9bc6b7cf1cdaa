import { useRef } from 'react';
import { reasonNeedsNote } from '../../../shared/queue-views';
import { useShortcuts } from '../keyboard/use-shortcuts';
import type { PickableReason } from './ReasonDialog';

/**
 * How a decision's reason is picked, in a single reject or void and in a bulk one: keys 1–9 or the list, and a reason
 * that needs a note takes the focus to the note (a frame later, so the key that picked it types nothing there).
 */
export function useReasonPick(reasons: readonly PickableReason[], note: string, onReason: (code: string) => void) {
  const noteField = useRef<HTMLTextAreaElement>(null);
  const pick = (code: string) => {
    onReason(code);
    const r = reasons.find((x) => x.code === code);
    if (r && reasonNeedsNote(r) && !note.trim()) requestAnimationFrame(() => noteField.current?.focus());
  };
  const keys: Record<string, () => void> = {};
  reasons.slice(0, 9).forEach((r, i) => (keys[String(i + 1)] = () => pick(r.code)));
  useShortcuts(keys, true, 'dialog');
  return { pick, noteField };
}
