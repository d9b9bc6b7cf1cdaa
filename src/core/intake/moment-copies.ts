/**
 * How many differently edited copies of one signed moment an intake stores whole. The signature covers an item's tid
 * (or order) and Praxis's second, not its status: anyone holding one captured message can, within its window, send it
 * again under any number of made-up statuses, each a new dedupe key. Praxis itself sends a moment once per status.
 */
export interface MomentCopies {
  /** Whether this copy (its moment and dedupe key) may be stored whole: its key was seen, or the moment has room. */
  admit(moment: string, key: string, praxisTimestamp: number): boolean;
}

/** Statuses one item can plausibly reach within one second of Praxis's clock (requested, then approved, …). */
export const STATUSES_PER_MOMENT = 4;

export function createMomentCopies(
  opts: { perMoment?: number; windowSeconds: number },
  now: () => number = Date.now,
): MomentCopies {
  const perMoment = opts.perMoment ?? STATUSES_PER_MOMENT;
  // Only validly signed moments get here, so the map holds what Praxis sent in one window, nothing an attacker chose.
  const moments = new Map<string, { keys: Set<string>; until: number }>();
  let sweptAt = 0;
  return {
    admit(moment, key, praxisTimestamp) {
      const nowSeconds = Math.floor(now() / 1000);
      // Past its window a copy is refused as stale before it gets here: its moment is forgotten, once a second at most.
      if (nowSeconds !== sweptAt) {
        sweptAt = nowSeconds;
        for (const [past, m] of moments) if (m.until < nowSeconds) moments.delete(past);
      }
      let m = moments.get(moment);
      if (!m) {
        m = { keys: new Set(), until: praxisTimestamp + opts.windowSeconds };
        moments.set(moment, m);
      }
      if (m.keys.has(key)) return true;
      if (m.keys.size >= perMoment) return false;
      m.keys.add(key);
      return true;
    },
  };
}
