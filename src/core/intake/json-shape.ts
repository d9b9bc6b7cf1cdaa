import { unstorableIn } from '../store/unstorable-text';

/** Deepest nesting a Praxis notification needs is 4 (body › transaction › card › field); 32 leaves room for change. */
export const MAX_JSON_DEPTH = 32;

/**
 * What makes a parsed JSON value unfit to store, whatever its schema says, or null: nesting deeper than `maxDepth`, or
 * a key or a string no store can hold (`unstorableIn`: the store would fail on every resend).
 * Iterative, so a hostile depth cannot overflow the stack.
 */
export function jsonShapeProblem(value: unknown, maxDepth: number): string | null {
  const stack: Array<[unknown, number, string]> = [[value, 1, 'body']];
  while (stack.length) {
    const [v, depth, path] = stack.pop()!;
    if (typeof v === 'string') {
      const what = unstorableIn(v);
      if (what) return `${path.slice(0, 120)} holds ${what}, which no Praxis field does`;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return `JSON nested deeper than ${maxDepth} levels`;
    for (const [key, child] of Object.entries(v)) {
      const what = unstorableIn(key);
      if (what) return `a key in ${path.slice(0, 120)} holds ${what}, which no Praxis field does`;
      stack.push([child, depth + 1, `${path}.${key}`]);
    }
  }
  return null;
}
