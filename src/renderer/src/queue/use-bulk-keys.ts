import { useEffect, useState } from 'react';
import type { Bindings } from '../keyboard/shortcut-matcher';

/** One Shift key that acts on the selection: what it does in words ("approves") and how it opens its dialog. */
export interface BulkKey {
  verb: string;
  open(tids: number[]): void;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);
/** 'shift+a' as the keys line writes it: "Shift+A". */
const keyName = (combo: string) => combo.replace(/(^|\+)(\w)/g, (_, plus: string, c: string) => plus + c.toUpperCase());

/**
 * A queue's bulk keys, each given the selection. With nothing selected a key says so rather than do nothing
 * ("Shift+A approves the selected requests: select some with X first."); the words go at the next key or click.
 */
export function useBulkKeys(
  plural: string,
  selected: () => number[],
  keys: Record<string, BulkKey>,
): { bindings: Bindings; nothingSelected: string | null } {
  const [said, setSaid] = useState<{ text: string; at: number } | null>(null);
  useEffect(() => {
    if (!said) return;
    const clear = (e: Event) => {
      if (e.timeStamp <= said.at || (e instanceof KeyboardEvent && MODIFIERS.has(e.key))) return;
      setSaid(null);
    };
    window.addEventListener('keydown', clear, true);
    window.addEventListener('pointerdown', clear, true);
    return () => {
      window.removeEventListener('keydown', clear, true);
      window.removeEventListener('pointerdown', clear, true);
    };
  }, [said]);
  const bindings: Bindings = {};
  for (const [combo, key] of Object.entries(keys))
    bindings[combo] = () => {
      const tids = selected();
      if (tids.length > 0) key.open(tids);
      else
        setSaid({
          text: `${keyName(combo)} ${key.verb} the selected ${plural}: select some with X first.`,
          at: performance.now(),
        });
    };
  return { bindings, nothingSelected: said?.text ?? null };
}
