import { searchWords, typedWords, type PaletteCommand } from './palette-commands';

/** Edits (insert, delete, change, swap of two neighbours) from `a` to `b`: "paymnts" is 1 from "payments". */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** How many slips a typed word of this length may have and still name a word: none under 3 letters. */
const slipsAllowed = (length: number) => (length < 3 ? -1 : length < 6 ? 1 : length < 8 ? 2 : 3);

/**
 * The fewest edits from `typed` to the start of `word` (a word is typed from its start, often not to its end). A start
 * much shorter than what was typed does not count: "switch" is not a slip of "with…".
 */
const distanceToStart = (typed: string, word: string) => {
  const shortest = Math.min(word.length, Math.max(1, typed.length - 1));
  return Math.min(
    ...Array.from({ length: word.length - shortest + 1 }, (_, k) => editDistance(typed, word.slice(0, shortest + k))),
  );
};

/**
 * The commands nearest to what was typed when nothing matches it: each typed word of 3 letters or more counts for a
 * command when it is a slip or two (three for a long word) from the start of one of the command's words. Most such words first, then
 * fewest slips; at most `limit`, and none when no word comes near.
 */
export function nearestCommands(commands: PaletteCommand[], query: string, limit = 3): PaletteCommand[] {
  const typed = typedWords(query);
  return commands
    .map((command, order) => {
      const words = searchWords(command);
      let near = 0;
      let slips = 0;
      for (const t of typed) {
        const best = Math.min(...words.map((w) => distanceToStart(t, w)));
        if (best > slipsAllowed(t.length)) continue;
        near++;
        slips += best;
      }
      return { command, near, slips, order };
    })
    .filter((c) => c.near > 0)
    .sort((a, b) => b.near - a.near || a.slips - b.slips || a.order - b.order)
    .slice(0, limit)
    .map((c) => c.command);
}
