/** The event-loop delay of this thread (the one answering commands) while something runs. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How long the measured work took. */
  elapsedMs: number;
}

const toMs = (ns: number) => Math.round(ns / 1e5) / 10;

/** Runs `work` while sampling this thread's event-loop delay at 1 ms resolution. */
export async function measureLoopDelay(work: () => Promise<unknown>): Promise<LoopDelay> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  // The histogram records from its second tick on: let the first pass, or a stall from the start would go unseen.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const t0 = performance.now();
  let elapsedMs = 0;
  try {
    await work();
    elapsedMs = Math.round(performance.now() - t0);
    // A stall at the very end is recorded only when the sampling timer next runs: let it.
    await new Promise((resolve) => setTimeout(resolve, 5));
  } finally {
    h.disable();
  }
  return {
    p50Ms: toMs(h.percentile(50)),
    p99Ms: toMs(h.percentile(99)),
    maxMs: toMs(h.max),
    elapsedMs,
  };
}
