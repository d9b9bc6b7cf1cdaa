/** How long the simulator's holds last before they lapse: one window for the run, and overrides for some tids. */
export function createHoldWindows(defaultMs: number) {
  let seconds = Math.max(1, Math.round(defaultMs / 1000));
  const byTid = new Map<number, number>();
  return {
    secondsOf: (tid: number) => byTid.get(tid) ?? seconds,
    /** Every hold (no tids), or only these tids. */
    set(windowSeconds: number, tids?: number[]) {
      if (tids && tids.length > 0) for (const tid of tids) byTid.set(tid, windowSeconds);
      else seconds = windowSeconds;
    },
    current: () => ({ seconds, tids: Object.fromEntries(byTid) }),
  };
}
export type HoldWindows = ReturnType<typeof createHoldWindows>;
