/** Where in a parsed input a string holds a NUL character (PostgreSQL text cannot store one), or null. */
export function nulCharacterAt(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'value' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulCharacterAt(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}
