/** Deepest nesting a Praxis notification needs is 4 (body › transaction › card › field); 32 leaves room for change. */
export const MAX_JSON_DEPTH = 32;

/** True when a parsed JSON value nests deeper than `max` levels; iterative, so a hostile depth cannot overflow the stack. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
