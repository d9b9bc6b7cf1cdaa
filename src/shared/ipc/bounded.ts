import { z } from 'zod';

/*
 * Every input of the contract has an upper bound, so no caller can make the desk store or hold an unbounded
 * value. Records carry their bound as `maxProperties` too, so the contract test can see it.
 */

export function boundedRecord<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V, maxEntries: number) {
  return z
    .record(key, value)
    .refine((r) => Object.keys(r).length <= maxEntries, { message: `At most ${maxEntries} entries` })
    .meta({ maxProperties: maxEntries });
}

const serialisedBytes = (v: unknown): number => {
  try {
    return new TextEncoder().encode(JSON.stringify(v)).length;
  } catch {
    return Number.POSITIVE_INFINITY; // too deep to serialise: certainly too large
  }
};

/** A JSON object kept for the renderer (a saved view's filter and sort): its keys bounded, its size capped. */
export function boundedJsonObject(maxBytes: number) {
  return boundedRecord(z.string().max(64), z.unknown(), 64).refine((v) => serialisedBytes(v) <= maxBytes, {
    message: `Larger than ${maxBytes / 1024} KB; a saved view holds a filter and a sort`,
  });
}

const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));

/**
 * A map keyed by ISO 4217 codes. Checked on the raw input first: zod's record silently drops keys such as
 * `__proto__`, and `{"__proto__": 5}` must be refused, not saved as `{}`.
 */
export function currencyRecord(value: z.ZodNumber, maxEntries: number) {
  const map = boundedRecord(z.string(), value, maxEntries);
  return z
    .custom<Record<string, number>>((raw) => typeof raw === 'object' && raw !== null && !Array.isArray(raw), {
      message: 'Expected a map of currency codes to amounts',
    })
    .superRefine((raw, ctx) => {
      for (const key of Object.keys(raw))
        if (!ISO_4217.has(key))
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `"${key.slice(0, 16)}" is not an ISO 4217 currency code: use three capital letters such as EUR, JPY or KWD`,
          });
    })
    .pipe(map)
    .meta({ maxProperties: maxEntries });
}
