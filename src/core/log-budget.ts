/** A per-window budget of log lines, so a flood of refused requests cannot fill the log. */
export interface LineBudget {
  /** Whether this line may be written; `heldBack` counts the lines refused since the last one allowed. */
  take(): { allowed: boolean; heldBack: number };
}

export function createLineBudget(opts: { linesPerWindow: number; windowMs: number; now?: () => number }): LineBudget {
  const now = opts.now ?? Date.now;
  let windowStart = now();
  let used = 0;
  let heldBack = 0;
  return {
    take() {
      if (now() - windowStart >= opts.windowMs) {
        windowStart = now();
        used = 0;
      }
      if (used >= opts.linesPerWindow) {
        heldBack++;
        return { allowed: false, heldBack };
      }
      used++;
      const reported = heldBack;
      heldBack = 0;
      return { allowed: true, heldBack: reported };
    },
  };
}
