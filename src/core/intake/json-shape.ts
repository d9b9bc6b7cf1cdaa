/** Deepest nesting a Praxis notification needs is 4 (body › transaction › card › field); 32 leaves room for change. */
export const MAX_JSON_DEPTH = 32;

/**
 * What makes a parsed JSON value unfit to store, whatever its schema says, or null: nesting deeper than `maxDepth`, or
 * a NUL character in a key or a string (PostgreSQL's text and jsonb refuse it, so the store would fail on every resend).
 * Iterative, so a hostile depth cannot overflow the stack.
 */
export function jsonShapeProblem(value: unknown, maxDepth: number): string | null {
  const stack: Array<[unknown, number, string]> = [[value, 1, 'body']];
  while (stack.length) {
    const [v, depth, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\0')) return `${path.slice(0, 120)} holds a NUL character, which no Praxis field does`;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return `JSON nested deeper than ${maxDepth} levels`;
    for (const [key, child] of Object.entries(v)) {
      if (key.includes('\0')) return `a key in ${path.slice(0, 120)} holds a NUL character, which no Praxis field does`;
      stack.push([child, depth + 1, `${path}.${key}`]);
    }
  }
  return null;
}
